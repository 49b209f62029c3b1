using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class DocxTrackedTests
{
    private static void Edit(StateBuilder doc, Guid id, string text, Actor by) =>
        doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(StateBuilder.DocumentId, id, s.Version, text)), by);

    private static Docx Tracked(StateBuilder doc, long from, bool statuses = false) =>
        new(DocxExport.WriteTracked(Docx.Tracked(doc, from, statuses: statuses)));

    [Fact]
    public void Two_delegations_editing_one_paragraph_each_get_their_words_at_their_times()
    {
        var doc = StateBuilder.Document("1. Member States shall cooperate.");
        var id = doc.Ids[0];
        doc.Tag("Rev.1");
        var from = doc.Version;
        Edit(doc, id, "Member States shall closely cooperate.", StateBuilder.Member);
        Edit(doc, id, "All Member States should closely cooperate.", StateBuilder.OtherMember);

        using var docx = Tracked(doc, from);

        Assert.Equal(
            [
                new Change("ins", "ISOC", Times.At(from + 2), "All "),
                new Change("del", "ISOC", Times.At(from + 2), "shall"),
                new Change("ins", "ISOC", Times.At(from + 2), "should"),
                new Change("ins", "Brazil", Times.At(from + 1), "closely "),
            ],
            docx.Changes);
        Assert.Equal(("Operative", "1.\tAll Member States should closely cooperate."), docx.Paragraphs[^1]);
        Assert.Empty(docx.Marks);
        Assert.Equal(["shall"], docx.Body.Descendants<DeletedText>().Select(t => t.Text));
    }

    [Fact]
    public void A_word_inserted_and_deleted_again_within_the_range_is_absent()
    {
        var doc = StateBuilder.Document("1. Invites States.");
        var id = doc.Ids[0];
        var from = doc.Version;
        Edit(doc, id, "Invites all new States.", StateBuilder.Member);
        Edit(doc, id, "Invites all States.", StateBuilder.OtherMember);

        using var docx = Tracked(doc, from);

        Assert.Equal([new Change("ins", "Brazil", Times.At(from + 1), "all ")], docx.Changes);
        Assert.DoesNotContain("new", Docx.Text(docx.Body, deleted: true), StringComparison.Ordinal);
    }

    [Fact]
    public void An_inserted_paragraph_has_its_mark_inserted_by_the_inserter_with_its_number()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        var from = doc.Version;
        var bis = doc.Insert(ParagraphKind.Operative, "Encourages stakeholders.", doc.Ids[2]);
        Edit(doc, bis, "Encourages all stakeholders.", StateBuilder.OtherMember);

        using var docx = Tracked(doc, from);

        Assert.Equal([new Change("ins", "Brazil", Times.At(from + 1), "3 bis.\tEncourages all stakeholders.")], docx.Marks);
        Assert.Equal(
            [
                new Change("ins", "Brazil", Times.At(from + 1), "3 bis.\tEncourages "),
                new Change("ins", "ISOC", Times.At(from + 2), "all "),
                new Change("ins", "Brazil", Times.At(from + 1), "stakeholders."),
            ],
            docx.Changes);
    }

    [Fact]
    public void A_deleted_paragraph_has_its_mark_and_words_deleted_by_the_deleter_except_words_struck_before()
    {
        var doc = StateBuilder.Operatives(2);
        doc.Tag("Rev.1");
        var second = doc.Ids[1];
        var from = doc.Version;
        Edit(doc, second, "Operative.", StateBuilder.OtherMember);
        doc.Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(StateBuilder.DocumentId, second)), StateBuilder.ThirdMember);

        using var docx = Tracked(doc, from);

        Assert.Equal([new Change("del", "China", Times.At(from + 2), "2.\tOperative 2.")], docx.Marks);
        Assert.Equal(
            [
                new Change("del", "China", Times.At(from + 2), "2.\tOperative"),
                new Change("del", "ISOC", Times.At(from + 1), " 2"),
                new Change("del", "China", Times.At(from + 2), "."),
            ],
            docx.Changes);
        Assert.Equal(["1.\tOperative 1.", "2.\tOperative 2."], docx.Body.Elements<Paragraph>().Skip(3).Select(p => Docx.Text(p, deleted: true)));
    }

    [Fact]
    public void A_moved_paragraph_is_a_move_with_matching_ranges_by_the_mover_and_its_edits_inside()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        var (a, c) = (doc.Ids[0], doc.Ids[2]);
        var from = doc.Version;
        doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(StateBuilder.DocumentId, a, c)), StateBuilder.ThirdMember);
        Edit(doc, a, "Operative one.", StateBuilder.OtherMember);

        using var docx = Tracked(doc, from);

        var fromStart = Assert.Single(docx.Body.Elements<MoveFromRangeStart>());
        var toStart = Assert.Single(docx.Body.Elements<MoveToRangeStart>());
        Assert.Equal(fromStart.Name!.Value, toStart.Name!.Value);
        Assert.Equal(fromStart.Id!.Value, Assert.Single(docx.Body.Elements<MoveFromRangeEnd>()).Id!.Value);
        Assert.Equal(toStart.Id!.Value, Assert.Single(docx.Body.Elements<MoveToRangeEnd>()).Id!.Value);
        Assert.NotEqual(fromStart.Id.Value, toStart.Id.Value);
        Assert.Equal(("China", Times.At(from + 1)), (fromStart.Author!.Value, fromStart.Date!.Value));
        Assert.Equal(("China", Times.At(from + 1)), (toStart.Author!.Value, toStart.Date!.Value));
        Assert.IsType<Paragraph>(fromStart.NextSibling());
        Assert.IsType<MoveFromRangeEnd>(fromStart.NextSibling()!.NextSibling());
        var china = Times.At(from + 1);
        var isoc = Times.At(from + 2);
        Assert.Equal(
            [
                new Change("moveFrom", "China", china, "1.\tOperative 1."),
                new Change("moveTo", "China", china, "1.\tOperative "),
                new Change("moveTo", "China", china, "1"),
                new Change("del", "ISOC", isoc, "1"),
                new Change("ins", "ISOC", isoc, "one"),
                new Change("moveTo", "China", china, "."),
            ],
            docx.Changes);
        Assert.IsType<MoveToRun>(Assert.Single(docx.Body.Descendants<DeletedRun>()).Parent);
        Assert.Equal(
            [new Change("moveFrom", "China", china, "1.\tOperative 1."), new Change("moveTo", "China", china, "1.\tOperative 1one.")],
            docx.Marks);
        // Where it stood (the moved-from text), the two it passed, where it stands (its number kept: the text has a baseline).
        Assert.Equal(["1.\tOperative 1.", "2.\tOperative 2.", "3.\tOperative 3.", "1.\tOperative one."], docx.Paragraphs.Skip(3).Select(p => p.Text));
    }

    [Fact]
    public void A_number_changed_by_a_move_is_the_old_one_deleted_and_the_new_one_inserted_by_the_mover()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var from = doc.Version;
        doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(StateBuilder.DocumentId, a, c)), StateBuilder.ThirdMember);

        using var docx = Tracked(doc, from);

        var china = Times.At(from + 1);
        Assert.Equal(
            [
                new Change("moveFrom", "China", china, "1.\tOperative 1."),
                new Change("del", "China", china, "2."),
                new Change("ins", "China", china, "1."),
                new Change("del", "China", china, "3."),
                new Change("ins", "China", china, "2."),
                new Change("ins", "China", china, "3."),
                new Change("moveTo", "China", china, "\tOperative 1."),
            ],
            docx.Changes);
        Assert.Equal(["1.\tOperative 2.", "2.\tOperative 3.", "3.\tOperative 1."], docx.Body.Elements<Paragraph>().Skip(3)
            .Where(p => p.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<MoveFrom>() is null)
            .Select(p => Docx.Text(p, deleted: false)));
        Assert.Equal([a, b, c], [doc.Ids[2], doc.Ids[0], doc.Ids[1]]);
    }

    [Fact]
    public void A_renumbering_revision_shows_the_new_numbers_in_the_chairs_name_at_the_tags_time()
    {
        var doc = StateBuilder.Operatives(2);
        doc.Tag("Rev.1");
        var from = doc.Version;
        doc.Insert(ParagraphKind.Operative, "Inserted.", doc.Ids[0]);
        doc.Tag("Rev.2", renumber: true);

        using var docx = Tracked(doc, from);

        Assert.Equal(
            [
                new Change("ins", "Brazil", Times.At(from + 1), "2.\tInserted."),
                new Change("del", "WGEC", Times.At(from + 2), "2."),
                new Change("ins", "WGEC", Times.At(from + 2), "3."),
            ],
            docx.Changes);
        Assert.Equal(["1.\tOperative 1.", "2.\tInserted.", "3.\tOperative 2."], docx.Paragraphs.Skip(3).Select(p => p.Text));
    }

    [Fact]
    public void The_header_says_what_is_compared_and_how_changes_are_attributed()
    {
        var doc = StateBuilder.Operatives(1);
        doc.Tag("Rev.1");
        var from = doc.Version;
        Edit(doc, doc.Ids[0], "Operative one.", StateBuilder.Member);

        using var docx = Tracked(doc, from);

        Assert.Equal(("DateLine", "Version 4 compared with Rev.1, 10 March 2025, 09:04 UTC"), docx.Paragraphs[1]);
        Assert.Contains("delegation", docx.Paragraphs[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Formatting_links_and_status_tags_survive_in_tracked_runs()
    {
        var doc = StateBuilder.Document("1. Takes note of the report.");
        var id = doc.Ids[0];
        var from = doc.Version;
        Edit(doc, id, "Takes note **with appreciation** of [the report](https://unctad.org/r).", StateBuilder.Member);
        doc.SetStatus(id, ParagraphStatus.AgreedAdRef);

        using var docx = Tracked(doc, from, statuses: true);

        var bold = Assert.Single(docx.Body.Descendants<Run>(), r => r.RunProperties?.Bold is not null);
        Assert.IsType<InsertedRun>(bold.Parent);
        Assert.Equal("with appreciation", Docx.Text(bold, false));
        var link = Assert.Single(docx.Body.Descendants<Hyperlink>());
        Assert.Equal("the report", Docx.Text(link, false));
        Assert.Equal(("Operative", "1.\tTakes note with appreciation of the report. (agreed ad ref.)"), docx.Paragraphs[^1]);
    }

    [Fact]
    public void Against_the_same_point_nothing_is_tracked()
    {
        var doc = StateBuilder.Document("1. Alpha.\n\n2. Beta.");

        using var docx = Tracked(doc, doc.Version);

        Assert.Empty(docx.Changes);
        Assert.Empty(docx.Marks);
        Assert.Equal(["1.\tAlpha.", "2.\tBeta."], docx.Paragraphs.Skip(3).Select(p => p.Text));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        var doc = StateBuilder.Operatives(3);
        var from = doc.Version;
        doc.Move(doc.Ids[0], doc.Ids[2]);
        Edit(doc, doc.Ids[1], "Changed [text](https://example.org).", StateBuilder.OtherMember);
        var input = Docx.Tracked(doc, from);

        Assert.Equal(DocxExport.WriteTracked(input), DocxExport.WriteTracked(input));
    }

    [Fact]
    public void On_the_sample_accepting_every_change_gives_the_later_text_and_rejecting_every_change_the_earlier()
    {
        var doc = StateBuilder.Document(SharedSamples.Read("recommendations.md"));
        doc.Tag("Rev.1");
        var from = doc.Version;
        var operatives = doc.State.Live.Where(p => p.Kind == ParagraphKind.Operative).Select(p => p.Id).ToList();
        var preambular = doc.State.Live.First(p => p.Kind == ParagraphKind.Preambular).Id;
        Edit(doc, operatives[0], doc[operatives[0]].Text.Replace("[be implemented without further delay / continue to be implemented]", "be implemented", StringComparison.Ordinal), StateBuilder.Member);
        Edit(doc, operatives[1], "Also *recommends* that **all** stakeholders participate, see [the report](https://unctad.org/wgec).", StateBuilder.OtherMember);
        Edit(doc, operatives[1], "Also *recommends* that stakeholders participate fully, see [the report](https://unctad.org/wgec).", StateBuilder.ThirdMember);
        var bis = doc.Insert(ParagraphKind.Operative, "Invites the secretariat to [report / inform].", operatives[2]);
        doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(StateBuilder.DocumentId, operatives[0], operatives[2])), StateBuilder.OtherMember);
        Edit(doc, operatives[0], "Recommends that enhanced cooperation be implemented now.", StateBuilder.ThirdMember);
        doc.Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(StateBuilder.DocumentId, preambular)), StateBuilder.OtherMember);
        doc.Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(StateBuilder.DocumentId, operatives[^1])), StateBuilder.Member);
        Edit(doc, bis, "Invites the secretariat to report.", StateBuilder.OtherMember);
        doc.Tag("Rev.2", renumber: true);

        using var tracked = Tracked(doc, from);
        using var later = Docx.Export(doc.State);
        using var earlier = Docx.Export(doc.Replay(from));

        Assert.Equal(later.Paragraphs.Skip(2).Select(p => p.Text), tracked.Accepted.Skip(3));
        Assert.Equal(earlier.Paragraphs.Skip(2).Select(p => p.Text), tracked.Rejected.Skip(3));
        Assert.Equal(["Brazil", "China", "ISOC", "WGEC"], tracked.Changes.Concat(tracked.Marks).Select(c => c.Author).Distinct().Order());
    }
}
