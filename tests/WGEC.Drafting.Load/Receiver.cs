using System.Diagnostics;
using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Load;

/// <summary>
/// What one connection received: the first arrival time of each version, and how many arrived twice.
/// Editors also keep each paragraph's latest text and revision from it, as a real client would.
/// </summary>
public sealed class Receiver
{
    private readonly Dictionary<long, long> arrivals = [];
    private readonly Dictionary<Guid, (long Revision, string Text)> paragraphs = [];

    public long JoinedAt { get; set; }

    public long Duplicates { get; private set; }

    public void Seed(IEnumerable<ParagraphView> view)
    {
        lock (paragraphs)
            foreach (var p in view)
                paragraphs[p.Id] = (p.Revision, p.Text);
    }

    public void On(Envelope envelope)
    {
        var at = Stopwatch.GetTimestamp();
        lock (arrivals)
        {
            if (!arrivals.TryAdd(envelope.Version, at))
                Duplicates++;
        }
        if (envelope is { Type: EnvelopeTypes.ParagraphEdited, Data: JsonElement data })
        {
            var id = data.GetProperty("paragraphId").GetGuid();
            Know(id, data.GetProperty("revision").GetInt64(), data.GetProperty("text").GetString() ?? "");
        }
    }

    public void Know(Guid paragraph, long revision, string text)
    {
        lock (paragraphs)
        {
            if (!paragraphs.TryGetValue(paragraph, out var known) || known.Revision < revision)
                paragraphs[paragraph] = (revision, text);
        }
    }

    public (long Revision, string Text) Paragraph(Guid id)
    {
        lock (paragraphs)
            return paragraphs[id];
    }

    public long? ArrivedAt(long version)
    {
        lock (arrivals)
            return arrivals.TryGetValue(version, out var at) ? at : null;
    }

    /// <summary>Versions after the join, up to <paramref name="last"/>, that never arrived.</summary>
    public long Missing(long last)
    {
        lock (arrivals)
        {
            var missing = 0L;
            for (var v = JoinedAt + 1; v <= last; v++)
                if (!arrivals.ContainsKey(v))
                    missing++;
            return missing;
        }
    }
}
