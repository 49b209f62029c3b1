using System.Text;
using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>One live paragraph as a client shows it.</summary>
public sealed record ReplicaParagraph(ParagraphKind Kind, string Text, long Revision, ParagraphStatus Status, string? Number)
{
    /// <summary>A row's fields.</summary>
    public RowFields? Fields { get; init; }

    /// <summary>The ids of what the paragraph cites, in the order they were linked.</summary>
    public IReadOnlyList<Guid> Evidence { get; init; } = [];
}

/// <summary>
/// What a client knows of a document, built only from what the server sent it: a <see cref="DocumentView"/>
/// (the join result) or nothing (a replay from version 0), then <c>Applied</c> envelopes strictly in version
/// order (older or repeated versions change nothing, as PROTOCOL.md §3 says). It keeps kinds and the display
/// numbers the envelopes carry, and remembers which op ids it has seen, so a client knows its own writes
/// reached the stream.
/// </summary>
public sealed class Replica
{
    private readonly List<Guid> order = [];
    private readonly Dictionary<Guid, ReplicaParagraph> paragraphs = [];
    private readonly HashSet<(Guid, string)> seenOps = [];

    public long Version { get; private set; }

    public IReadOnlyList<Guid> Order => order;

    public IReadOnlyDictionary<Guid, ReplicaParagraph> Paragraphs => paragraphs;

    public static Replica From(DocumentView view)
    {
        var replica = new Replica { Version = view.Version };
        foreach (var p in view.Paragraphs)
        {
            replica.order.Add(p.Id);
            replica.paragraphs[p.Id] = new ReplicaParagraph(p.Kind, p.Text, p.Revision, p.Status, p.Number)
            {
                Fields = p.Fields,
                Evidence = [.. p.Evidence.Select(e => e.Id)],
            };
        }
        return replica;
    }

    /// <summary>Folds a whole stream from version 0 (the events must start at 1 and have no gap).</summary>
    public static Replica Replay(IEnumerable<Envelope> stream)
    {
        var replica = new Replica();
        foreach (var e in stream)
        {
            if (!replica.Apply(e))
                throw new InvalidOperationException($"the stream has a gap or repeat at version {e.Version} (replayed to {replica.Version})");
        }
        return replica;
    }

    /// <summary>True when the op id of this participant was on an envelope folded in (a view from a join says nothing of ops).</summary>
    public bool HasSeen(Guid participantId, string clientOpId) => seenOps.Contains((participantId, clientOpId));

    /// <returns>false when the envelope is not the next version (a gap or a repeat): nothing changes.</returns>
    public bool Apply(Envelope envelope)
    {
        if (envelope.Version != Version + 1)
            return false;
        var data = (JsonElement)envelope.Data;
        var id = data.TryGetProperty("paragraphId", out var pid) ? pid.GetGuid() : Guid.Empty;
        switch (envelope.Type)
        {
            case EnvelopeTypes.ParagraphInserted:
                order.Insert(IndexAfter(data), id);
                var kind = ProtocolJson.Parse<ParagraphKind>(data.GetProperty("kind").GetString());
                paragraphs[id] = new ReplicaParagraph(kind, data.GetProperty("text").GetString()!, envelope.Version, ParagraphStatus.Draft, null)
                {
                    Fields = FieldsOf(data),
                };
                break;
            case EnvelopeTypes.RowEdited:
                paragraphs[id] = paragraphs[id] with { Text = data.GetProperty("text").GetString()!, Revision = envelope.Version, Fields = FieldsOf(data) };
                break;
            case EnvelopeTypes.RowsMerged:
                paragraphs[id] = paragraphs[id] with { Text = data.GetProperty("text").GetString()!, Revision = envelope.Version, Fields = FieldsOf(data) };
                foreach (var merged in data.GetProperty("merged").EnumerateArray().Select(m => m.GetGuid()))
                {
                    order.Remove(merged);
                    paragraphs.Remove(merged);
                }
                break;
            case EnvelopeTypes.EvidenceLinked:
                paragraphs[id] = paragraphs[id] with { Evidence = [.. paragraphs[id].Evidence, data.GetProperty("id").GetGuid()] };
                break;
            case EnvelopeTypes.EvidenceUnlinked:
                paragraphs[id] = paragraphs[id] with { Evidence = [.. paragraphs[id].Evidence.Where(e => e != data.GetProperty("id").GetGuid())] };
                break;
            case EnvelopeTypes.ParagraphEdited:
                paragraphs[id] = paragraphs[id] with { Text = data.GetProperty("text").GetString()!, Revision = data.GetProperty("revision").GetInt64() };
                break;
            case EnvelopeTypes.ParagraphMoved:
                order.Remove(id);
                order.Insert(IndexAfter(data), id);
                break;
            case EnvelopeTypes.ParagraphDeleted:
                order.Remove(id);
                paragraphs.Remove(id);
                break;
            case EnvelopeTypes.ParagraphStatusChanged:
                paragraphs[id] = paragraphs[id] with { Status = ProtocolJson.Parse<ParagraphStatus>(data.GetProperty("status").GetString()) };
                break;
        }
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("numbers", out var numbers))
        {
            foreach (var number in numbers.EnumerateObject())
            {
                if (paragraphs.TryGetValue(Guid.Parse(number.Name), out var p))
                    paragraphs[Guid.Parse(number.Name)] = p with { Number = number.Value.GetString() };
            }
        }
        if (envelope.ClientOpId is { } op)
            seenOps.Add((envelope.Actor.ParticipantId, op));
        Version = envelope.Version;
        return true;
    }

    /// <summary>Texts, revisions and statuses in order, as <see cref="Describe(DocumentView)"/> prints a view.</summary>
    public string Describe() => string.Join("\n", order.Select(id => $"{id}: ({paragraphs[id].Text}, {paragraphs[id].Revision}, {paragraphs[id].Status})"));

    public static string Describe(DocumentView view) =>
        string.Join("\n", view.Paragraphs.Select(p => $"{p.Id}: ({p.Text}, {p.Revision}, {p.Status})"));

    /// <summary>Order, kinds, texts, revisions, statuses and numbers, one paragraph a line: two equal documents print the same.</summary>
    public string DescribeFully()
    {
        var text = new StringBuilder().Append("version ").Append(Version).Append('\n');
        foreach (var id in order)
        {
            var p = paragraphs[id];
            text.Append($"{id} {p.Number ?? "-"} {ProtocolJson.Name(p.Kind)} {ProtocolJson.Name(p.Status)} r{p.Revision}: {p.Text}");
            text.Append(p.Evidence.Count > 0 ? $" cites {string.Join(", ", p.Evidence)}\n" : "\n");
        }
        return text.ToString();
    }

    /// <summary>The first line where two descriptions differ, with its neighbours, for a failure message.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        string At(string[] lines) => string.Join("\n  ", lines.Skip(Math.Max(0, i - 1)).Take(3));
        return $"first difference at line {i}:\n expected:\n  {At(a)}\n actual:\n  {At(b)}";
    }

    private static RowFields? FieldsOf(JsonElement data) =>
        data.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object
            ? fields.Deserialize<RowFields>(ProtocolJson.Options)
            : null;

    private int IndexAfter(JsonElement data)
    {
        if (data.GetProperty("afterParagraphId") is not { ValueKind: JsonValueKind.String } after)
            return 0;
        var index = order.IndexOf(after.GetGuid());
        // The server resolves a deleted paragraph to a live one before it stores the event.
        return index >= 0 ? index + 1 : throw new InvalidOperationException($"version {Version + 1} places a paragraph after {after}, which this client does not have");
    }
}
