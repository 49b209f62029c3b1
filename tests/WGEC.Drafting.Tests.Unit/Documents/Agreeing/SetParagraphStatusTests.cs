using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;

namespace WGEC.Drafting.Tests.Documents.Agreeing;

public class SetParagraphStatusTests
{
    private static Decision SetStatus(StateBuilder doc, Guid id, ParagraphStatus status, long? baseRevision = null, string? note = null) =>
        SetParagraphStatus.Decide(doc.State, new SetParagraphStatusRequest(StateBuilder.DocumentId, id, baseRevision ?? doc.Version, status, note));

    private static (StateBuilder Doc, Guid Id) OneParagraph(string text = "Recommends cooperation.")
    {
        var doc = StateBuilder.Document();
        return (doc, doc.Insert(ParagraphKind.Operative, text));
    }

    [Fact]
    public void Agreeing_a_paragraph_appends_the_status_with_its_note()
    {
        var (doc, id) = OneParagraph();

        var changed = Decided.Appended<ParagraphStatusChanged>(SetStatus(doc, id, ParagraphStatus.Agreed, note: "  Agreed at the third meeting.\r\n\r\nNo objection. "));
        doc.Apply(changed);

        Assert.Equal(ParagraphStatus.Agreed, changed.Status);
        Assert.Equal("Agreed at the third meeting.\n\nNo objection.", changed.Note);
        Assert.Equal(ParagraphStatus.Agreed, doc[id].Status);
    }

    [Fact]
    public void An_empty_note_is_stored_as_none()
    {
        var (doc, id) = OneParagraph();
        Assert.Null(Decided.Appended<ParagraphStatusChanged>(SetStatus(doc, id, ParagraphStatus.AgreedAdRef, note: "  ")).Note);
    }

    [Fact]
    public void Unknown_status_is_invalid()
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(SetStatus(doc, id, ParagraphStatus.Unknown), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed)]
    [InlineData(ParagraphStatus.AgreedAdRef)]
    public void Agreeing_a_paragraph_with_open_brackets_is_invalid_and_says_how_many(ParagraphStatus status)
    {
        var (doc, id) = OneParagraph("Recommends [shall / should] cooperate [among all stakeholders].");

        var refusal = Decided.Refused(SetStatus(doc, id, status), ErrorCode.Invalid);

        Assert.Contains("2 open brackets", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agreeing_text_changed_after_the_base_revision_is_a_conflict()
    {
        var (doc, id) = OneParagraph();
        var seen = doc.Version;
        doc.Edit(id, "Recommends closer cooperation.");

        var answer = Decided.Nothing<ParagraphTextResult>(SetStatus(doc, id, ParagraphStatus.Agreed, baseRevision: seen));

        Assert.Equal(new ParagraphTextResult(Outcome.Conflict, doc.Version, doc.Version, "Recommends closer cooperation."), answer);
    }

    [Fact]
    public void Agreeing_on_a_base_after_the_last_text_change_is_applied()
    {
        var (doc, id) = OneParagraph();
        var revision = doc[id].Revision;
        doc.Comment(id, "moves the version, not the text");

        Decided.Appended<ParagraphStatusChanged>(SetStatus(doc, id, ParagraphStatus.Agreed, baseRevision: revision));
    }

    [Fact]
    public void Setting_the_current_status_again_appends_nothing()
    {
        var (doc, id) = OneParagraph();
        doc.SetStatus(id, ParagraphStatus.Agreed);

        var answer = Decided.Nothing<ParagraphTextResult>(SetStatus(doc, id, ParagraphStatus.Agreed));

        Assert.Equal(new ParagraphTextResult(Outcome.Applied, doc.Version, doc[id].Revision, doc[id].Text), answer);
    }

    [Fact]
    public void Reopening_an_agreed_paragraph_is_allowed()
    {
        var (doc, id) = OneParagraph();
        doc.SetStatus(id, ParagraphStatus.Agreed);

        Assert.Equal(ParagraphStatus.Draft, Decided.Appended<ParagraphStatusChanged>(SetStatus(doc, id, ParagraphStatus.Draft)).Status);
    }

    [Fact]
    public void Reopening_is_allowed_even_with_open_brackets()
    {
        var (doc, id) = OneParagraph("Recommends [shall / should] cooperate.");
        // A stream may hold a bracketed agreed paragraph (e.g. written before the rule); the chair must still reopen it.
        doc.Apply(new ParagraphStatusChanged(id, ParagraphStatus.Agreed, null));

        Decided.Appended<ParagraphStatusChanged>(SetStatus(doc, id, ParagraphStatus.Draft));
    }

    [Fact]
    public void Status_of_a_deleted_paragraph_is_not_found()
    {
        var (doc, id) = OneParagraph();
        doc.Delete(id);

        Decided.Refused(SetStatus(doc, id, ParagraphStatus.Agreed), ErrorCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public void Status_with_a_base_revision_that_is_not_a_version_is_invalid(long baseRevision)
    {
        var (doc, id) = OneParagraph();
        Decided.Refused(SetStatus(doc, id, ParagraphStatus.Agreed, baseRevision: baseRevision), ErrorCode.Invalid);
    }
}
