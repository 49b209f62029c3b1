using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

public enum OpKind { Insert, Edit, Move, Delete, Status }

/// <summary>A hub answer of any write, in one shape: what the result records carry that the checks compare.</summary>
public sealed record OpAnswer(Outcome Outcome, long Version, long? Revision = null, string? Text = null, Guid? ParagraphId = null)
{
    public bool Appended => Outcome is Outcome.Applied or Outcome.Merged;
}

/// <summary>
/// One write a client meant to make, under one <c>clientOpId</c>, and every answer it got: a send
/// whose connection dropped before the answer leaves it pending, to be sent again after the reconnect.
/// </summary>
public sealed class ConvergenceOp(OpKind kind, string clientOpId, object request, Guid paragraphId)
{
    private readonly List<OpAnswer> answers = [];

    public OpKind Kind { get; } = kind;

    public string ClientOpId { get; } = clientOpId;

    /// <summary>The request record, sent unchanged every time (same op id, same base, same text).</summary>
    public object Request { get; } = request;

    /// <summary>The paragraph it is about (for an insert: the id the client chose, or empty when the server chooses).</summary>
    public Guid ParagraphId { get; } = paragraphId;

    /// <summary>The word only this edit adds (null when it only deletes): whatever is merged, it must be stored once.</summary>
    public string? Token { get; init; }

    public static int Occurrences(string text, string token) =>
        System.Text.RegularExpressions.Regex.Count(text, $@"(?<!\w){token}(?!\w)");

    public IReadOnlyList<OpAnswer> Answers
    {
        get
        {
            lock (answers)
                return [.. answers];
        }
    }

    /// <summary>The refusal (§4 code) the rules gave it, if any.</summary>
    public ErrorCode? Refused { get; private set; }

    public bool Answered => Refused is not null || Answers.Count > 0;

    private int sends;
    private int duplicates;

    public int Sends => sends;

    /// <summary>Sent again after a reconnect because no answer came on the connection that dropped.</summary>
    public bool Retried { get; set; }

    /// <summary>The version the client had caught up to when it retried: an op stored at or before it was applied by its first send.</summary>
    public long VersionAtRetry { get; set; }

    /// <summary>Sends after the first answer, on purpose (a client that lost track of its answers).</summary>
    public int Duplicates => duplicates;

    public void CountSend(bool duplicate)
    {
        Interlocked.Increment(ref sends);
        if (duplicate)
            Interlocked.Increment(ref duplicates);
    }

    public void Record(OpAnswer answer)
    {
        lock (answers)
            answers.Add(answer);
    }

    /// <summary>The refusal's message, e.g. how many brackets are open.</summary>
    public string? RefusedBecause { get; private set; }

    public void Refuse(ErrorCode code, string message)
    {
        lock (answers)
        {
            if (Refused is null)
                (Refused, RefusedBecause) = (code, message);
        }
    }

    public override string ToString() => $"{Kind} {ClientOpId} ({Sends} sends{(Retried ? ", retried" : "")}): {Describe(Request)}";

    private static string Describe(object request) => request switch
    {
        InsertParagraphRequest r => $"insert {r.ParagraphId?.ToString() ?? "(server id)"} after {r.AfterParagraphId?.ToString() ?? "top"}: {r.Text}",
        EditParagraphRequest r => $"edit {r.ParagraphId} base r{r.BaseRevision}: {r.Text}",
        MoveParagraphRequest r => $"move {r.ParagraphId} after {r.AfterParagraphId?.ToString() ?? "top"}",
        DeleteParagraphRequest r => $"delete {r.ParagraphId}",
        SetParagraphStatusRequest r => $"status {r.ParagraphId} base r{r.BaseRevision} to {ProtocolJson.Name(r.Status)}",
        _ => request.ToString() ?? "",
    };

    /// <summary>Sends the request on a connection; a refusal throws <see cref="DraftingException"/>, a dropped connection something else.</summary>
    public Task<OpAnswer> SendAsync(DraftingConnection connection) => Request switch
    {
        InsertParagraphRequest r => Answer(connection.InsertParagraphAsync(r), a => new OpAnswer(a.Outcome, a.Version, ParagraphId: a.ParagraphId)),
        EditParagraphRequest r => Answer(connection.EditParagraphAsync(r), a => new OpAnswer(a.Outcome, a.Version, a.Revision, a.Text)),
        MoveParagraphRequest r => Answer(connection.MoveParagraphAsync(r), a => new OpAnswer(a.Outcome, a.Version)),
        DeleteParagraphRequest r => Answer(connection.DeleteParagraphAsync(r), a => new OpAnswer(a.Outcome, a.Version)),
        SetParagraphStatusRequest r => Answer(connection.SetParagraphStatusAsync(r), a => new OpAnswer(a.Outcome, a.Version, a.Revision, a.Text)),
        _ => throw new InvalidOperationException($"no send for {Request.GetType().Name}"),
    };

    private static async Task<OpAnswer> Answer<T>(Task<T> call, Func<T, OpAnswer> shape) => shape(await call);
}
