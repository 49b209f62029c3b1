using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>The diagnostics echo hub the load tool measures against: off unless <c>Drafting:Diagnostics</c> is true.</summary>
public sealed class EchoHubTests(DraftingApp app, EchoHubTests.DiagnosticsApp diagnostics)
    : IClassFixture<DraftingApp>, IClassFixture<EchoHubTests.DiagnosticsApp>
{
    [Fact]
    public async Task The_echo_hub_is_absent_by_default()
    {
        await using var echo = Connect(app.BaseAddress);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => echo.StartAsync());

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task The_echo_hub_answers_with_the_same_text_when_diagnostics_are_on()
    {
        await using var echo = Connect(diagnostics.BaseAddress);
        await echo.StartAsync();

        Assert.Equal("ping é", await echo.InvokeAsync<string>("Echo", "ping é"));
    }

    private static HubConnection Connect(Uri server) =>
        new HubConnectionBuilder().WithUrl(new Uri(server, "hubs/echo")).Build();

    public sealed class DiagnosticsApp : DraftingApp
    {
        protected override IReadOnlyDictionary<string, string> Settings =>
            new Dictionary<string, string> { ["Drafting:Diagnostics"] = "true" };
    }
}
