using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>What any client sees on the wire: a refused call's error starts with its §4 code (PROTOCOL.md §3).</summary>
public sealed class HubWireTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Refusal_error_on_the_wire_starts_with_its_code()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var observer = await app.JoinAsync(Role.Observer);
        await using var raw = await RawHubSocket.ConnectAsync(observer);

        var error = await ErrorAsync(raw, "InsertParagraph", $$"""{"documentId":"{{scene.Id}}","kind":"text","text":"x"}""");

        Assert.StartsWith("forbidden: ", error, StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("""{"documentId":"nope","kind":"text","text":"x"}""")]
    [InlineData("""{"documentId":42,"kind":"text","text":"x"}""")]
    [InlineData("\"InsertParagraph\"")]
    [InlineData("[1,2,3]")]
    public async Task A_request_the_server_cannot_read_is_invalid_with_its_code(string request)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await RawHubSocket.ConnectAsync(scene.Member);

        var error = await ErrorAsync(raw, "InsertParagraph", request);

        Assert.StartsWith("invalid: ", error, StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
        using var stillWorks = await raw.InvokeAsync("InsertParagraph", $$"""{"documentId":"{{scene.Id}}","kind":"text","text":"after"}""");
        Assert.False(stillWorks.RootElement.TryGetProperty("error", out _), stillWorks.RootElement.GetRawText());
    }

    private static async Task<string> ErrorAsync(RawHubSocket raw, string method, string request)
    {
        using var answer = await raw.InvokeAsync(method, request);
        Assert.True(answer.RootElement.TryGetProperty("error", out var error), answer.RootElement.GetRawText());
        return error.GetString()!;
    }
}
