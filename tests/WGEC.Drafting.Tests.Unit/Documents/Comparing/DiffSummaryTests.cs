using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Comparing;

namespace WGEC.Drafting.Tests.Documents.Comparing;

/// <summary>The summary's brackets opened/closed and proposals decided/tabled (work item 4, Diffs).</summary>
public class DiffSummaryTests
{
    private static DiffSummary Since(StateBuilder doc, long from) => new DocumentDiffer().Compare(doc.Replay(from), doc.State).Summary;

    [Fact]
    public void A_bracket_added_to_a_paragraph_is_opened_and_one_removed_is_closed()
    {
        var doc = StateBuilder.Document("1. Recommends [all] stakeholders.\n\n2. Decides to act.");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Recommends all stakeholders.");
        doc.Edit(doc.Ids[1], "Decides [to act / to consider acting].");

        var summary = Since(doc, from);

        Assert.Equal((1, 1), (summary.BracketsOpened, summary.BracketsClosed));
    }

    [Fact]
    public void Brackets_kept_through_an_edit_elsewhere_in_the_paragraph_are_neither_opened_nor_closed()
    {
        var doc = StateBuilder.Document("1. Recommends [all] stakeholders [to participate].");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Strongly recommends [to participate] to [all] stakeholders.");

        var summary = Since(doc, from);

        Assert.Equal((1, 0, 0), (summary.Edited, summary.BracketsOpened, summary.BracketsClosed));
    }

    [Fact]
    public void Changing_the_alternatives_inside_a_bracket_closes_it_and_opens_another()
    {
        var doc = StateBuilder.Document("1. States [shall / should] act.");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "States [should] act.");

        Assert.Equal((1, 1), (Since(doc, from).BracketsOpened, Since(doc, from).BracketsClosed));
    }

    [Fact]
    public void Nested_brackets_count_once_as_their_outer_span()
    {
        var doc = StateBuilder.Document("1. Notes the text.");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Notes [the [draft] text].");

        var summary = Since(doc, from);

        Assert.Equal((1, 0), (summary.BracketsOpened, summary.BracketsClosed));
        Assert.Equal(summary.OpenBracketsTo - summary.OpenBracketsFrom, summary.BracketsOpened - summary.BracketsClosed);
    }

    [Fact]
    public void A_repeated_bracket_is_counted_as_often_as_it_occurs()
    {
        var doc = StateBuilder.Document("1. Uses [x] here.");
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Uses [x] here and [x] there.");

        Assert.Equal((1, 0), (Since(doc, from).BracketsOpened, Since(doc, from).BracketsClosed));
    }

    [Fact]
    public void Inserted_and_deleted_paragraphs_count_all_their_brackets()
    {
        var doc = StateBuilder.Document("1. Keeps [a] and [b].\n\n2. Stays.");
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        var from = doc.Version;
        doc.Delete(a);
        doc.Insert(ParagraphKind.Operative, "Adds [c] and [d [e]] and [f].", b);

        var summary = Since(doc, from);

        Assert.Equal((3, 2), (summary.BracketsOpened, summary.BracketsClosed));
    }

    [Fact]
    public void Unchanged_moved_and_agreed_paragraphs_open_and_close_nothing()
    {
        var doc = StateBuilder.Document("1. First [a].\n\n2. Second [b].\n\n3. Third.");
        var ids = doc.Ids;
        var from = doc.Version;
        doc.Move(ids[0], ids[2]);
        doc.SetStatus(ids[2], ParagraphStatus.AgreedAdRef);

        var summary = Since(doc, from);

        Assert.Equal((0, 0), (summary.BracketsOpened, summary.BracketsClosed));
        Assert.Equal((2, 2), (summary.OpenBracketsFrom, summary.OpenBracketsTo));
    }

    [Fact]
    public void Opened_minus_closed_is_the_change_in_open_brackets()
    {
        var doc = StateBuilder.Document("1. A [x] b [y / z].\n\n2. C [unclosed d.\n\n3. E ] f.\n\n4. G.");
        var ids = doc.Ids;
        var from = doc.Version;
        doc.Edit(ids[0], "A x b [y].");
        doc.Edit(ids[1], "C [closed] d.");
        doc.Delete(ids[2]);
        doc.Edit(ids[3], "G [h] [i [j]].");

        var summary = Since(doc, from);

        Assert.Equal(summary.OpenBracketsTo - summary.OpenBracketsFrom, summary.BracketsOpened - summary.BracketsClosed);
        Assert.True(summary.BracketsClosed >= 4, $"closed {summary.BracketsClosed}");
    }

    [Fact]
    public void Proposals_decided_and_tabled_between_the_two_states_are_counted()
    {
        var doc = StateBuilder.Operatives(3);
        var ids = doc.Ids;
        var earlier = doc.Propose(ProposalAction.Replace, ids[0], "Replaced.");
        var stillOpen = doc.Propose(ProposalAction.Delete, ids[1]);
        var decidedBefore = doc.Propose(ProposalAction.Delete, ids[2]);
        doc.DecideProposal(decidedBefore, ProposalDecision.Reject);
        var from = doc.Version;
        doc.DecideProposal(earlier, ProposalDecision.Accept, ProposalForm.Clean);
        var later = doc.Propose(ProposalAction.Replace, ids[2], "Third, better.");
        doc.DecideProposal(later, ProposalDecision.Reject);
        doc.Propose(ProposalAction.Replace, ids[1], "Left open.");
        var withdrawn = doc.Propose(ProposalAction.Replace, ids[2], "Withdrawn.");
        doc.Withdraw(withdrawn, StateBuilder.Member);

        var summary = Since(doc, from);

        Assert.Equal((2, 3), (summary.ProposalsDecided, summary.ProposalsTabled));
        Assert.NotEqual(Guid.Empty, stillOpen);
    }

    [Fact]
    public void Nothing_is_decided_or_tabled_between_a_state_and_itself()
    {
        var doc = StateBuilder.Operatives(1);
        doc.DecideProposal(doc.Propose(ProposalAction.Replace, doc.Ids[0], "New."), ProposalDecision.Accept, ProposalForm.Clean);

        var summary = Since(doc, doc.Version);

        Assert.Equal((0, 0, 0, 0), (summary.ProposalsDecided, summary.ProposalsTabled, summary.BracketsOpened, summary.BracketsClosed));
    }
}
