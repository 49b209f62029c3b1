using System.Diagnostics;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// The server killed with <c>kill -9</c> in the middle of a load of edits, then started again on the
/// product's default (its own embedded cluster, which the killed process left running): nothing that was
/// acknowledged is lost, and what was sent but never answered is retried with its clientOpId and
/// applied exactly once.
/// </summary>
public sealed class ServerKillTests(ITestOutputHelper output)
{
    private const string SecretariatCode = "kill-test-secretariat-code";
    private const int Writers = 6;

    [Fact]
    public async Task Killed_under_load_and_restarted_it_keeps_every_acknowledged_edit_and_applies_each_retry_once()
    {
        using var data = TemporaryFolder.Create();
        var environment = new Dictionary<string, string>
        {
            ["Drafting__DataDirectory"] = data.Path,
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
            ["Drafting__HubCallsPerSecond"] = "10000",
        };
        var port = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync(environment, port);
        var writers = new List<Writer>();
        try
        {
            var secretariat = server.Api();
            await secretariat.SignInAsync(SecretariatCode);
            var markdown = string.Join("\n\n", Enumerable.Range(1, Writers).Select(i => $"{i}. Paragraph of writer {i}."));
            var document = await secretariat.CreateDocumentAsync("Under fire", DocumentKind.Recommendations, markdown);
            for (var i = 0; i < Writers; i++)
            {
                var member = await secretariat.CreateParticipantAsync($"Writer {i}", $"Delegation {i}", Role.Member);
                var api = server.Api();
                var signedIn = await api.SignInAsync(member.InviteCode);
                writers.Add(new Writer(i, api, signedIn.Participant.Id, document.Id, document.Paragraphs[i]));
            }
            foreach (var writer in writers)
                await writer.ConnectAsync(server.Address);

            // Load, then the kill, with edits in flight.
            using (var load = new CancellationTokenSource())
            {
                var running = writers.Select(w => w.WriteAsync(load.Token)).ToArray();
                await Wait.UntilAsync(() => Task.FromResult(writers.Sum(w => w.Edits.Acknowledged.Count) >= 300), TimeSpan.FromSeconds(60));
                await server.KillAsync();
                await Task.WhenAll(running);
            }
            var acknowledgedBeforeKill = writers.Sum(w => w.Edits.Acknowledged.Count);
            var unanswered = writers.Count(w => w.Edits.Pending is not null);

            var restart = Stopwatch.StartNew();
            await using var second = await ServerProcess.StartAsync(environment, port);
            restart.Stop();

            // Each client reconnects, catches up from the version it had, retries its unanswered call, writes on.
            foreach (var writer in writers)
                await writer.ReconnectAsync(server.Address);
            using (var more = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
                await Task.WhenAll(writers.Select(w => w.WriteAsync(more.Token)));

            var stream = await AllEventsAsync(secretariat, document.Id);
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
            var byOp = stream.Where(e => e.ClientOpId is not null).GroupBy(e => (e.Actor.ParticipantId, e.ClientOpId!)).ToDictionary(g => g.Key, g => g.ToList());
            Assert.All(byOp, op => Assert.True(op.Value.Count == 1, $"{op.Key.Item2} was applied {op.Value.Count} times"));
            foreach (var writer in writers)
            {
                foreach (var (opId, version) in writer.Edits.Acknowledged)
                {
                    Assert.True(byOp.TryGetValue((writer.Id, opId), out var events), $"acknowledged {opId} (v{version}) is missing from the stream");
                    Assert.Equal(version, events[0].Version);
                }
            }
            var now = await secretariat.DocumentAsync(document.Id);
            foreach (var writer in writers)
            {
                // Every word this writer had acknowledged stands once in its paragraph, in order.
                Assert.Equal(writer.Edits.Text, now.Paragraphs.Single(p => p.Id == writer.Edits.Paragraph).Text);
                await writer.CatchUpAsync(now.Version);
                Assert.Equal(now.Paragraphs.Select(p => p.Id), writer.Replica.Order);
                Assert.Equal(now.Paragraphs.Select(p => p.Text), writer.Replica.Order.Select(id => writer.Replica.Paragraphs[id].Text));
            }
            output.WriteLine(
                $"{Writers} writers; {acknowledgedBeforeKill} edits acknowledged before kill -9, {unanswered} unanswered and retried " +
                $"({writers.Count(w => w.AppliedBeforeKill)} of them stored before the kill); " +
                $"restart with the embedded cluster in {restart.Elapsed.TotalSeconds:0.0} s; {stream.Count} events, lost 0, applied twice 0");
        }
        finally
        {
            foreach (var writer in writers)
                await writer.DisposeAsync();
            await server.DisposeAsync();
        }
    }


    private static async Task<List<Envelope>> AllEventsAsync(DraftingApi api, Guid documentId)
    {
        var all = new List<Envelope>();
        while (true)
        {
            var page = await api.EventsAsync(documentId, all.Count, 5000);
            if (page.Length == 0)
                return all;
            all.AddRange(page);
        }
    }

    /// <summary>
    /// A member's client: one call in flight at a time on its own paragraph (so the words it adds are its
    /// own), every call with a clientOpId; a call that got no answer stays pending for the retry.
    /// </summary>
    private sealed class Writer(int number, DraftingApi api, Guid participantId, Guid documentId, ParagraphView paragraph) : IAsyncDisposable
    {
        private DraftingConnection? hub;

        public Guid Id => participantId;

        public OwnParagraphEdits Edits { get; } = new(number, documentId, paragraph);

        public Replica Replica { get; private set; } = null!;

        public bool AppliedBeforeKill { get; private set; }

        public async Task ConnectAsync(Uri address)
        {
            hub = new DraftingConnection(address, () => Task.FromResult(api.Token));
            await hub.StartAsync();
            Replica = Replica.From((await hub.JoinDocumentAsync(new JoinDocumentRequest(documentId))).Document!);
        }

        public async Task ReconnectAsync(Uri address)
        {
            await hub!.DisposeAsync();
            hub = new DraftingConnection(address, () => Task.FromResult(api.Token));
            await hub.StartAsync();
            var caughtUp = await hub.JoinDocumentAsync(new JoinDocumentRequest(documentId, Replica.Version));
            if (caughtUp.Document is { } whole)
                Replica = Replica.From(whole); // too far behind for events: the whole document
            foreach (var envelope in caughtUp.Events ?? [])
                Assert.True(Replica.Apply(envelope), $"catch-up envelope v{envelope.Version} does not follow v{Replica.Version}");
            if (Edits.Pending is { } retry)
            {
                var result = await hub.EditParagraphAsync(retry);
                // Stored before the kill, answered never: the retry gets that first answer again.
                AppliedBeforeKill = result.Version <= caughtUp.Version;
                Edits.Acknowledge(result);
            }
        }

        public async Task WriteAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                ParagraphTextResult result;
                try
                {
                    result = await hub!.EditParagraphAsync(Edits.Next());
                }
                catch (Exception e) when (e is not DraftingException)
                {
                    return; // the server went away: the call stays pending
                }
                Edits.Acknowledge(result);
            }
        }

        /// <summary>Applies what the server sent live; a gap is filled from the events call, as PROTOCOL.md §3 lets a client do.</summary>
        public async Task CatchUpAsync(long version)
        {
            while (Replica.Version < version)
            {
                if (hub!.Applied.TryRead(out var envelope))
                {
                    Replica.Apply(envelope);
                    continue;
                }
                try
                {
                    Replica.Apply(await hub.Applied.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)));
                }
                catch (TimeoutException)
                {
                    foreach (var missing in await api.EventsAsync(documentId, Replica.Version))
                        Replica.Apply(missing);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (hub is not null)
                await hub.DisposeAsync();
        }
    }
}
