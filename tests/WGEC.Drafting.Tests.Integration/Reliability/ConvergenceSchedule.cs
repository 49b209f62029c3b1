using WGEC.Drafting.Contracts;

using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// What a delegate does next, chosen with the client's seeded random from the client's own view:
/// inserts, word edits on the revision it knows (so merges and conflicts happen), moves, deletes,
/// and for the chair agreeing and reopening. Every text carries a token unique to the op, so an
/// edit's words can be traced, and some add or remove brackets, which block agreeing.
/// </summary>
public sealed class ConvergenceSchedule(Guid documentId, string tag, bool chair, Random random)
{
    private const int FewParagraphs = 12;
    private const int ManyParagraphs = 32;
    private const int MaxWords = 24;
    private int count;

    /// <summary>The next op on <paramref name="view"/>; null when nothing it picked can be done now (e.g. every paragraph has an edit in flight).</summary>
    public ConvergenceOp? Next(Replica view, IReadOnlySet<Guid> editing)
    {
        var n = ++count;
        var opId = $"{tag}-{n}";
        var live = view.Order;
        if (live.Count == 0)
            return Insert(opId, null, n);
        var pick = live[random.Next(live.Count)];
        if (chair && random.Next(100) < 40)
            return Status(opId, pick, view.Paragraphs[pick]);
        // A delegate's screen shows agreed paragraphs as locked: mostly they try the open ones, and
        // are refused only when their view is behind (or, now and then, they try anyway).
        if (view.Paragraphs[pick].Status != ParagraphStatus.Draft && random.Next(10) != 0)
        {
            var open = live.Where(id => view.Paragraphs[id].Status == ParagraphStatus.Draft).ToList();
            if (open.Count > 0)
                pick = open[random.Next(open.Count)];
        }
        var roll = random.Next(100);
        var inserts = live.Count < ManyParagraphs ? 16 : 4;
        var deletes = live.Count > FewParagraphs ? 8 : 0;
        if (roll < inserts)
            return Insert(opId, random.Next(8) == 0 ? null : pick, n);
        if (roll < inserts + deletes)
            return new ConvergenceOp(OpKind.Delete, opId, new DeleteParagraphRequest(documentId, pick, opId), pick);
        if (roll < inserts + deletes + 12)
            return Move(opId, pick, live);
        if (editing.Contains(pick))
            return null; // one edit in flight per paragraph (PROTOCOL.md §3)
        var known = view.Paragraphs[pick];
        var token = $"{tag}w{n}";
        var text = Mutate(known.Text, token);
        return new ConvergenceOp(OpKind.Edit, opId, new EditParagraphRequest(documentId, pick, known.Revision, text, opId), pick)
        {
            Token = ConvergenceOp.Occurrences(text, token) == 1 ? token : null,
        };
    }

    private ConvergenceOp Insert(string opId, Guid? after, int n)
    {
        // Half the inserts let the server choose the id: a retry must then be told the same one.
        Guid? id = random.Next(2) == 0 ? NewId() : null;
        var kind = random.Next(3) == 0 ? ParagraphKind.Text : ParagraphKind.Operative;
        var text = $"Inserted {tag}i{n} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}";
        return new ConvergenceOp(OpKind.Insert, opId, new InsertParagraphRequest(documentId, after, kind, text, id, opId), id ?? Guid.Empty);
    }

    private ConvergenceOp Move(string opId, Guid pick, IReadOnlyList<Guid> live)
    {
        Guid? after = random.Next(6) == 0 ? null : live[random.Next(live.Count)];
        if (after == pick)
            after = null;
        return new ConvergenceOp(OpKind.Move, opId, new MoveParagraphRequest(documentId, pick, after, opId), pick);
    }

    private ConvergenceOp Status(string opId, Guid pick, ReplicaParagraph known)
    {
        ParagraphStatus status;
        if (known.Status != ParagraphStatus.Draft)
            status = random.Next(3) == 0 ? known.Status : ParagraphStatus.Draft; // sometimes agree it again: nothing to append
        else if (known.Text.Contains('[', StringComparison.Ordinal) && random.Next(2) == 0)
            status = ParagraphStatus.Draft; // reads as "no, not yet"
        else
            status = random.Next(4) == 0 ? ParagraphStatus.AgreedAdRef : ParagraphStatus.Agreed; // brackets: refused as invalid
        return new ConvergenceOp(OpKind.Status, opId,
            new SetParagraphStatusRequest(documentId, pick, known.Revision, status, ClientOpId: opId), pick);
    }

    private Guid NewId()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>One word-level change: replace, insert or delete a word, bracket one, or drop the brackets.</summary>
    private string Mutate(string text, string token)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = random.Next(words.Count);
        switch (random.Next(100))
        {
            case < 40:
                words[at] = token;
                break;
            case < 65:
                words.Insert(random.Next(words.Count + 1), token);
                break;
            case < 80 when words.Count > 4:
                words.RemoveAt(at);
                break;
            case < 90 when !text.Contains('[', StringComparison.Ordinal):
                words[at] = $"[{token} / {words[at].Trim('[', ']')}]";
                break;
            case < 100 when text.Contains('[', StringComparison.Ordinal):
                words = [.. string.Join(' ', words).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                words.Insert(random.Next(words.Count + 1), token);
                break;
            default:
                words.Insert(random.Next(words.Count + 1), token);
                break;
        }
        while (words.Count > MaxWords)
            words.RemoveAt(random.Next(words.Count));
        return string.Join(' ', words);
    }

    public static readonly string[] Words =
    [
        "enhanced", "cooperation", "governments", "equal", "footing", "stakeholders", "capacity", "development",
        "Internet", "governance", "public", "policy", "multistakeholder", "developing", "countries", "access",
    ];
}
