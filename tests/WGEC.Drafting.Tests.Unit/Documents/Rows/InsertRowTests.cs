using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

public class InsertRowTests
{
    private static Decision Insert(StateBuilder doc, RowFields? fields, ParagraphKind kind = ParagraphKind.Row, string? text = null, IReadOnlyList<Guid>? sources = null) =>
        InsertParagraph.Decide(doc.State, new InsertParagraphRequest(StateBuilder.DocumentId, null, kind, text, Fields: fields, Sources: sources), Guid.NewGuid());

    [Fact]
    public void A_row_is_stored_with_its_normalised_fields_and_the_text_made_from_them()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);
        var source = Guid.NewGuid();

        var inserted = Decided.Appended<ParagraphInserted>(Insert(doc, new RowFields(" Spam ", "Cybersecurity", null, "London Action Plan | M3AAWG", "Partially addressed"), sources: [source]));

        Assert.Equal(new RowFields("Spam", "Cybersecurity", "", "London Action Plan | M3AAWG", "Partially addressed"), inserted.Fields);
        Assert.Equal("Spam | Cybersecurity |  | London Action Plan \\| M3AAWG | Partially addressed", inserted.Text);
        Assert.Equal([source], inserted.Sources);
    }

    [Fact]
    public void Rows_are_numbered_in_order_like_operative_paragraphs()
    {
        var doc = Table.Annex("Spam", "Privacy", "Access");

        Assert.Equal(["1", "2", "3"], doc.State.Live.Select(p => p.Number));
    }

    [Theory]
    [InlineData(DocumentKind.Recommendations, "annex")]
    [InlineData(DocumentKind.RollingDocument, "annex")]
    public void Rows_belong_in_annexes_only(DocumentKind kind, string message)
    {
        var doc = StateBuilder.Document(kind: kind);

        var refusal = Decided.Refused(Insert(doc, Table.Fields("Spam")), ErrorCode.Invalid);

        Assert.Contains(message, refusal.Message);
    }

    [Fact]
    public void A_row_needs_fields_and_an_issue()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);

        Assert.Contains("fields are missing", Decided.Refused(Insert(doc, null), ErrorCode.Invalid).Message);
        Assert.Contains("issue may not be empty", Decided.Refused(Insert(doc, new RowFields("  ", "x")), ErrorCode.Invalid).Message);
    }

    [Fact]
    public void A_field_is_one_line_within_the_limit_and_follows_the_text_rules()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);

        Assert.Contains("field category", Decided.Refused(Insert(doc, new RowFields("Spam", "a\nb")), ErrorCode.Invalid).Message);
        Assert.Contains("field status", Decided.Refused(Insert(doc, new RowFields("Spam", Status: "bad\u0001")), ErrorCode.Invalid).Message);
        Decided.Refused(Insert(doc, new RowFields("Spam", Activities: new string('a', RowText.MaxFieldLength + 1))), ErrorCode.TooLarge);
    }

    [Fact]
    public void Sources_are_distinct_contribution_ids()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);
        var id = Guid.NewGuid();

        Decided.Refused(Insert(doc, Table.Fields("Spam"), sources: [id, id]), ErrorCode.Invalid);
        Decided.Refused(Insert(doc, Table.Fields("Spam"), sources: [Guid.Empty]), ErrorCode.Invalid);
        Decided.Refused(Insert(doc, Table.Fields("Spam"), sources: [.. Enumerable.Range(0, RowText.MaxSources + 1).Select(_ => Guid.NewGuid())]), ErrorCode.TooLarge);
    }

    [Fact]
    public void Fields_and_sources_are_refused_on_other_kinds()
    {
        var doc = StateBuilder.Document(kind: DocumentKind.Annex);

        Decided.Refused(Insert(doc, Table.Fields("Spam"), ParagraphKind.Text, "Some text"), ErrorCode.Invalid);
        Decided.Refused(Insert(doc, null, ParagraphKind.Text, "Some text", sources: [Guid.NewGuid()]), ErrorCode.Invalid);
    }

    [Fact]
    public void Text_edits_proposals_and_bracket_resolution_refuse_rows()
    {
        var doc = Table.Annex("Spam [or junk mail]");
        var row = doc.Ids[0];

        Decided.Refused(EditParagraph.Decide(doc.State, new EditParagraphRequest(StateBuilder.DocumentId, row, doc.Version, "Spam")), ErrorCode.Invalid);
        Decided.Refused(WGEC.Drafting.Documents.Agreeing.ResolveBracket.Decide(doc.State,
            new ResolveBracketRequest(StateBuilder.DocumentId, row, doc.Version, 0, BracketKeep.Content)), ErrorCode.Invalid);
        Decided.Refused(WGEC.Drafting.Documents.Proposing.TableProposal.Decide(doc.State,
            new TableProposalRequest(StateBuilder.DocumentId, row, ProposalAction.Replace, "x"), Guid.NewGuid()), ErrorCode.Invalid);
        Decided.Refused(WGEC.Drafting.Documents.Proposing.TableProposal.Decide(doc.State,
            new TableProposalRequest(StateBuilder.DocumentId, row, ProposalAction.InsertAfter, "x"), Guid.NewGuid()), ErrorCode.Invalid);
    }
}
