using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped in the middle of a session of edits and started again, under a server running as
/// its own process: the server stays up, says so on /health, refuses writes with <c>unavailable</c>,
/// comes back by itself, and the stream holds every acknowledged edit once and nothing half-written.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const string SecretariatCode = "outage-test-secretariat-code";
    private const int Writers = 3;

    [Fact]
    public async Task Database_stopped_under_load_writes_are_refused_as_unavailable_and_the_server_recovers_without_a_restart()
    {
        await using var database = new StoppableDatabase();
        using var data = TemporaryFolder.Create();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await database.StartAsync(),
            ["Drafting__DataDirectory"] = data.Path,
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
            ["Drafting__HubCallsPerSecond"] = "10000",
        });
        var secretariat = server.Api();
        await secretariat.SignInAsync(SecretariatCode);
        var markdown = string.Join("\n\n", Enumerable.Range(1, Writers).Select(i => $"{i}. Paragraph {i}."));
        var document = await secretariat.CreateDocumentAsync("Through an outage", DocumentKind.Recommendations, markdown);
        var writers = new List<OutageWriter>();
        for (var i = 0; i < Writers; i++)
        {
            var member = await secretariat.CreateParticipantAsync($"Writer {i}", $"Delegation {i}", Role.Member);
            var api = server.Api();
            await api.SignInAsync(member.InviteCode);
            var hub = new DraftingConnection(server.Address, () => Task.FromResult(api.Token));
            await hub.StartAsync();
            writers.Add(new OutageWriter(i, hub, document.Id, document.Paragraphs[i]));
        }
        try
        {
            using var load = new CancellationTokenSource();
            var running = writers.Select(w => w.WriteAsync(load.Token)).ToArray();
            await Wait.UntilAsync(() => Task.FromResult(writers.Sum(w => w.Edits.Acknowledged.Count) >= 100), TimeSpan.FromSeconds(60));

            await database.StopAsync();
            try
            {
                await Wait.UntilAsync(async () => await server.HealthAsync() == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
                await Wait.UntilAsync(() => Task.FromResult(writers.All(w => w.Refusals > 0)), TimeSpan.FromSeconds(30));
                await Problem.AssertAsync(
                    await secretariat.Http.SendAsync(HttpMethod.Post, "api/documents", secretariat.Token,
                        new CreateDocumentRequest("Not now", DocumentKind.Report, null, "Text.")),
                    HttpStatusCode.ServiceUnavailable, "unavailable");
            }
            finally
            {
                await database.StartAsync();
            }

            await Wait.UntilAsync(async () => await server.HealthAsync() == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            var atRecovery = writers.Sum(w => w.Edits.Acknowledged.Count);
            var recovery = System.Diagnostics.Stopwatch.StartNew();
            await Wait.UntilAsync(() => Task.FromResult(running.Any(t => t.IsFaulted) || writers.Sum(w => w.Edits.Acknowledged.Count) >= atRecovery + 30),
                TimeSpan.FromSeconds(30));
            var recovered = recovery.Elapsed;
            await load.CancelAsync();
            await Task.WhenAll(running); // each writer finishes its pending call first

            Assert.False(server.HasExited);
            Assert.All(writers, w => Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, w.State));
            var stream = await secretariat.EventsAsync(document.Id, 0, 5000);
            Assert.Equal(Enumerable.Range(1, stream.Length).Select(v => (long)v), stream.Select(e => e.Version));
            var opIds = stream.Where(e => e.ClientOpId is not null).Select(e => e.ClientOpId!).ToList();
            Assert.Equal(opIds.Count, opIds.Distinct().Count());
            foreach (var (opId, version) in writers.SelectMany(w => w.Edits.Acknowledged))
                Assert.Equal(opId, stream.Single(e => e.Version == version).ClientOpId);
            // Nothing half-written: the read model the server keeps in the same transaction as the
            // events says what a replay of the events says.
            var now = await secretariat.DocumentAsync(document.Id);
            Assert.Equivalent(now, await secretariat.DocumentAsync(document.Id, $"version={now.Version}"), strict: true);
            foreach (var writer in writers)
                Assert.Equal(writer.Edits.Text, now.Paragraphs.Single(p => p.Id == writer.Edits.Paragraph).Text);
            output.WriteLine(
                $"{Writers} writers; {writers.Sum(w => w.Edits.Acknowledged.Count)} edits acknowledged; database stopped and started once; " +
                $"{writers.Sum(w => w.Refusals)} calls refused as unavailable and retried with their clientOpId; writes flowing again {recovered.TotalSeconds:0.0} s after the database was back; lost 0, applied twice 0");
        }
        finally
        {
            foreach (var writer in writers)
                await writer.DisposeAsync();
        }
    }


    /// <summary>Edits its own paragraph, one call at a time; an <c>unavailable</c> call is retried with the same request and clientOpId.</summary>
    private sealed class OutageWriter(int number, DraftingConnection hub, Guid documentId, ParagraphView paragraph) : IAsyncDisposable
    {
        public OwnParagraphEdits Edits { get; } = new(number, documentId, paragraph);

        public int Refusals { get; private set; }

        public Microsoft.AspNetCore.SignalR.Client.HubConnectionState State => hub.Hub.State;

        public async Task WriteAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested || Edits.Pending is not null)
            {
                try
                {
                    Edits.Acknowledge(await hub.EditParagraphAsync(Edits.Next()));
                }
                catch (DraftingException refused) when (refused.Code == ErrorCode.Unavailable)
                {
                    Refusals++;
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }

        public ValueTask DisposeAsync() => hub.DisposeAsync();
    }
}
