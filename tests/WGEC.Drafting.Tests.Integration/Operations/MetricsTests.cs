using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Operations;

/// <summary>
/// <c>GET /metrics</c>: what a Prometheus scraper reads of a session — writes, acknowledgement times,
/// connections, fan-out. The server runs as its own process: meters are counted per process, and the
/// test process hosts other servers at the same time.
/// </summary>
public sealed partial class MetricsTests
{
    private const string SecretariatCode = "metrics-test-secretariat-code";

    [Fact]
    public async Task A_session_shows_in_the_metrics_with_its_writes_acknowledgements_connections_and_fan_out()
    {
        using var data = TemporaryFolder.Create();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await TestPostgres.ConnectionStringAsync(),
            ["Drafting__Schema"] = "m_" + Guid.NewGuid().ToString("N")[..12],
            ["Drafting__DataDirectory"] = data.Path,
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
        });
        var secretariat = server.Api();
        await secretariat.SignInAsync(SecretariatCode);
        var member = server.Api();
        await member.SignInAsync((await secretariat.CreateParticipantAsync("Ana", "Brazil", Role.Member)).InviteCode);
        var document = await secretariat.CreateDocumentAsync("Measured", DocumentKind.Report, "Alpha.");
        var before = await ScrapeAsync(server);
        await using var hub = new DraftingConnection(server.Address, () => Task.FromResult(member.Token));
        await hub.StartAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var revision = document.Paragraphs[0].Revision;
        for (var i = 1; i <= 5; i++)
            revision = (await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, revision, $"Alpha {i}."))).Revision;

        var after = await ScrapeAsync(server);

        Assert.Equal(5, Value(after, "drafting_events_total", "type=\"paragraph-edited\"") - Value(before, "drafting_events_total", "type=\"paragraph-edited\""));
        Assert.Equal(5, Value(after, "drafting_write_duration_milliseconds_count", "outcome=\"applied\"") - Value(before, "drafting_write_duration_milliseconds_count", "outcome=\"applied\""));
        Assert.Equal(1, Value(after, "drafting_connections") - Value(before, "drafting_connections"));
        Assert.True(Value(after, "drafting_fanout_delay_milliseconds_count") - Value(before, "drafting_fanout_delay_milliseconds_count") >= 5);
        Assert.Contains("drafting_write_duration_milliseconds_bucket{", after, StringComparison.Ordinal);
        foreach (var aspNetCore in new[] { "http_server_request_duration_seconds", "kestrel_active_connections", "signalr_server_active_connections" })
            Assert.Contains(aspNetCore, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Measured", after, StringComparison.Ordinal); // no titles, texts or names in labels
        Assert.DoesNotContain(document.Id.ToString(), after, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(ServerProcess server)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative)); // no token: for the operator's scraper
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sample of a metric (with a label, when given) in the Prometheus text format; 0 when it is not there yet.</summary>
    private static double Value(string scrape, string metric, string? label = null) =>
        Sample().Matches(scrape)
            .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[-0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
