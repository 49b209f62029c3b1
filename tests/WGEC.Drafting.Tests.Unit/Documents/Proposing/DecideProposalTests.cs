using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Proposing;

namespace WGEC.Drafting.Tests.Documents.Proposing;

public class DecideProposalTests
{
    private const string Current = "Recommends cooperation.";
    private const string Proposed = "Recommends enhanced cooperation.";

    private static Decision Decide(StateBuilder doc, Guid proposalId, ProposalDecision decision, ProposalForm form, Guid? newParagraphId = null) =>
        DecideProposal.Decide(doc.State, new DecideProposalRequest(StateBuilder.DocumentId, proposalId, decision, form), newParagraphId ?? Guid.NewGuid());

    /// <summary>Operatives "Recommends cooperation." (1), "Operative 2." (2), "Operative 3." (3).</summary>
    private static StateBuilder Draft(bool tagged = false)
    {
        var doc = StateBuilder.Document($"1. {Current}\n\n2. Operative 2.\n\n3. Operative 3.");
        if (tagged)
            doc.Tag("Rev.1");
        return doc;
    }

    private static (IReadOnlyList<DocumentEvent> Events, ProposalDecided Decided) Accept(StateBuilder doc, Guid proposalId, ProposalForm form, Guid? newParagraphId = null)
    {
        var events = Decided.AppendedAll(Decide(doc, proposalId, ProposalDecision.Accept, form, newParagraphId));
        return (events, Assert.IsType<ProposalDecided>(events[^1]));
    }

    [Fact]
    public void Accepting_a_replace_bracketed_edits_the_paragraph_to_both_versions_in_one_bracket_then_records_the_decision()
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Replace, target, Proposed);

        var (events, decided) = Accept(doc, id, ProposalForm.Bracketed);

        Assert.Equal(2, events.Count);
        Assert.Equal(new ParagraphEdited(target, $"[{Current} / {Proposed}]", Merged: false), events[0]);
        Assert.Equal(new ProposalDecided(id, target, ProposalDecision.Accept, ProposalForm.Bracketed), decided);
    }

    [Fact]
    public void Accepting_a_replace_clean_puts_the_proposed_text_in_place()
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Replace, target, Proposed);

        var (events, decided) = Accept(doc, id, ProposalForm.Clean);

        Assert.Equal([new ParagraphEdited(target, Proposed, Merged: false), decided], events);
        Assert.Equal(ProposalForm.Clean, decided.Form);
    }

    [Fact]
    public void Accepting_a_replace_clean_with_the_current_text_records_only_the_decision()
    {
        var doc = Draft();
        var id = doc.Propose(ProposalAction.Replace, doc.Ids[0], Current);

        Assert.IsType<ProposalDecided>(Assert.Single(Decided.AppendedAll(Decide(doc, id, ProposalDecision.Accept, ProposalForm.Clean))));
    }

    [Fact]
    public void Accepting_a_delete_bracketed_brackets_the_whole_paragraph()
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Delete, target);

        var (events, decided) = Accept(doc, id, ProposalForm.Bracketed);

        Assert.Equal([new ParagraphEdited(target, $"[{Current}]", Merged: false), decided], events);
    }

    [Fact]
    public void Accepting_a_delete_clean_deletes_the_paragraph_and_renumbers_the_ones_after_it()
    {
        var doc = Draft();
        var (target, two, three) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var id = doc.Propose(ProposalAction.Delete, target);

        var (events, decided) = Accept(doc, id, ProposalForm.Clean);

        Assert.Equal(2, events.Count);
        var deleted = Assert.IsType<ParagraphDeleted>(events[0]);
        Assert.Equal(target, deleted.ParagraphId);
        Assert.Equal(new Dictionary<Guid, string?> { [target] = null, [two] = "1", [three] = "2" }, deleted.Numbers);
        Assert.Equal(new ProposalDecided(id, target, ProposalDecision.Accept, ProposalForm.Clean), decided);
    }

    [Fact]
    public void Accepting_a_delete_clean_after_a_tag_leaves_a_gap()
    {
        var doc = Draft(tagged: true);
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Delete, target);

        doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Clean);

        Assert.True(doc[target].Deleted);
        Assert.Equal(["2", "3"], doc.State.Live.Select(p => p.Number));
    }

    [Fact]
    public void Accepting_an_insert_bracketed_inserts_a_whole_bracketed_paragraph_after_the_anchor()
    {
        var doc = Draft();
        var (one, two, three) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var id = doc.Propose(ProposalAction.InsertAfter, two, "Decides to review progress.");
        var newId = Guid.NewGuid();

        var (events, decided) = Accept(doc, id, ProposalForm.Bracketed, newId);

        Assert.Equal(2, events.Count);
        var inserted = Assert.IsType<ParagraphInserted>(events[0]);
        Assert.Equal((newId, (Guid?)two, ParagraphKind.Operative, "[Decides to review progress.]"), (inserted.ParagraphId, inserted.AfterParagraphId, inserted.Kind, inserted.Text));
        Assert.Equal(new Dictionary<Guid, string?> { [newId] = "3", [three] = "4" }, inserted.Numbers);
        Assert.Equal(new ProposalDecided(id, two, ProposalDecision.Accept, ProposalForm.Bracketed), decided);
        Assert.DoesNotContain(one, inserted.Numbers.Keys);
    }

    [Fact]
    public void Accepting_an_insert_after_a_tag_numbers_the_new_paragraph_bis()
    {
        var doc = Draft(tagged: true);
        var two = doc.Ids[1];
        var id = doc.Propose(ProposalAction.InsertAfter, two, "Decides to review progress.");

        var newId = doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Clean);

        Assert.Equal([doc.Ids[0], two, newId, doc.Ids[3]], doc.Ids);
        Assert.Equal("Decides to review progress.", doc[newId].Text);
        Assert.Equal(["1", "2", "2 bis", "3"], doc.State.Live.Select(p => p.Number));
        var inserted = Assert.IsType<ParagraphInserted>(doc.Events[^2]);
        Assert.Equal(new Dictionary<Guid, string?> { [newId] = "2 bis" }, inserted.Numbers);
    }

    [Fact]
    public void Accepting_an_insert_at_the_top_inserts_a_text_paragraph_first()
    {
        var doc = Draft();
        var id = doc.Propose(ProposalAction.InsertAfter, null, "The Working Group,");

        var newId = doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Clean);

        Assert.Equal(newId, doc.Ids[0]);
        Assert.Equal((ParagraphKind.Text, "The Working Group,", (string?)null), (doc[newId].Kind, doc[newId].Text, doc[newId].Number));
    }

    [Fact]
    public void Accepting_an_insert_keeps_the_kind_tabled_with_it()
    {
        var doc = StateBuilder.Document("Recalling its resolution.\n\n1. Recommends.");
        var id = doc.Propose(ProposalAction.InsertAfter, doc.Ids[0], "Noting the report.");

        var newId = doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Bracketed);

        Assert.Equal((ParagraphKind.Preambular, "[Noting the report.]"), (doc[newId].Kind, doc[newId].Text));
    }

    [Fact]
    public void Accepting_an_insert_after_an_agreed_anchor_is_allowed()
    {
        var doc = Draft();
        var anchor = doc.Ids[0];
        var id = doc.Propose(ProposalAction.InsertAfter, anchor, "Decides.");
        doc.SetStatus(anchor, ParagraphStatus.Agreed);

        var (events, _) = Accept(doc, id, ProposalForm.Bracketed);

        Assert.IsType<ParagraphInserted>(events[0]);
    }

    [Fact]
    public void Accepted_replace_leaves_the_paragraph_text_and_the_proposal_accepted_in_the_state()
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Replace, target, Proposed);

        doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Bracketed);

        Assert.Equal($"[{Current} / {Proposed}]", doc[target].Text);
        Assert.Equal(ProposalState.Accepted, doc.State.Proposals[id].State);
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.LastResult);
    }

    [Theory]
    [InlineData(ProposalAction.Replace)]
    [InlineData(ProposalAction.InsertAfter)]
    [InlineData(ProposalAction.Delete)]
    public void Rejecting_records_only_the_decision_and_leaves_the_text(ProposalAction action)
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(action, target, action == ProposalAction.Delete ? null : Proposed);
        var before = doc.State.Live.Select(p => (p.Id, p.Text)).ToList();

        var decided = Decided.Appended<ProposalDecided>(Decide(doc, id, ProposalDecision.Reject, ProposalForm.Bracketed));
        doc.DecideProposal(id, ProposalDecision.Reject);

        Assert.Equal(new ProposalDecided(id, target, ProposalDecision.Reject, ProposalForm.Unknown), decided);
        Assert.Equal(before, doc.State.Live.Select(p => (p.Id, p.Text)));
        Assert.Equal(ProposalState.Rejected, doc.State.Proposals[id].State);
    }

    [Fact]
    public void Accepting_without_a_form_is_invalid()
    {
        var doc = Draft();
        var id = doc.Propose(ProposalAction.Replace, doc.Ids[0], Proposed);

        Decided.Refused(Decide(doc, id, ProposalDecision.Accept, ProposalForm.Unknown), ErrorCode.Invalid);
    }

    [Fact]
    public void Unknown_decision_is_invalid()
    {
        var doc = Draft();
        var id = doc.Propose(ProposalAction.Replace, doc.Ids[0], Proposed);

        Decided.Refused(Decide(doc, id, ProposalDecision.Unknown, ProposalForm.Clean), ErrorCode.Invalid);
    }

    [Fact]
    public void Deciding_an_unknown_proposal_is_not_found()
    {
        var doc = Draft();
        Decided.Refused(Decide(doc, Guid.NewGuid(), ProposalDecision.Accept, ProposalForm.Clean), ErrorCode.NotFound);
    }

    [Fact]
    public void Deciding_a_withdrawn_or_decided_proposal_is_invalid()
    {
        var doc = Draft();
        var withdrawn = doc.Propose(ProposalAction.Replace, doc.Ids[0], Proposed);
        doc.Withdraw(withdrawn, StateBuilder.Member);
        var rejected = doc.Propose(ProposalAction.Replace, doc.Ids[0], Proposed);
        doc.DecideProposal(rejected, ProposalDecision.Reject);

        Decided.Refused(Decide(doc, withdrawn, ProposalDecision.Accept, ProposalForm.Clean), ErrorCode.Invalid);
        Decided.Refused(Decide(doc, rejected, ProposalDecision.Accept, ProposalForm.Clean), ErrorCode.Invalid);
        Decided.Refused(Decide(doc, rejected, ProposalDecision.Reject, ProposalForm.Unknown), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ProposalAction.Replace, ProposalForm.Bracketed)]
    [InlineData(ProposalAction.Replace, ProposalForm.Clean)]
    [InlineData(ProposalAction.Delete, ProposalForm.Bracketed)]
    [InlineData(ProposalAction.Delete, ProposalForm.Clean)]
    public void Accepting_a_replace_or_delete_whose_paragraph_was_deleted_is_not_found(ProposalAction action, ProposalForm form)
    {
        var doc = Draft();
        var target = doc.Ids[1];
        var id = doc.Propose(action, target, action == ProposalAction.Delete ? null : Proposed);
        doc.Delete(target);

        Decided.Refused(Decide(doc, id, ProposalDecision.Accept, form), ErrorCode.NotFound);
    }

    [Theory]
    [InlineData(ProposalForm.Bracketed)]
    [InlineData(ProposalForm.Clean)]
    public void Accepting_an_insertion_after_a_deleted_paragraph_inserts_after_the_nearest_live_one_before_it(ProposalForm form)
    {
        var doc = Draft();
        var (before, anchor) = (doc.Ids[0], doc.Ids[1]);
        var id = doc.Propose(ProposalAction.InsertAfter, anchor, Proposed);
        doc.Delete(anchor);

        var inserted = Decided.AppendedAll(Decide(doc, id, ProposalDecision.Accept, form)).OfType<ParagraphInserted>().Single();

        Assert.Equal(before, inserted.AfterParagraphId);
    }

    [Theory]
    [InlineData(ProposalAction.Replace, ProposalForm.Bracketed, ParagraphStatus.Agreed)]
    [InlineData(ProposalAction.Replace, ProposalForm.Clean, ParagraphStatus.AgreedAdRef)]
    [InlineData(ProposalAction.Delete, ProposalForm.Bracketed, ParagraphStatus.AgreedAdRef)]
    [InlineData(ProposalAction.Delete, ProposalForm.Clean, ParagraphStatus.Agreed)]
    public void Accepting_a_proposal_on_a_paragraph_agreed_since_is_locked(ProposalAction action, ProposalForm form, ParagraphStatus status)
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(action, target, action == ProposalAction.Delete ? null : Proposed);
        doc.SetStatus(target, status);

        Decided.Refused(Decide(doc, id, ProposalDecision.Accept, form), ErrorCode.Locked);
    }

    [Fact]
    public void Rejecting_a_proposal_on_a_paragraph_agreed_since_is_allowed()
    {
        var doc = Draft();
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Replace, target, Proposed);
        doc.SetStatus(target, ParagraphStatus.Agreed);

        Decided.Appended<ProposalDecided>(Decide(doc, id, ProposalDecision.Reject, ProposalForm.Unknown));
    }

    [Fact]
    public void Supporters_and_opponents_stay_with_the_decided_proposal()
    {
        var doc = Draft();
        var id = doc.Propose(ProposalAction.Replace, doc.Ids[0], Proposed, StateBuilder.Member);
        doc.Support(id, StateBuilder.OtherMember);
        doc.Oppose(id, StateBuilder.ThirdMember);

        doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Clean);

        var view = doc.State.Proposals[id].View();
        Assert.Equal((ProposalState.Accepted, "Brazil"), (view.State, view.By.Delegation));
        Assert.Equal(["ISOC"], view.Supporters);
        Assert.Equal(["China"], view.Opponents);
    }
}
