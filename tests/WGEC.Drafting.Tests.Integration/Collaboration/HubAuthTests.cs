using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>Tokens on the hub: refused at negotiate, revocation closes live connections (PROTOCOL.md §1).</summary>
public sealed class HubAuthTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.c2lnbmF0dXJl")]
    public async Task Connecting_without_a_valid_token_is_refused_at_negotiate(string? token)
    {
        await using var connection = new DraftingConnection(app.BaseAddress, () => Task.FromResult(token));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Revoked_participants_token_is_refused_at_negotiate(HttpTransportType transport)
    {
        var secretariat = await app.SecretariatAsync();
        var member = await app.JoinAsync(Role.Member);
        await secretariat.Api.RevokeAsync(member.Id);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => member.ConnectAsync(transport));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Revoking_a_participant_closes_their_live_connections_at_once_and_their_next_call_fails(HttpTransportType transport)
    {
        var secretariat = await app.SecretariatAsync();
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var live = await scene.Member.ConnectAsync(transport);
        var closed = Closed(live);
        var closedToo = Closed(scene.Editor);
        await using var bystander = await scene.Chair.ConnectAsync();

        await secretariat.Api.RevokeAsync(scene.Member.Id);

        await closed.WaitAsync(Wait.Timeout);
        await closedToo.WaitAsync(Wait.Timeout);
        Assert.Equal(HubConnectionState.Disconnected, live.Hub.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => live.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "After revocation")));
        Assert.Empty(await scene.NewEventsAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => scene.Member.ConnectAsync(transport));
        // Only that participant: others go on.
        Assert.Equal(HubConnectionState.Connected, bystander.Hub.State);
        Assert.Equal(scene.Document.Version, (await bystander.JoinDocumentAsync(new JoinDocumentRequest(scene.Id))).Version);
    }

    private static Task Closed(DraftingConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}

/// <summary>The app with tokens that live three seconds.</summary>
public sealed class ShortTokenApp : DraftingApp
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Drafting:TokenLifetime"] = Lifetime.ToString() };
}

/// <summary>A hub connection whose token expires is closed; the client reconnects with a refreshed token (PROTOCOL.md §1).</summary>
public sealed class HubTokenExpiryTests(ShortTokenApp app) : IClassFixture<ShortTokenApp>
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Connection_is_closed_when_its_token_expires_and_a_refreshed_token_connects_again(HttpTransportType transport)
    {
        var member = await app.JoinAsync(Role.Member);
        var document = await (await app.JoinAsync(Role.Chair)).Api.CreateDocumentAsync("After refresh", DocumentKind.Report);
        var signedIn = await member.Api.SignInAsync(member.InviteCode);
        var (original, signedInUntil) = (signedIn.Token, signedIn.ExpiresAt);
        await using var expiring = new DraftingConnection(app.BaseAddress, () => Task.FromResult<string?>(original), transport);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        expiring.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await expiring.StartAsync();

        // Refresh before the old token expires, into a token that outlives it by two seconds (expiry is in whole seconds).
        var refreshed = signedInUntil;
        await Wait.UntilAsync(async () =>
        {
            member.Api.Token = original;
            refreshed = (await member.Api.RefreshAsync()).ExpiresAt;
            return refreshed >= signedInUntil.AddSeconds(2);
        });
        var fresh = member.Api.Token;

        await closed.Task.WaitAsync(Wait.Timeout);
        Assert.Equal(HubConnectionState.Disconnected, expiring.Hub.State);

        await using var again = new DraftingConnection(app.BaseAddress, () => Task.FromResult(fresh), transport);
        await again.StartAsync();
        Assert.Equal(document.Version, (await again.JoinDocumentAsync(new JoinDocumentRequest(document.Id))).Version);
    }
}
