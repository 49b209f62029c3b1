using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// What a client knows of a document, built only from what the server sent it: the join result,
/// then <c>Applied</c> envelopes in version order (older or repeated versions ignored, as PROTOCOL.md §3 says).
/// </summary>
public sealed class Replica
{
    private readonly List<Guid> order = [];

    public long Version { get; private set; }

    public Dictionary<Guid, (string Text, long Revision, ParagraphStatus Status)> Paragraphs { get; } = [];

    public IReadOnlyList<Guid> Order => order;

    public static Replica From(DocumentView view)
    {
        var replica = new Replica { Version = view.Version };
        foreach (var p in view.Paragraphs)
        {
            replica.order.Add(p.Id);
            replica.Paragraphs[p.Id] = (p.Text, p.Revision, p.Status);
        }
        return replica;
    }

    /// <returns>false when the envelope was not the next version (a gap or a repeat).</returns>
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
                Paragraphs[id] = (data.GetProperty("text").GetString()!, envelope.Version, ParagraphStatus.Draft);
                break;
            case EnvelopeTypes.ParagraphEdited:
                Paragraphs[id] = Paragraphs[id] with { Text = data.GetProperty("text").GetString()!, Revision = data.GetProperty("revision").GetInt64() };
                break;
            case EnvelopeTypes.ParagraphMoved:
                order.Remove(id);
                order.Insert(IndexAfter(data), id);
                break;
            case EnvelopeTypes.ParagraphDeleted:
                order.Remove(id);
                Paragraphs.Remove(id);
                break;
            case EnvelopeTypes.ParagraphStatusChanged:
                Paragraphs[id] = Paragraphs[id] with { Status = ProtocolJson.Parse<ParagraphStatus>(data.GetProperty("status").GetString()) };
                break;
        }
        Version = envelope.Version;
        return true;
    }

    public string Describe() => string.Join("\n", order.Select(id => $"{id}: {Paragraphs[id]}"));

    public static string Describe(DocumentView view) =>
        string.Join("\n", view.Paragraphs.Select(p => $"{p.Id}: ({p.Text}, {p.Revision}, {p.Status})"));

    private int IndexAfter(JsonElement data) =>
        data.GetProperty("afterParagraphId") is { ValueKind: JsonValueKind.String } after ? order.IndexOf(after.GetGuid()) + 1 : 0;
}
