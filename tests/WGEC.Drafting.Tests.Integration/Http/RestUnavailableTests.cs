using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>An app on a cluster of its own, which a test may stop and start again (through a relay, since the port changes).</summary>
public sealed class StoppableDatabaseApp : DraftingApp
{
    private readonly TemporaryFolder folder = TemporaryFolder.Create();
    private EmbeddedPostgres? postgres;
    private TcpRelay? relay;

    public async Task StopDatabaseAsync() => await postgres!.StopAsync();

    public async Task StartDatabaseAsync() => relay!.Target = new NpgsqlConnectionStringBuilder(await postgres!.StartAsync()).Port;

    protected override async Task<string> ConnectionStringAsync()
    {
        postgres = new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = folder.Path }, NullLogger<EmbeddedPostgres>.Instance);
        var direct = new NpgsqlConnectionStringBuilder(await postgres.StartAsync());
        relay = new TcpRelay(direct.Port);
        return new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = relay.Port }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (relay is not null)
            await relay.DisposeAsync();
        if (postgres is not null)
            await postgres.DisposeAsync();
        folder.Dispose();
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
