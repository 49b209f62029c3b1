using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Participants;

public sealed class TwoSecondTokensApp : DraftingApp
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Drafting:TokenLifetime"] = "00:00:02" };
}

/// <summary>PROTOCOL.md §1: token lifetime is configurable and expiry is checked on every call.</summary>
public sealed class RestTokenExpiryTests(TwoSecondTokensApp app) : IClassFixture<TwoSecondTokensApp>
{
    [Fact]
    public async Task An_expired_token_is_unauthorized_on_every_api_call()
    {
        var secretariat = await app.SecretariatAsync();
        var token = secretariat.Api.Token;
        var expiresAt = (await app.Api().SignInAsync(DraftingApp.SecretariatCode)).ExpiresAt;
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddSeconds(3));

        // The one wait this suite allows itself: until the configured lifetime has passed.
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1100);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);

        foreach (var (method, path) in RestAuthTests.ApiCalls().Select(row => ((string)row[0], (string)row[1])))
        {
            var filled = path.Replace("{d}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{p}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            await Problem.AssertAsync(
                await app.Api().Http.SendAsync(new HttpMethod(method), filled, token, method == "POST" ? new { } : null),
                HttpStatusCode.Unauthorized, "unauthorized");
        }
        // Signing in again gives a working token.
        Assert.NotNull(await (await app.SecretariatAsync()).Api.DocumentsAsync());
    }
}
