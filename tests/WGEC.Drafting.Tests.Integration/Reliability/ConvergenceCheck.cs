using System.Text.Json;
using WGEC.Drafting.Contracts;

using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// The end-of-run checks on the server's stream against every op the clients sent and every answer
/// they got: versions without gaps, each op id stored at most once, every acknowledged write stored
/// exactly once at the version its answer gave (or, for an answer that appended nothing, the
/// document at that version showing why), and every answer of a stored op the same.
/// </summary>
public sealed class ConvergenceCheck(IReadOnlyList<Envelope> stream, ConvergenceFigures figures)
{
    private readonly List<string> failures = [];
    private readonly List<(long Version, string What, Func<Replica, bool> Holds)> probes = [];
    private readonly Dictionary<(Guid, string), Envelope> stored = [];

    public IReadOnlyList<string> Failures => failures;

    /// <summary>Versions 1..N, N the document's; no op id twice; no write after the creation without an op id.</summary>
    public void Stream(long documentVersion, long created)
    {
        for (var i = 0; i < stream.Count; i++)
        {
            if (stream[i].Version != i + 1)
                Fail($"the stream's event {i + 1} has version {stream[i].Version}: versions must be 1..N without gaps");
        }
        if (stream.Count != documentVersion)
            Fail($"the stream holds {stream.Count} events, the document is at version {documentVersion}");
        foreach (var e in stream)
        {
            if (e.ClientOpId is null)
            {
                if (e.Version > created)
                    Fail($"version {e.Version} ({e.Type}) has no op id, yet every write sent one");
            }
            else if (!stored.TryAdd((e.Actor.ParticipantId, e.ClientOpId), e))
            {
                Fail($"op id {e.ClientOpId} of {e.Actor.Name} is stored twice: at {stored[(e.Actor.ParticipantId, e.ClientOpId)].Version} and {e.Version}");
            }
        }
    }

    /// <summary>Every op of every client against the stream; then no stored op may be one that no client sent.</summary>
    public void Ops(IEnumerable<ConvergenceClient> clients)
    {
        var sent = new HashSet<(Guid, string)>();
        foreach (var client in clients)
        {
            foreach (var op in client.Ops)
            {
                sent.Add((client.Participant.Id, op.ClientOpId));
                Op(client, op, stored.GetValueOrDefault((client.Participant.Id, op.ClientOpId)));
            }
        }
        foreach (var ((_, opId), e) in stored)
        {
            if (!sent.Contains((e.Actor.ParticipantId, opId)))
                Fail($"version {e.Version} carries op id {opId} of {e.Actor.Name}, which no client sent");
        }
    }

    private void Op(ConvergenceClient client, ConvergenceOp op, Envelope? e)
    {
        var what = $"{client.Tag} {op}";
        var answers = op.Answers;
        if (answers.Count == 0 && op.Refused is null)
            Fail($"{what} never got an answer");
        if (op.Refused is { } refused && !Expected(op.Kind, refused, op.RefusedBecause ?? ""))
            Fail($"{what} was refused, which the rules do not explain: {op.RefusedBecause}");
        if (e is null)
        {
            foreach (var answer in answers)
                NotStored(what, op, answer);
            return;
        }
        figures.Add("ops stored");
        if (op.Retried)
            figures.Add(e.Version <= op.VersionAtRetry ? "retried ops stored by their first send" : "retried ops stored by the retry");
        if (op.Refused is { } code)
            Fail($"{what} is stored at version {e.Version} but a send of it was refused: {ProtocolJson.Name(code)}");
        if (answers.Distinct().Count() > 1)
            Fail($"{what} was answered differently: {string.Join(" / ", answers)}");
        if (answers.Count == 0)
            return;
        var first = answers[0];
        if (first.Version != e.Version)
            Fail($"{what} was answered version {first.Version} but is stored at {e.Version}");
        Stored(what, op, first, e, (JsonElement)e.Data);
    }

    /// <summary>
    /// The refusals the rules give these ops (PROTOCOL.md §3, §5): an agreed paragraph is locked, a
    /// deleted one is not found, and a paragraph with open brackets cannot be agreed. Anything else
    /// (forbidden, too-large, an invalid request) means the client or the server is wrong.
    /// </summary>
    private static bool Expected(OpKind kind, ErrorCode code, string message) => (kind, code) switch
    {
        (OpKind.Edit or OpKind.Move or OpKind.Delete, ErrorCode.Locked or ErrorCode.NotFound) => true,
        (OpKind.Status, ErrorCode.NotFound) => true,
        (OpKind.Status, ErrorCode.Invalid) => message.Contains("open bracket", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>A stored op: the event is the one the request asked for, and the answer says what was stored.</summary>
    private void Stored(string what, ConvergenceOp op, OpAnswer answer, Envelope e, JsonElement data)
    {
        var type = op.Kind switch
        {
            OpKind.Insert => EnvelopeTypes.ParagraphInserted,
            OpKind.Edit => EnvelopeTypes.ParagraphEdited,
            OpKind.Move => EnvelopeTypes.ParagraphMoved,
            OpKind.Delete => EnvelopeTypes.ParagraphDeleted,
            _ => EnvelopeTypes.ParagraphStatusChanged,
        };
        var paragraph = data.GetProperty("paragraphId").GetGuid();
        Expect(e.Type == type, $"{what} is stored as {e.Type}");
        Expect(op.ParagraphId == Guid.Empty || op.ParagraphId == paragraph, $"{what} is stored for paragraph {paragraph}");
        switch (op.Request)
        {
            case InsertParagraphRequest:
                Expect(answer.Outcome == Outcome.Applied && answer.ParagraphId == paragraph, $"{what} was answered {answer}, stored for {paragraph}");
                break;
            case EditParagraphRequest edit:
                var merged = data.GetProperty("merged").GetBoolean();
                var text = data.GetProperty("text").GetString();
                Expect(answer.Outcome == (merged ? Outcome.Merged : Outcome.Applied) && answer.Revision == e.Version && answer.Text == text,
                    $"{what} was answered {answer}, stored as v{e.Version} merged={merged}: {text}");
                Expect(merged || text == edit.Text, $"{what} is stored unmerged as: {text}");
                Expect(op.Token is null || ConvergenceOp.Occurrences(text ?? "", op.Token) == 1, $"{what} is stored merged without its word {op.Token}, or with it twice: {text}");
                break;
            case SetParagraphStatusRequest status:
                Expect(answer.Outcome == Outcome.Applied && data.GetProperty("status").GetString() == ProtocolJson.Name(status.Status),
                    $"{what} was answered {answer}, stored as {data}");
                Probe(answer.Version, $"{what}: answered {answer}", view => Shows(view, op.ParagraphId, answer) && view.Paragraphs[op.ParagraphId].Status == status.Status);
                break;
            default:
                Expect(answer.Outcome == Outcome.Applied, $"{what} was answered {answer}");
                break;
        }
    }

    /// <summary>
    /// An answer to an op that is not in the stream: a conflict, or an applied or merged answer that
    /// appended nothing because there was nothing to change. The document at the answer's version must show it.
    /// </summary>
    private void NotStored(string what, ConvergenceOp op, OpAnswer answer)
    {
        figures.Add(answer.Appended ? "ops answered with nothing to append" : "ops answered conflict");
        switch (op.Request)
        {
            case InsertParagraphRequest or DeleteParagraphRequest:
                Fail($"{what} was answered {answer} but is not in the stream");
                break;
            case EditParagraphRequest edit:
                Expect(answer.Outcome != Outcome.Applied || answer.Text == edit.Text, $"{what} was answered {answer}: not its text, yet nothing stored");
                Probe(answer.Version, $"{what}: answered {answer}, not stored", view => Shows(view, op.ParagraphId, answer));
                break;
            case SetParagraphStatusRequest status:
                Probe(answer.Version, $"{what}: answered {answer}, not stored",
                    view => Shows(view, op.ParagraphId, answer) && (answer.Outcome == Outcome.Conflict || view.Paragraphs[op.ParagraphId].Status == status.Status));
                break;
            case MoveParagraphRequest:
                Expect(answer.Outcome == Outcome.Applied, $"{what} was answered {answer}");
                Probe(answer.Version, $"{what}: answered {answer}, not stored", view => view.Paragraphs.ContainsKey(op.ParagraphId));
                break;
        }
    }

    /// <summary>Every envelope a client received says what the stream says at that version.</summary>
    public void Received(ConvergenceClient client)
    {
        foreach (var (version, signature) in client.Received)
        {
            if (version < 1 || version > stream.Count)
                Fail($"{client.Tag} received version {version}, which is not in the stream");
            else if (ConvergenceClient.Signature(stream[(int)version - 1]) is var stored && stored != signature)
                Fail($"{client.Tag} received version {version} as {signature}; the stream has {stored}");
        }
        figures.Add("envelopes received and compared", client.Received.Count);
    }

    /// <summary>Folds the stream once, checking each probe on the document right after its version.</summary>
    public void RunProbes()
    {
        var view = new Replica();
        var due = probes.OrderBy(p => p.Version).ToList();
        var next = 0;
        foreach (var e in stream.Cast<Envelope?>().Prepend(null))
        {
            if (e is not null && !view.Apply(e))
                break;
            for (; next < due.Count && due[next].Version == view.Version; next++)
                Expect(due[next].Holds(view), $"{due[next].What}; the document at version {view.Version} does not show it");
        }
        for (; next < due.Count; next++)
            Fail($"{due[next].What}: version {due[next].Version} is not in the stream");
    }

    private static bool Shows(Replica view, Guid paragraph, OpAnswer answer) =>
        view.Paragraphs.TryGetValue(paragraph, out var p) && p.Text == answer.Text && p.Revision == answer.Revision;

    private void Probe(long version, string what, Func<Replica, bool> holds) => probes.Add((version, what, holds));

    private void Expect(bool holds, string failure)
    {
        if (!holds)
            Fail(failure);
    }

    private void Fail(string failure) => failures.Add(failure);
}
