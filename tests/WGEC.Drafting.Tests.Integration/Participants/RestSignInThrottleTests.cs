using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Participants;

public sealed class ThreeFailuresPerMinuteApp : DraftingApp
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Drafting:SignInFailuresPerMinute"] = "3" };
}

/// <summary>PROTOCOL.md §1: repeated failed sign-ins from one address are answered 429, so codes cannot be guessed.</summary>
public sealed class RestSignInThrottleTests(ThreeFailuresPerMinuteApp app) : IClassFixture<ThreeFailuresPerMinuteApp>
{
    [Fact]
    public async Task Repeated_failures_are_rate_limited_and_a_correct_code_is_refused_while_blocked()
    {
        // Participants are made before the failures: every test of this class signs in from the same loopback address.
        var member = await app.JoinAsync(Role.Member);
        var http = app.Api().Http;

        for (var i = 0; i < 3; i++)
        {
            await Problem.AssertAsync(
                await http.SendAsync(HttpMethod.Post, "api/auth/token", null, new TokenRequest($"wrong-{i}")), HttpStatusCode.Unauthorized, "unauthorized");
        }

        await Problem.AssertAsync(
            await http.SendAsync(HttpMethod.Post, "api/auth/token", null, new TokenRequest("wrong-again")), HttpStatusCode.TooManyRequests, "rate-limited");
        await Problem.AssertAsync(
            await http.SendAsync(HttpMethod.Post, "api/auth/token", null, new TokenRequest(member.InviteCode)), HttpStatusCode.TooManyRequests, "rate-limited");
        // A token already held keeps working: only sign-in is throttled.
        Assert.NotNull(await member.Api.DocumentsAsync());
    }
}
