using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>PROTOCOL.md §2: health without a token; unknown routes are problems.</summary>
public sealed class RestHttpTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Health_answers_200_without_a_token_when_the_database_answers()
    {
        using var response = await app.Api().Http.GetAsync(new Uri("health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_not_found_problem_and_a_known_route_with_a_bad_id_too()
    {
        var member = await app.JoinAsync(Role.Member);
        await Problem.AssertAsync(await app.Api().Http.GetAsync("api/nothing-here", member.Api.Token), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await app.Api().Http.GetAsync("api/documents/not-a-guid", member.Api.Token), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/api/documents")]
    [InlineData("/api/documents/{id}/events")]
    [InlineData("/api/documents/{id}/diff")]
    [InlineData("/api/documents/{id}/meetings")]
    [InlineData("/api/documents/{id}/rows")]
    [InlineData("/api/documents/{id}/revisions/{label}/concordance")]
    [InlineData("/api/participants")]
    [InlineData("/api/auth/token")]
    public async Task The_openapi_description_lists_the_rest_calls(string path)
    {
        using var response = await app.Api().Http.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var description = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(description.RootElement.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not described");
    }

    [Fact]
    public async Task A_wrong_method_is_an_invalid_problem()
    {
        var member = await app.JoinAsync(Role.Member);
        await Problem.AssertAsync(await app.Api().Http.SendAsync(HttpMethod.Put, "api/documents", member.Api.Token), HttpStatusCode.MethodNotAllowed, "invalid");
    }
}
