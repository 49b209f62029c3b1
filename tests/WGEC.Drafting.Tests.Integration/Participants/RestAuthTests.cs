using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Participants;

/// <summary>PROTOCOL.md §1: invite codes, tokens, refresh, revocation; every /api call needs a valid token.</summary>
public sealed class RestAuthTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    /// <summary>Every call of §1 and §2 that takes a token ({d} and {p} are filled with ids that need not exist: auth comes first).</summary>
    public static TheoryData<string, string> ApiCalls() => new()
    {
        { "GET", "api/documents" },
        { "POST", "api/documents" },
        { "GET", "api/documents/{d}" },
        { "GET", "api/documents/{d}?version=1" },
        { "GET", "api/documents/{d}/events?after=0" },
        { "GET", "api/documents/{d}/paragraphs/{p}/history" },
        { "GET", "api/documents/{d}/diff?from=1" },
        { "GET", "api/documents/{d}/export?format=markdown" },
        { "GET", "api/documents/{d}/progress" },
        { "GET", "api/participants" },
        { "POST", "api/participants" },
        { "DELETE", "api/participants/{p}" },
        { "POST", "api/auth/refresh" },
    };

    [Fact]
    public async Task Sign_in_with_a_good_code_returns_token_expiry_and_participant()
    {
        var chair = await app.JoinAsync(Role.Chair, name: "Ana Chair", delegation: "Chair");
        var signedIn = await app.Api().SignInAsync(chair.InviteCode);

        Assert.False(string.IsNullOrWhiteSpace(signedIn.Token));
        Assert.InRange(signedIn.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal(new ParticipantView(chair.Id, "Ana Chair", "Chair", Role.Chair), signedIn.Participant);
        Assert.NotNull(await app.Api(signedIn.Token).DocumentsAsync());
    }

    [Fact]
    public async Task Sign_in_with_an_unknown_code_is_unauthorized()
    {
        var detail = await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Post, "api/auth/token", null, new TokenRequest("no-such-code-" + Guid.NewGuid())),
            HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("invite code", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "inviteCode": "" }""")]
    public async Task Sign_in_without_a_code_is_unauthorized(string body) =>
        await Problem.AssertAsync(await app.Api().Http.PostRawAsync("api/auth/token", null, body), HttpStatusCode.Unauthorized, "unauthorized");

    [Fact]
    public async Task Refresh_gives_a_new_working_token_for_the_same_participant()
    {
        var member = await app.JoinAsync(Role.Member);
        var old = member.Api.Token;

        var refreshed = await member.Api.RefreshAsync();

        Assert.NotEqual(old, refreshed.Token);
        Assert.True(refreshed.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(59));
        var again = await app.Api(refreshed.Token).PostAsync<RefreshResponse>("api/auth/refresh", null);
        Assert.NotNull(again.Token);
        var payload = System.Text.Json.JsonDocument.Parse(Base64Url(refreshed.Token.Split('.')[1]));
        Assert.Equal(member.Id.ToString(), payload.RootElement.GetProperty("sub").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task Every_api_call_without_a_token_is_unauthorized(string method, string path) =>
        await Problem.AssertAsync(await Send(method, path, token: null), HttpStatusCode.Unauthorized, "unauthorized");

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task Every_api_call_with_a_garbage_token_is_unauthorized(string method, string path) =>
        await Problem.AssertAsync(await Send(method, path, token: "not.a.token"), HttpStatusCode.Unauthorized, "unauthorized");

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task Every_api_call_with_a_token_signed_by_another_key_is_unauthorized(string method, string path)
    {
        var member = await app.JoinAsync(Role.Member);
        var parts = member.Api.Token!.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(new byte[32]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

        await Problem.AssertAsync(await Send(method, path, forged), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Revoking_stops_the_participants_token_and_code_at_once()
    {
        var secretariat = await app.SecretariatAsync();
        var member = await app.JoinAsync(Role.Member);
        Assert.NotNull(await member.Api.DocumentsAsync());

        using var revoked = await app.Api().Http.SendAsync(HttpMethod.Delete, $"api/participants/{member.Id}", secretariat.Api.Token);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await Problem.AssertAsync(await app.Api().Http.GetAsync("api/documents", member.Api.Token), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem.AssertAsync(await app.Api().Http.SendAsync(HttpMethod.Post, "api/auth/refresh", member.Api.Token), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Post, "api/auth/token", null, new TokenRequest(member.InviteCode)),
            HttpStatusCode.Unauthorized, "unauthorized");
        // Others are untouched.
        Assert.NotNull(await secretariat.Api.DocumentsAsync());
    }

    [Fact]
    public async Task Revoking_an_unknown_participant_is_not_found()
    {
        var secretariat = await app.SecretariatAsync();
        var before = await secretariat.Api.ParticipantsAsync();

        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Delete, $"api/participants/{Guid.NewGuid()}", secretariat.Api.Token),
            HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await secretariat.Api.ParticipantsAsync());
    }

    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Only_the_secretariat_may_revoke(Role role)
    {
        var caller = await app.JoinAsync(role);
        var victim = await app.JoinAsync(Role.Member);

        await Problem.AssertAsync(
            await app.Api().Http.SendAsync(HttpMethod.Delete, $"api/participants/{victim.Id}", caller.Api.Token),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.NotNull(await victim.Api.DocumentsAsync());
    }

    private async Task<HttpResponseMessage> Send(string method, string path, string? token)
    {
        var filled = path.Replace("{d}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{p}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        object? body = method == "POST" ? new { } : null;
        return await app.Api().Http.SendAsync(new HttpMethod(method), filled, token, body);
    }

    private static string Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
