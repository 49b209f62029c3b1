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
    private readonly ConcurrentDictionary<long, long> sentAt = new();
    private int applied, merged, conflict, refused;

    public async Task<RunResult> RunAsync(Participant[] editors, Participant[] observers)
    {
        var document = await secretariat.Api.CreateDocumentAsync($"Load {observers.Length} observers", DocumentKind.Recommendations, markdown);
        var paragraphs = document.Paragraphs.Where(p => p.Text.Length > 0).Take(options.Paragraphs).Select(p => p.Id).ToArray();
        var before = target.Usage();

        var connected = await ConnectAllAsync(document, editors.Concat(observers).ToArray());
        var afterConnect = target.Usage();
        var ack = new Samples($"ack@{observers.Length}");
        var begun = Stopwatch.GetTimestamp();
        var end = begun + (long)(options.Seconds * Stopwatch.Frequency);
        await Task.WhenAll(connected.Take(editors.Length).Select((c, i) => EditAsync(i, c.Connection, c.Receiver, document.Id, paragraphs, ack, end)));
        var seconds = Samples.Ms(begun, Stopwatch.GetTimestamp()) / 1000;
        var afterLoad = target.Usage();

        // Fan-out is measured to the observers; with none, to the editors (who receive every envelope too).
        var receivers = (observers.Length > 0 ? connected.Skip(editors.Length) : connected).Select(c => c.Receiver).ToArray();
        var last = (await secretariat.Api.DocumentAsync(document.Id)).Version;
        var drainUntil = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (receivers.Any(r => r.Missing(last) > 0) && Stopwatch.GetTimestamp() < drainUntil)
            await Task.Delay(50);

        var fanOut = new Samples($"fanout@{observers.Length}");
        foreach (var (version, sent) in sentAt)
        {
            var arrivals = receivers.Select(r => r.ArrivedAt(version)).ToArray();
            if (arrivals.All(a => a is not null))
                fanOut.Add(Samples.Ms(sent, arrivals.Max()!.Value));
        }
        var lost = receivers.Sum(r => r.Missing(last));
        var duplicated = connected.Sum(c => c.Receiver.Duplicates);
        await Task.WhenAll(connected.Select(c => c.Connection.DisposeAsync().AsTask()));

        double? kbPerConnection = before is { } b && afterConnect is { } a ? (a.RssBytes - b.RssBytes) / 1024.0 / connected.Length : null;
        return new RunResult(observers.Length, ack, fanOut, applied, merged, conflict, refused, seconds, lost, duplicated,
            afterLoad is { } l && afterConnect is { } c0 ? (l.Cpu - c0.Cpu).TotalSeconds : null,
            afterLoad?.RssBytes / 1024.0 / 1024.0, kbPerConnection);
    }

    private async Task<(DraftingConnection Connection, Receiver Receiver)[]> ConnectAllAsync(DocumentView document, Participant[] people)
    {
        using var gate = new SemaphoreSlim(32);
        return await Task.WhenAll(people.Select(async p =>
        {
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
                return (connection, receiver);
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

    private async Task EditAsync(int editor, DraftingConnection connection, Receiver known, Guid documentId, Guid[] paragraphs, Samples ack, long end)
    {
        var random = new Random(editor);
        var interval = (long)(Stopwatch.Frequency / options.Rate);
        // Staggered starts, so editors do not all send on the same tick.
        var next = Stopwatch.GetTimestamp() + random.NextInt64(interval);
        for (var k = 1; next < end; k++, next += interval)
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
                    sentAt[result.Version] = start;
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
