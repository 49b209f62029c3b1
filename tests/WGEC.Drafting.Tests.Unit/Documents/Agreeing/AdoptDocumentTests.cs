using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;

namespace WGEC.Drafting.Tests.Documents.Agreeing;

public class AdoptDocumentTests
{
    /// <summary>PP1, OP1, OP2, OP3.</summary>
    private static StateBuilder Draft() =>
        StateBuilder.Document("Recalling its resolution.\n\n1. Recommends cooperation.\n\n2. Invites reports.\n\n3. Decides to remain seized.");

    private static void AgreeAll(StateBuilder doc)
    {
        foreach (var id in doc.Ids)
            doc.SetStatus(id, ParagraphStatus.Agreed);
    }

    private static string Blockers(StateBuilder doc) => Decided.Refused(AdoptDocument.Decide(doc.State), ErrorCode.Invalid).Message;

    [Fact]
    public void Text_with_every_paragraph_agreed_and_nothing_open_is_adopted()
    {
        var doc = Draft();
        AgreeAll(doc);

        Decided.Appended<DocumentAdopted>(AdoptDocument.Decide(doc.State));
    }

    [Fact]
    public void Adoption_is_recorded_in_the_state_with_its_time()
    {
        var doc = Draft();
        AgreeAll(doc);
        Assert.Null(doc.State.AdoptedAt);

        doc.Run(AdoptDocument.Decide, StateBuilder.Chair);

        Assert.Equal(StateBuilder.At(doc.Version), doc.State.AdoptedAt);
    }

    [Fact]
    public void Paragraphs_not_agreed_block_and_are_named_by_number_or_label()
    {
        var doc = Draft();
        var (op1, op3) = (doc.Ids[1], doc.Ids[3]);
        doc.SetStatus(op1, ParagraphStatus.Agreed);
        doc.SetStatus(op3, ParagraphStatus.Agreed);

        var message = Blockers(doc);

        Assert.Contains("2 not agreed", message);
        Assert.Contains("PP1", message);
        Assert.Contains("paragraph 2", message);
        Assert.DoesNotContain("paragraph 1", message);
        Assert.DoesNotContain("paragraph 3", message);
    }

    [Fact]
    public void Agreed_ad_ref_is_not_agreed()
    {
        var doc = Draft();
        AgreeAll(doc);
        var op2 = doc.Ids[2];
        doc.SetStatus(op2, ParagraphStatus.AgreedAdRef);

        var message = Blockers(doc);

        Assert.Contains("1 not agreed", message);
        Assert.Contains("paragraph 2", message);
    }

    [Fact]
    public void Inserted_paragraphs_are_named_by_their_bis_number()
    {
        var doc = Draft();
        doc.Tag("Rev.1");
        AgreeAll(doc);
        doc.Insert(ParagraphKind.Operative, "Also decides.", doc.Ids[1]);

        Assert.Contains("paragraph 1 bis", Blockers(doc));
    }

    [Fact]
    public void Open_brackets_block_and_name_their_paragraph()
    {
        var doc = Draft();
        AgreeAll(doc);
        var op3 = doc.Ids[3];
        // No decision agrees a bracketed text, but a stored stream may hold one: adoption still checks.
        doc.Apply(new ParagraphEdited(op3, "Decides to remain [actively] seized.", Merged: false));

        var message = Blockers(doc);

        Assert.Contains("open brackets in paragraph 3", message);
        Assert.DoesNotContain("not agreed", message);
    }

    [Fact]
    public void Undecided_proposals_block()
    {
        var doc = Draft();
        var op1 = doc.Ids[1];
        doc.Propose(ProposalAction.InsertAfter, op1, "Also recommends.");
        doc.Propose(ProposalAction.InsertAfter, op1, "Further recommends.", StateBuilder.OtherMember);
        AgreeAll(doc);

        var message = Blockers(doc);

        Assert.Contains("2 undecided proposals", message);
        Assert.Contains("Brazil on paragraph 1, ISOC on paragraph 1", message);
        Assert.DoesNotContain("not agreed", message);
    }

    [Fact]
    public void An_undecided_proposal_about_a_deleted_paragraph_blocks_and_says_so()
    {
        var doc = Draft();
        var op2 = doc.Ids[2];
        doc.Propose(ProposalAction.Replace, op2, "Requests a report.");
        doc.Delete(op2);
        AgreeAll(doc);

        Assert.Contains("1 undecided proposal (Brazil on a deleted paragraph)", Blockers(doc));
    }

    [Fact]
    public void Decided_and_withdrawn_proposals_do_not_block()
    {
        var doc = Draft();
        var op1 = doc.Ids[1];
        var rejected = doc.Propose(ProposalAction.InsertAfter, op1, "Also recommends.");
        var withdrawn = doc.Propose(ProposalAction.InsertAfter, op1, "Further recommends.");
        doc.DecideProposal(rejected, ProposalDecision.Reject);
        doc.Withdraw(withdrawn, StateBuilder.Member);
        AgreeAll(doc);

        Decided.Appended<DocumentAdopted>(AdoptDocument.Decide(doc.State));
    }

    [Fact]
    public void Every_blocker_is_named_at_once()
    {
        var doc = Draft();
        doc.Propose(ProposalAction.Delete, doc.Ids[1]);
        doc.Edit(doc.Ids[2], "Invites [annual] reports.");

        var message = Blockers(doc);

        Assert.Contains("4 not agreed", message);
        Assert.Contains("open brackets in paragraph 2", message);
        Assert.Contains("1 undecided proposal", message);
    }

    [Fact]
    public void Deleted_paragraphs_do_not_block()
    {
        var doc = Draft();
        doc.Delete(doc.Ids[2]);
        AgreeAll(doc);

        Decided.Appended<DocumentAdopted>(AdoptDocument.Decide(doc.State));
    }
}
