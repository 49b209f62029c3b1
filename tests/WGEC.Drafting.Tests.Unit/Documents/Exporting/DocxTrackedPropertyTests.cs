using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>
/// Random negotiations on the sample text: whatever the delegations did, the tracked export is valid Word,
/// accepting every change in it gives the later text, and rejecting every change the earlier one.
/// </summary>
public class DocxTrackedPropertyTests
{
    private static readonly Actor[] Delegations = [StateBuilder.Member, StateBuilder.OtherMember, StateBuilder.ThirdMember, StateBuilder.Chair];

    private static readonly string[] Words =
    [
        "shall", "should", "[may]", "**all**", "*Member*", "States", "[the report](https://unctad.org/r)", "`A/RES/67/195`",
        "[", "]", "/", "and", "[[inner] outer]", "\\[not]", "&amp;",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void Accepting_all_gives_the_later_text_and_rejecting_all_the_earlier(int seed)
    {
        var random = new Random(seed);
        var doc = StateBuilder.Document(SharedSamples.Read("recommendations.md"));
        doc.Tag("Rev.1");
        var from = doc.Version;
        for (var step = 0; step < 40; step++)
            Act(doc, random);
        if (random.Next(2) == 0)
            doc.Tag("Rev.2", renumber: random.Next(2) == 0);

        using var tracked = new Docx(DocxExport.WriteTracked(Docx.Tracked(doc, from, statuses: false)));
        using var later = Docx.Export(doc.State);
        using var earlier = Docx.Export(doc.Replay(from));

        Assert.Equal(later.Paragraphs.Skip(2).Select(p => p.Text), tracked.Accepted.Skip(3));
        Assert.Equal(earlier.Paragraphs.Skip(2).Select(p => p.Text), tracked.Rejected.Skip(3));
        Assert.True(tracked.Changes.Select(c => c.Author).Distinct().Count() > 1, "the negotiation changed too little to test anything");
    }

    private static void Act(StateBuilder doc, Random random)
    {
        var live = doc.Ids;
        var by = Delegations[random.Next(Delegations.Length)];
        var id = live.Count > 0 ? live[random.Next(live.Count)] : (Guid?)null;
        switch (random.Next(10))
        {
            case < 6 when id is { } edited:
                var text = Edited(doc[edited].Text, random);
                if (text.Length > 0 && text != doc[edited].Text)
                    doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(StateBuilder.DocumentId, edited, s.Version, text)), by);
                break;
            case 6:
                var kind = new[] { ParagraphKind.Operative, ParagraphKind.Preambular, ParagraphKind.Text }[random.Next(3)];
                doc.Run(s => InsertParagraph.Decide(s, new InsertParagraphRequest(StateBuilder.DocumentId, id, kind, "Inserted " + Words[random.Next(Words.Length)] + " text.", Guid.NewGuid()), Guid.NewGuid()), by);
                break;
            case 7 when id is { } moved && live.Count > 1:
                var after = random.Next(3) == 0 ? (Guid?)null : live[random.Next(live.Count)];
                if (after != moved)
                    doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(StateBuilder.DocumentId, moved, after)), by);
                break;
            case 8 when id is { } deleted && live.Count > 3:
                doc.Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(StateBuilder.DocumentId, deleted)), by);
                break;
        }
    }

    private static string Edited(string text, Random random)
    {
        var words = text.Split(' ').ToList();
        var at = random.Next(words.Count);
        switch (random.Next(3))
        {
            case 0:
                words.Insert(at, Words[random.Next(Words.Length)]);
                break;
            case 1 when words.Count > 1:
                words.RemoveAt(at);
                break;
            default:
                words[at] = Words[random.Next(Words.Length)];
                break;
        }
        return string.Join(' ', words);
    }
}
