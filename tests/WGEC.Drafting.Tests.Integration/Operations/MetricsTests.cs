using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Operations;

/// <summary><c>GET /metrics</c>: what a Prometheus scraper reads of a session — writes, acknowledgement times, connections, fan-out.</summary>
public sealed partial class MetricsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task A_session_shows_in_the_metrics_with_its_writes_acknowledgements_connections_and_fan_out()
    {
        var member = await app.JoinAsync(Role.Member);
        var secretariat = await app.SecretariatAsync();
        var document = await secretariat.Api.CreateDocumentAsync("Measured", DocumentKind.Report, "Alpha.");
        var before = await ScrapeAsync();
        await using var hub = await member.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        var revision = document.Paragraphs[0].Revision;
        for (var i = 1; i <= 5; i++)
            revision = (await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, revision, $"Alpha {i}."))).Revision;

        var after = await ScrapeAsync();

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

    private async Task<string> ScrapeAsync()
    {
        using var response = await app.Api().Http.GetAsync(new Uri("metrics", UriKind.Relative)); // no token: for the operator's scraper
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
