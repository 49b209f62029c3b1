using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Load;

public sealed record RunResult(
    int Observers, Samples Ack, Samples FanOut, int Applied, int Merged, int Conflict, int Refused,
    double Seconds, long Lost, long Duplicated, double? CpuSeconds, double? RssMb, double? KbPerConnection)
{
    public double Throughput => (Applied + Merged + Conflict) / Seconds;
}

/// <summary>One load: a fresh document, editors and observers connected over WebSockets, edits at the rate.</summary>
public sealed class LoadRun(Options options, Target target, Participant secretariat, string markdown)
{
    // Keyed by (document, version): with several documents, versions repeat.
    private readonly ConcurrentDictionary<(int Document, long Version), long> sentAt = new();
    private int applied, merged, conflict, refused;

    public async Task<RunResult> RunAsync(Participant[] editors, Participant[] observers)
    {
        // Editor i edits document i mod D; observers follow the first document.
        var documents = new List<DocumentView>();
        for (var d = 0; d < Math.Max(1, options.Documents); d++)
            documents.Add(await secretariat.Api.CreateDocumentAsync($"Load {observers.Length} observers, document {d + 1}", DocumentKind.Recommendations, markdown));
        var paragraphs = documents.Select(doc => doc.Paragraphs.Where(p => p.Text.Length > 0).Take(options.Paragraphs).Select(p => p.Id).ToArray()).ToArray();
        var before = target.Usage();

        var seats = editors.Select((e, i) => (Person: e, Document: i % documents.Count))
            .Concat(observers.Select(o => (Person: o, Document: 0))).ToArray();
        var connected = await ConnectAllAsync(documents, seats);
        var afterConnect = target.Usage();
        var ack = new Samples($"ack@{observers.Length}");
        var begun = Stopwatch.GetTimestamp();
        var end = begun + (long)(options.Seconds * Stopwatch.Frequency);
        await Task.WhenAll(connected.Take(editors.Length).Select((c, i) =>
            EditAsync(i, c.Connection, c.Receiver, c.Document, documents[c.Document].Id, paragraphs[c.Document], ack, end)));
        var seconds = Samples.Ms(begun, Stopwatch.GetTimestamp()) / 1000;
        var afterLoad = target.Usage();

        // Fan-out is measured to the observers; with none, to the editors (who receive every envelope of their document too).
        var receivers = (observers.Length > 0 ? connected.Skip(editors.Length) : connected).ToArray();
        var last = new long[documents.Count];
        for (var d = 0; d < documents.Count; d++)
            last[d] = (await secretariat.Api.DocumentAsync(documents[d].Id)).Version;
        var drainUntil = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (receivers.Any(r => r.Receiver.Missing(last[r.Document]) > 0) && Stopwatch.GetTimestamp() < drainUntil)
            await Task.Delay(50);

        var fanOut = new Samples($"fanout@{observers.Length}");
        foreach (var ((document, version), sent) in sentAt)
        {
            var arrivals = receivers.Where(r => r.Document == document).Select(r => r.Receiver.ArrivedAt(version)).ToArray();
            if (arrivals.Length > 0 && arrivals.All(a => a is not null))
                fanOut.Add(Samples.Ms(sent, arrivals.Max()!.Value));
        }
        var lost = receivers.Sum(r => r.Receiver.Missing(last[r.Document]));
        var duplicated = connected.Sum(c => c.Receiver.Duplicates);
        await Task.WhenAll(connected.Select(c => c.Connection.DisposeAsync().AsTask()));

        double? kbPerConnection = before is { } b && afterConnect is { } a ? (a.RssBytes - b.RssBytes) / 1024.0 / connected.Length : null;
        return new RunResult(observers.Length, ack, fanOut, applied, merged, conflict, refused, seconds, lost, duplicated,
            afterLoad is { } l && afterConnect is { } c0 ? (l.Cpu - c0.Cpu).TotalSeconds : null,
            afterLoad?.RssBytes / 1024.0 / 1024.0, kbPerConnection);
    }

    private async Task<(DraftingConnection Connection, Receiver Receiver, int Document)[]> ConnectAllAsync(
        List<DocumentView> documents, (Participant Person, int Document)[] seats)
    {
        using var gate = new SemaphoreSlim(32);
        return await Task.WhenAll(seats.Select(async seat =>
        {
            var (p, d) = seat;
            var document = documents[d];
            await gate.WaitAsync();
            try
            {
                var connection = p.Connect(target.Address);
                var receiver = new Receiver();
                receiver.Seed(document.Paragraphs);
                // A second handler for Applied: it timestamps on arrival, before any queue.
                connection.Hub.On<Envelope>(nameof(IDraftingClient.Applied), receiver.On);
                _ = DrainAsync(connection);
                await connection.StartAsync();
                receiver.JoinedAt = (await connection.JoinDocumentAsync(new JoinDocumentRequest(document.Id))).Version;
                return (connection, receiver, d);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    // The client's own channel is unbounded: empty it so a long run does not hold every envelope.
    private static async Task DrainAsync(DraftingConnection connection)
    {
        await foreach (var _ in connection.Applied.ReadAllAsync())
        {
        }
    }

    private async Task EditAsync(
        int editor, DraftingConnection connection, Receiver known, int document, Guid documentId, Guid[] paragraphs, Samples ack, long end)
    {
        var random = new Random(editor);
        // A rate of 0: as fast as the answers come back (one edit in flight per editor), for throughput.
        var interval = options.Rate > 0 ? (long)(Stopwatch.Frequency / options.Rate) : 0;
        // Staggered starts, so editors do not all send on the same tick.
        var next = Stopwatch.GetTimestamp() + (interval > 0 ? random.NextInt64(interval) : 0);
        for (var k = 1; next < end; k++, next = interval > 0 ? next + interval : Stopwatch.GetTimestamp())
        {
            var wait = Samples.Ms(Stopwatch.GetTimestamp(), next);
            if (wait > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            // Two hot paragraphs take 40% of the edits, so editors meet and the server merges.
            var paragraph = random.NextDouble() < 0.4 ? paragraphs[random.Next(Math.Min(2, paragraphs.Length))] : paragraphs[random.Next(paragraphs.Length)];
            var (revision, text) = known.Paragraph(paragraph);
            var start = Stopwatch.GetTimestamp();
            try
            {
                var result = await connection.EditParagraphAsync(new EditParagraphRequest(documentId, paragraph, revision, Edits.Mark(text, editor, k), $"e{editor}-{k}"));
                ack.Add(Samples.Ms(start, Stopwatch.GetTimestamp()));
                known.Know(paragraph, result.Revision, result.Text);
                if (result.Outcome != Outcome.Conflict)
                    sentAt[(document, result.Version)] = start;
                _ = result.Outcome switch
                {
                    Outcome.Applied => Interlocked.Increment(ref applied),
                    Outcome.Merged => Interlocked.Increment(ref merged),
                    _ => Interlocked.Increment(ref conflict),
                };
            }
            catch (DraftingException)
            {
                Interlocked.Increment(ref refused);
            }
        }
    }
}

/// <summary>Each editor keeps one word of its own in a paragraph and rewrites it: edits of different editors touch different words.</summary>
public static class Edits
{
    public static string Mark(string text, int editor, int k)
    {
        var words = text.Split(' ').ToList();
        var prefix = $"e{editor}v";
        var mark = $"{prefix}{k}";
        var mine = words.FindIndex(w => w.StartsWith(prefix, StringComparison.Ordinal));
        if (mine >= 0)
            words[mine] = mark;
        else
            words.Insert(((editor * 5) + 3) % (words.Count + 1), mark);
        return string.Join(' ', words);
    }
}
