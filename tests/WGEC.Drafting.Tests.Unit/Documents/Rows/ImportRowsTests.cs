using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

public sealed class ImportRowsTests
{
    [Fact]
    public void Rows_are_appended_after_the_last_paragraph_in_file_order_numbered_after_the_existing_rows()
    {
        var annex = Annex(out var existing);
        var last = annex.Ids[^1];
        var ids = Ids(3);

        var decision = ImportRows.Decide(annex.State, [Imported(2, "Spam", status: " Done "), Imported(3, "Privacy"), Imported(4, "Access")], ids.Next);
        var events = Inserted(decision);
        annex.Run(_ => decision);

        Assert.Equal([last, ids[0], ids[1]], events.Select(e => e.AfterParagraphId));
        Assert.Equal(ids, events.Select(e => e.ParagraphId));
        Assert.All(events, e => Assert.Equal(ParagraphKind.Row, e.Kind));
        Assert.Equal(["3", "4", "5"], events.Select(e => Assert.Single(e.Numbers).Value));
        Assert.Equal(new RowFields("Spam", "", "", "", "Done"), events[0].Fields);
        Assert.Equal("Spam |  |  |  | Done", events[0].Text);
        Assert.Equal([null, "1", "2", null, "3", "4", "5"], annex.State.Live.Select(p => p.Number));
        Assert.Equal(existing.Count + 5, annex.State.LiveCount);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, "2 bis")]
    [InlineData(true, true, "1 bis")]
    [InlineData(false, true, null)]
    public void An_import_records_and_numbers_exactly_as_inserting_the_rows_one_by_one(bool revision, bool deleteLastRow, string? firstPosition)
    {
        var imported = Annex(out _);
        var byHand = Annex(out _);
        foreach (var annex in new[] { imported, byHand })
        {
            if (revision)
                annex.Tag("Rev.1");
            if (deleteLastRow)
                annex.Delete(annex.Ids[2]);
        }
        var source = Guid.NewGuid();
        var rows = new[] { Imported(2, "Spam"), Imported(3, "Privacy", category: "Human rights") with { Sources = [source] }, Imported(4, " Access ") };

        var events = Inserted(ImportRows.Decide(imported.State, rows, Ids(3).Next));
        var one = new List<ParagraphInserted>();
        var after = byHand.Ids[^1];
        foreach (var (row, id) in rows.Zip(Ids(3)))
        {
            var decision = InsertParagraph.Decide(
                byHand.State, new InsertParagraphRequest(StateBuilder.DocumentId, after, ParagraphKind.Row, null, id, Fields: row.Fields, Sources: row.Sources), id);
            one.Add(Decided.Appended<ParagraphInserted>(decision));
            byHand.Run(_ => decision);
            after = id;
        }

        Assert.Equal(firstPosition, events[0].Position);
        Assert.Equal(Describe(one), Describe(events));
    }

    [Fact]
    public void A_bad_row_refuses_the_whole_file_naming_its_line_and_nothing_is_decided()
    {
        var annex = Annex(out _);

        var empty = Decided.Refused(ImportRows.Decide(annex.State, [Imported(2, "Spam"), Imported(3, "Privacy"), Imported(4, "  ")], Ids(3).Next), ErrorCode.Invalid);
        var control = Decided.Refused(ImportRows.Decide(annex.State, [Imported(2, "Spam"), Imported(7, "Privacy", category: "Human\u0007rights")], Ids(2).Next), ErrorCode.Invalid);
        var twice = Guid.NewGuid();
        var sources = Decided.Refused(ImportRows.Decide(annex.State, [Imported(2, "Spam") with { Sources = [twice, twice] }], Ids(1).Next), ErrorCode.Invalid);
        var tooLong = Decided.Refused(ImportRows.Decide(annex.State, [Imported(9, new string('x', RowText.MaxFieldLength + 1))], Ids(1).Next), ErrorCode.TooLarge);

        Assert.Equal("line 4: a row's issue may not be empty", empty.Message);
        Assert.StartsWith("line 7: field category contains the control character U+0007", control.Message, StringComparison.Ordinal);
        Assert.Equal("line 2: a source is named twice", sources.Message);
        Assert.StartsWith("line 9: field issue is 4,001 characters", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(4, annex.State.LiveCount);
    }

    [Fact]
    public void More_rows_than_a_document_holds_are_too_large_before_any_is_decided()
    {
        var annex = Annex(out _);
        var rows = Enumerable.Range(1, TextRules.MaxParagraphs - 3).Select(i => Imported(i + 1, "Issue " + i.ToString(CultureInfo.InvariantCulture))).ToList();

        var refusal = Decided.Refused(ImportRows.Decide(annex.State, rows, () => throw new InvalidOperationException("no row is decided")), ErrorCode.TooLarge);

        Assert.Equal("the document has 4 paragraphs and the file 4,997 rows; a document holds at most 5,000 paragraphs", refusal.Message);
    }

    [Fact]
    public void A_full_document_of_rows_is_imported_in_one_decision()
    {
        var annex = StateBuilder.Document("", DocumentKind.Annex);
        var rows = Enumerable.Range(1, TextRules.MaxParagraphs).Select(i => Imported(i + 1, "Issue " + i.ToString(CultureInfo.InvariantCulture))).ToList();

        var events = Inserted(ImportRows.Decide(annex.State, rows, Guid.NewGuid));

        Assert.Equal(TextRules.MaxParagraphs, events.Count);
        Assert.Equal("5000", Assert.Single(events[^1].Numbers).Value);
    }

    [Fact]
    public void Only_a_table_annex_takes_rows_and_a_file_of_no_rows_appends_nothing()
    {
        var recommendations = StateBuilder.Document("1. Recommends.");
        var annex = Annex(out _);

        var refusal = Decided.Refused(ImportRows.Decide(recommendations.State, [Imported(2, "Spam")], Ids(1).Next), ErrorCode.Invalid);
        var nothing = Decided.Nothing<InsertParagraphResult>(ImportRows.Decide(annex.State, [], Ids(0).Next));
        var nothingToNothing = Decided.Refused(ImportRows.Decide(recommendations.State, [], Ids(0).Next), ErrorCode.Invalid);

        Assert.Equal("rows are imported into a table annex (a document of kind annex), not a recommendations", refusal.Message);
        Assert.Equal(annex.Version, nothing.Version);
        Assert.Equal(refusal.Message, nothingToNothing.Message);
    }

    /// <summary>An annex: a heading, rows 1 and 2, and a text paragraph after them.</summary>
    private static StateBuilder Annex(out IReadOnlyList<Guid> rows)
    {
        var annex = StateBuilder.Document("# Annex: mapping of issues", DocumentKind.Annex);
        var ids = Ids(2);
        var after = annex.Ids[0];
        foreach (var (id, issue) in ids.Zip(["Allocation of domain names", "Combating cybercrime"]))
        {
            annex.Run(s => InsertParagraph.Decide(s, new InsertParagraphRequest(StateBuilder.DocumentId, after, ParagraphKind.Row, null, id, Fields: new RowFields(issue)), id));
            after = id;
        }
        annex.Insert(ParagraphKind.Text, "Source: the secretariat's mapping.", after);
        rows = ids;
        return annex;
    }

    private static ImportedRow Imported(int line, string issue, string? category = null, string? status = null) =>
        new(line, new RowFields(issue, category, null, null, status), null);

    private static List<ParagraphInserted> Inserted(Decision decision) => [.. Decided.AppendedAll(decision).Cast<ParagraphInserted>()];

    private static string Describe(IEnumerable<ParagraphInserted> events) =>
        string.Join("\n", events.Select(e => $"{e.Kind} {e.Position} {e.Text} {e.Fields} {string.Join(",", e.Numbers.Values)} {string.Join(",", e.Sources ?? [])}"));

    private static IdList Ids(int count) => new([.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())]);

    /// <summary>Ids given in order, and readable afterwards.</summary>
    private sealed class IdList(List<Guid> ids) : List<Guid>(ids)
    {
        private int next;

        public Guid Next() => this[next++];
    }
}
