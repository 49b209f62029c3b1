using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Proposing;

namespace WGEC.Drafting.Tests.Documents.Proposing;

public class TableProposalTests
{
    private static Decision Table(
        StateBuilder doc, Guid? paragraphId, ProposalAction action, string? text = null, string? note = null, ParagraphKind? kind = null) =>
        TableProposal.Decide(doc.State, new TableProposalRequest(StateBuilder.DocumentId, paragraphId, action, text, note, kind), Guid.NewGuid());

    /// <summary>PP1, OP1, OP2.</summary>
    private static StateBuilder Draft() =>
        StateBuilder.Document("Recalling its resolution 2013/4.\n\n1. Recommends cooperation.\n\n2. Invites Member States to report.");

    [Fact]
    public void Unknown_action_is_invalid()
    {
        var doc = Draft();
        Decided.Refused(Table(doc, doc.Ids[1], ProposalAction.Unknown, "Text."), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ProposalAction.Replace)]
    [InlineData(ProposalAction.Delete)]
    public void Replace_or_delete_without_a_paragraph_is_invalid(ProposalAction action)
    {
        var doc = Draft();
        Decided.Refused(Table(doc, null, action, "Text."), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ProposalAction.Replace, null)]
    [InlineData(ProposalAction.Replace, "  \r\n ")]
    [InlineData(ProposalAction.InsertAfter, null)]
    [InlineData(ProposalAction.InsertAfter, "")]
    public void Replace_or_insert_without_text_is_invalid(ProposalAction action, string? text)
    {
        var doc = Draft();
        Decided.Refused(Table(doc, doc.Ids[1], action, text), ErrorCode.Invalid);
    }

    [Fact]
    public void Proposed_text_over_20000_characters_is_too_large()
    {
        var doc = Draft();
        Decided.Refused(Table(doc, doc.Ids[1], ProposalAction.Replace, new string('x', TextRules.MaxParagraphLength + 1)), ErrorCode.TooLarge);
    }

    [Fact]
    public void Delete_carries_no_text_even_if_some_is_sent()
    {
        var doc = Draft();
        Assert.Null(Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[1], ProposalAction.Delete, "Ignored.")).Text);
    }

    [Fact]
    public void Proposal_on_an_unknown_or_deleted_paragraph_is_not_found()
    {
        var doc = Draft();
        var deleted = doc.Ids[2];
        doc.Delete(deleted);

        Decided.Refused(Table(doc, Guid.NewGuid(), ProposalAction.Replace, "Text."), ErrorCode.NotFound);
        Decided.Refused(Table(doc, deleted, ProposalAction.Replace, "Text."), ErrorCode.NotFound);
        Decided.Refused(Table(doc, deleted, ProposalAction.InsertAfter, "Text."), ErrorCode.NotFound);
    }

    [Theory]
    [InlineData(ProposalAction.Replace, ParagraphStatus.Agreed)]
    [InlineData(ProposalAction.Delete, ParagraphStatus.Agreed)]
    [InlineData(ProposalAction.Replace, ParagraphStatus.AgreedAdRef)]
    [InlineData(ProposalAction.Delete, ParagraphStatus.AgreedAdRef)]
    public void Replacing_or_deleting_an_agreed_paragraph_is_locked(ProposalAction action, ParagraphStatus status)
    {
        var doc = Draft();
        var target = doc.Ids[1];
        doc.SetStatus(target, status);

        Decided.Refused(Table(doc, target, action, "Text."), ErrorCode.Locked);
    }

    [Fact]
    public void Inserting_after_an_agreed_paragraph_is_allowed()
    {
        var doc = Draft();
        var anchor = doc.Ids[1];
        doc.SetStatus(anchor, ParagraphStatus.Agreed);

        Assert.Equal(anchor, Decided.Appended<ProposalTabled>(Table(doc, anchor, ProposalAction.InsertAfter, "Also recommends.")).ParagraphId);
    }

    [Fact]
    public void Tabled_proposal_carries_its_id_paragraph_action_normalised_text_and_note()
    {
        var doc = Draft();
        var target = doc.Ids[1];
        var id = Guid.NewGuid();

        var tabled = Decided.Appended<ProposalTabled>(TableProposal.Decide(doc.State,
            new TableProposalRequest(StateBuilder.DocumentId, target, ProposalAction.Replace, " Recommends close cooperation.\r\n", "  Brazil's wording.\r\n\r\nSee A/68/65. "), id));

        Assert.Equal(
            new ProposalTabled(id, target, ProposalAction.Replace, "Recommends close cooperation.", "Brazil's wording.\n\nSee A/68/65.", ParagraphKind.Operative),
            tabled);
    }

    [Fact]
    public void A_blank_note_is_stored_as_none()
    {
        var doc = Draft();
        Assert.Null(Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[1], ProposalAction.Replace, "Text.", note: "  ")).Note);
    }

    [Fact]
    public void Inserted_paragraph_kind_defaults_to_the_anchor_kind()
    {
        var doc = Draft();

        Assert.Equal(ParagraphKind.Preambular, Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[0], ProposalAction.InsertAfter, "Noting.")).Kind);
        Assert.Equal(ParagraphKind.Operative, Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[1], ProposalAction.InsertAfter, "Decides.")).Kind);
    }

    [Fact]
    public void Inserted_paragraph_at_the_top_defaults_to_text()
    {
        var doc = Draft();
        Assert.Equal(ParagraphKind.Text, Decided.Appended<ProposalTabled>(Table(doc, null, ProposalAction.InsertAfter, "Foreword.")).Kind);
    }

    [Fact]
    public void Inserted_paragraph_kind_may_be_chosen()
    {
        var doc = Draft();
        Assert.Equal(ParagraphKind.Operative, Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[0], ProposalAction.InsertAfter, "Decides.", kind: ParagraphKind.Operative)).Kind);
    }

    [Theory]
    [InlineData(ProposalAction.InsertAfter)]
    [InlineData(ProposalAction.Replace)]
    public void A_kind_given_but_unknown_is_invalid_not_the_default(ProposalAction action)
    {
        var doc = Draft();
        Decided.Refused(Table(doc, doc.Ids[1], action, "Decides.", kind: ParagraphKind.Unknown), ErrorCode.Invalid);
    }

    [Fact]
    public void Replace_and_delete_take_the_target_kind_whatever_kind_is_sent()
    {
        var doc = Draft();
        Assert.Equal(ParagraphKind.Preambular, Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[0], ProposalAction.Replace, "Recalling.", kind: ParagraphKind.Operative)).Kind);
        Assert.Equal(ParagraphKind.Operative, Decided.Appended<ProposalTabled>(Table(doc, doc.Ids[1], ProposalAction.Delete, kind: ParagraphKind.Text)).Kind);
    }

    [Fact]
    public void State_records_the_open_proposal_with_its_delegation()
    {
        var doc = Draft();
        var target = doc.Ids[1];

        var id = doc.Propose(ProposalAction.Replace, target, "Recommends close cooperation.", StateBuilder.Member, note: "Stronger.");

        var proposal = doc.State.Proposals[id];
        Assert.Equal(
            (id, (Guid?)target, ProposalAction.Replace, "Recommends close cooperation.", "Stronger.", ParagraphKind.Operative, ProposalState.Open),
            (proposal.Id, proposal.ParagraphId, proposal.Action, proposal.Text, proposal.Note, proposal.Kind, proposal.State));
        Assert.Equal(new AuthorView(StateBuilder.Member.ParticipantId, "Ana", "Brazil"), proposal.By);
        Assert.Empty(proposal.Supporters);
        Assert.Empty(proposal.Opponents);
        Assert.Equal(new TableProposalResult(Outcome.Applied, doc.Version, id), doc.State.LastResult);
    }
}
