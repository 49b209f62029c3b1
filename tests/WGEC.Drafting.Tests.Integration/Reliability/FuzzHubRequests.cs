using System.Text;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Reliability.Fuzz;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>A hub method's valid request on a document of <paramref name="Fixture"/>'s kind, field by field.</summary>
internal sealed record HubRequest(string Method, FixtureKind Fixture, Func<FuzzIds, FuzzField[]> Fields);

/// <summary>One input to the hub: the raw bytes between the brackets of <c>arguments</c>, and the codes its answer may carry.</summary>
internal sealed record HubCase(string Method, string Label, byte[] Arguments, ErrorCode[] Expected)
{
    /// <summary>A 200,000-character value in a field the server reads as a string (a text, an enum name, a clientOpId), not as an id.</summary>
    public bool IsHugeString { get; init; }
}

/// <summary>The valid request of every hub method (PROTOCOL.md §3 and the later work items), and the malformed inputs made from it.</summary>
internal static class FuzzHubRequests
{
    // Declared before All, which uses them: static fields are set in the order they are written.
    private static readonly FuzzField OpId = new("clientOpId", FieldKind.OpId, "\"fuzz\"");
    private static readonly FuzzField Note = new("note", FieldKind.Note, Quote("Agreed after [long]\n\ninformal consultations."), 4_000);

    public static readonly HubRequest[] All =
    [
        new("JoinDocument", FixtureKind.Drafting, f => [Document(f), new("sinceVersion", FieldKind.AnyVersion, "1")]),
        new("LeaveDocument", FixtureKind.Drafting, f => [Document(f)]),
        new("InsertParagraph", FixtureKind.Drafting, f =>
        [
            Document(f), new("afterParagraphId", FieldKind.OptionalParagraphRef, Id(f.Paragraph)), new("kind", FieldKind.Enum, "\"operative\""),
            ParagraphText("Requests the fuzz test to [insert / add] this."), new("paragraphId", FieldKind.NewParagraphId, Id(Fresh(f))), OpId,
        ]),
        new("EditParagraph", FixtureKind.Drafting, f =>
            [Document(f), Paragraph(f), Revision(f), ParagraphText("Alpha [shall] act at once."), OpId]),
        new("MoveParagraph", FixtureKind.Drafting, f =>
            [Document(f), Paragraph(f), new("afterParagraphId", FieldKind.OptionalParagraphRef, Id(f.Other)), OpId]),
        new("DeleteParagraph", FixtureKind.Drafting, f => [Document(f), new("paragraphId", FieldKind.ParagraphRef, Id(f.Other)), OpId]),
        new("SetParagraphStatus", FixtureKind.Drafting, f =>
        [
            Document(f), new("paragraphId", FieldKind.ParagraphRef, Id(f.Other)), Revision(f), new("status", FieldKind.Enum, "\"agreed\""),
            Note, OpId,
        ]),
        new("AddComment", FixtureKind.Drafting, f =>
        [
            Document(f), Paragraph(f), new("text", FieldKind.CommentText, Quote("Which [bracket]?\n\nThe first."), 4_000),
            new("replyTo", FieldKind.OptionalCommentRef, Id(f.Comment)), OpId,
        ]),
        new("ResolveComment", FixtureKind.Drafting, f => [Document(f), new("commentId", FieldKind.CommentRef, Id(f.Comment)), OpId]),
        new("TagRevision", FixtureKind.Drafting, f =>
            [Document(f), new("label", FieldKind.Line, "\"Rev.9\"", 40), Note, OpId, new("renumber", FieldKind.Flag, "true")]),
        new("OpenMeeting", FixtureKind.Drafting, f => [Document(f), new("name", FieldKind.Line, "\"Fuzz session\"", 300), OpId]),
        new("CloseMeeting", FixtureKind.Meeting, f => [Document(f), OpId]),
        new("TableProposal", FixtureKind.Drafting, f =>
        [
            Document(f), new("paragraphId", FieldKind.OptionalParagraphRef, Id(f.Other)), new("action", FieldKind.Enum, "\"insert-after\""),
            ParagraphText("Epsilon [text]."), Note, new("kind", FieldKind.OptionalEnum, "\"text\""), OpId,
        ]),
        new("SupportProposal", FixtureKind.Drafting, f => [Document(f), Proposal(f.TheirProposal), OpId]),
        new("OpposeProposal", FixtureKind.Drafting, f => [Document(f), Proposal(f.TheirProposal), OpId]),
        new("WithdrawProposal", FixtureKind.Drafting, f => [Document(f), Proposal(f.OwnProposal), OpId]),
        new("DecideProposal", FixtureKind.Drafting, f =>
        [
            Document(f), Proposal(f.TheirProposal), new("decision", FieldKind.Enum, "\"accept\""), new("form", FieldKind.Enum, "\"bracketed\""), OpId,
        ]),
        new("ResolveBracket", FixtureKind.Drafting, f =>
        [
            Document(f), Paragraph(f), Revision(f), new("bracketIndex", FieldKind.Index, "0"), new("keep", FieldKind.Enum, "\"alternative\""),
            new("alternative", FieldKind.ChosenIndex, "1"), OpId,
        ]),
        new("AdoptDocument", FixtureKind.Agreed, f => [Document(f), OpId]),
        new("EditRow", FixtureKind.Annex, f => [Document(f), Paragraph(f), Revision(f), new("fields", FieldKind.RowFields, "{\"status\":\"Addressed\"}"), OpId]),
        new("MergeRows", FixtureKind.Annex, f =>
        [
            Document(f), new("paragraphIds", FieldKind.RowIds, $"[{Id(f.Paragraph)},{Id(f.Other)}]"),
            new("fields", FieldKind.OptionalRowFields, "{\"issue\":\"Issues 1 and 2\"}"), OpId,
        ]),
        new("LinkEvidence", FixtureKind.Drafting, f =>
            [Document(f), new("paragraphId", FieldKind.ParagraphRef, Id(f.Other)), new("kind", FieldKind.Enum, "\"row\""), Evidence(f), OpId]),
        new("UnlinkEvidence", FixtureKind.Drafting, f => [Document(f), Paragraph(f), new("kind", FieldKind.Enum, "\"row\""), Evidence(f), OpId]),
        new("FollowMe", FixtureKind.Drafting, f => [Document(f), Paragraph(f)]),
        new("SetFocus", FixtureKind.Drafting, f => [new("documentId", FieldKind.JoinedDocumentRef, Id(f.Document)), new("paragraphId", FieldKind.OptionalParagraphRef, Id(f.Paragraph))]),
    ];

    private static string Id(Guid id) => Quote(id.ToString());

    /// <summary>An id no paragraph has: the document's own, bytes reversed.</summary>
    private static Guid Fresh(FuzzIds f) => new([.. f.Document.ToByteArray().Reverse()]);

    private static FuzzField Document(FuzzIds f) => new("documentId", FieldKind.DocumentRef, Id(f.Document));

    private static FuzzField Paragraph(FuzzIds f) => new("paragraphId", FieldKind.ParagraphRef, Id(f.Paragraph));

    private static FuzzField Evidence(FuzzIds f) => new("id", FieldKind.EvidenceRef, Id(f.Row));

    private static FuzzField Proposal(Guid id) => new("proposalId", FieldKind.ProposalRef, Id(id));

    private static FuzzField Revision(FuzzIds f) => new("baseRevision", FieldKind.Revision, f.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static FuzzField ParagraphText(string text) => new("text", FieldKind.ParagraphText, Quote(text), 20_000);

    /// <summary>The request as JSON, with one field's value replaced (raw bytes) when <paramref name="replaced"/> is given.</summary>
    public static byte[] Json(IReadOnlyList<FuzzField> fields, string? replaced = null, byte[]? value = null)
    {
        var json = new List<byte>(256) { (byte)'{' };
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                json.Add((byte)',');
            json.AddRange(Encoding.UTF8.GetBytes(Quote(fields[i].Name) + ":"));
            json.AddRange(fields[i].Name == replaced ? value! : Encoding.UTF8.GetBytes(fields[i].Json));
        }
        json.Add((byte)'}');
        return [.. json];
    }

    /// <summary>Each field replaced in turn by each of its malformed values; then malformed shapes of the whole argument list.</summary>
    public static IEnumerable<HubCase> Cases(HubRequest request, FuzzIds ids, Random random)
    {
        var fields = request.Fields(ids);
        // A clientOpId of its own for every input: were one applied by mistake, the next could not replay its answer.
        FuzzField[] Fresh() => [.. fields.Select(f => f.Kind == FieldKind.OpId ? f with { Json = Quote("fuzz-" + NewGuid(random)) } : f)];
        foreach (var field in fields)
        {
            var read = field.Kind is not (FieldKind.DocumentRef or FieldKind.JoinedDocumentRef or FieldKind.ParagraphRef or FieldKind.ProposalRef
                or FieldKind.CommentRef or FieldKind.OptionalParagraphRef or FieldKind.OptionalCommentRef or FieldKind.NewParagraphId
                or FieldKind.EvidenceRef or FieldKind.RowIds);
            foreach (var value in Values(field, ids, random))
            {
                yield return new HubCase(request.Method, $"{field.Name}: {value.Label}", Json(Fresh(), field.Name, value.Json), value.Expected)
                {
                    IsHugeString = read && value.Json.Length > HugeLength,
                };
            }
        }
        foreach (var (label, arguments, expected) in Shapes(Encoding.UTF8.GetString(Json(Fresh()))))
            yield return new HubCase(request.Method, label, Encoding.UTF8.GetBytes(arguments), expected);
    }

    private static IEnumerable<(string Label, string Arguments, ErrorCode[] Expected)> Shapes(string valid)
    {
        ErrorCode[] invalid = [ErrorCode.Invalid];
        yield return ("no argument", "", invalid);
        yield return ("null", "null", invalid);
        yield return ("a number", "42", invalid);
        yield return ("a string", "\"request\"", invalid);
        yield return ("a boolean", "false", invalid);
        yield return ("an array", "[" + valid + "]", invalid);
        yield return ("two arguments", valid + "," + valid, invalid);
        // An empty object is all defaults: the empty document id names no document.
        yield return ("an empty object", "{}", [ErrorCode.Invalid, ErrorCode.NotFound]);
        yield return ("arrays nested 10,000 deep", DeepJsonArray, invalid);
        yield return ("objects nested 5,000 deep", DeepJsonObject, invalid);
        yield return ("an array of 50,000 numbers", HugeJsonArray, invalid);
        yield return ("a truncated object", valid[..^1], invalid);
        yield return ("a missing value", "{\"documentId\":}", invalid);
        yield return ("single quotes", valid.Replace('"', '\''), invalid);
        yield return ("a trailing comma", valid[..^1] + ",}", invalid);
        yield return ("a comment", "/* c */" + valid, invalid);
        yield return ("an unknown escape", "{\"documentId\":\"\\x\"}", invalid);
        yield return ("a raw control character in a string", "{\"documentId\":\"a\u0001b\"}", invalid);
        yield return ("an unterminated string", "{\"documentId\":\"abc}", invalid);
        yield return ("a duplicated key with a bad value", valid[..^1] + ",\"documentId\":42}", invalid);
    }
}
