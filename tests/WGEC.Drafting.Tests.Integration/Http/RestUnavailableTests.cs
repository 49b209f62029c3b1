using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>An app on a cluster of its own, which a test may stop and start again.</summary>
public sealed class StoppableDatabaseApp : DraftingApp
{
    private readonly StoppableDatabase database = new();

    public Task StopDatabaseAsync() => database.StopAsync();

    public Task StartDatabaseAsync() => database.StartAsync();

    protected override Task<string> ConnectionStringAsync() => database.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}

/// <summary>PROTOCOL.md §2, §4: without its database the server says 503 / <c>unavailable</c>, changes nothing, and recovers by itself.</summary>
public sealed class RestUnavailableTests(StoppableDatabaseApp app) : IClassFixture<StoppableDatabaseApp>
{
    [Fact]
    public async Task Without_the_database_health_and_writes_answer_unavailable_and_recover_when_it_is_back()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Kept", DocumentKind.Recommendations, "1. Alpha.");
        var paragraph = document.Paragraphs[0];
        await using var hub = await chair.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());

        await app.StopDatabaseAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await HealthAsync());
            var detail = await Problem.AssertAsync(
                await app.Api().Http.SendAsync(HttpMethod.Post, "api/documents", chair.Api.Token, new CreateDocumentRequest("Lost", DocumentKind.Report, null, "Text.")),
                HttpStatusCode.ServiceUnavailable, "unavailable");
            Assert.Contains("nothing was changed", detail, StringComparison.Ordinal);
            var refused = await Assert.ThrowsAsync<DraftingException>(() => hub.EditParagraphAsync(
                new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Alpha, lost.", ClientOpId: "retry-me")));
            Assert.Equal(ErrorCode.Unavailable, refused.Code);
            Assert.StartsWith("unavailable: ", refused.Message, StringComparison.Ordinal);
            await Problem.AssertAsync(await app.Api().Http.GetAsync("api/documents", chair.Api.Token), HttpStatusCode.ServiceUnavailable, "unavailable");
        }
        finally
        {
            await app.StartDatabaseAsync();
        }

        await Wait.UntilAsync(async () => await HealthAsync() == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var summary = Assert.Single(await chair.Api.DocumentsAsync());
        Assert.Equal((document.Id, document.Version), (summary.Id, summary.Version));
        Assert.Equivalent(document, await chair.Api.DocumentAsync(document.Id), strict: true);

        // The same clientOpId is applied once, now that the database answers.
        var retried = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Alpha, lost.", ClientOpId: "retry-me"));
        Assert.Equal((Outcome.Applied, document.Version + 1), (retried.Outcome, retried.Version));
        var created = await chair.Api.CreateDocumentAsync("Written after", DocumentKind.Report, "Text.");
        Assert.Equal(2, (await chair.Api.DocumentsAsync()).Length);
        Assert.Equal("Text.", Assert.Single((await chair.Api.DocumentAsync(created.Id)).Paragraphs).Text);
    }

    private async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await app.Api().Http.GetAsync(new Uri("health", UriKind.Relative));
        return response.StatusCode;
    }
}
