using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Proposing;

namespace WGEC.Drafting.Tests.Documents.Proposing;

public class ProposalVotesTests
{
    private static ProposalRequest Request(Guid proposalId) => new(StateBuilder.DocumentId, proposalId);

    /// <summary>One operative paragraph and a proposal by Brazil (<see cref="StateBuilder.Member"/>) to replace it.</summary>
    private static (StateBuilder Doc, Guid ProposalId) Proposed()
    {
        var doc = StateBuilder.Operatives(1);
        return (doc, doc.Propose(ProposalAction.Replace, doc.Ids[0], "Recommends close cooperation.", StateBuilder.Member));
    }

    [Fact]
    public void Another_delegation_supports_and_the_state_lists_it()
    {
        var (doc, id) = Proposed();

        var supported = Decided.Appended<ProposalSupported>(ProposalVotes.Support(doc.State, Request(id), StateBuilder.OtherMember));
        Assert.Equal(new ProposalSupported(id, doc.Ids[0]), supported);

        doc.Support(id, StateBuilder.OtherMember);
        doc.Oppose(id, StateBuilder.ThirdMember);
        Assert.Equal(["ISOC"], doc.State.Proposals[id].Supporters);
        Assert.Equal(["China"], doc.State.Proposals[id].Opponents);
    }

    [Fact]
    public void Supporting_or_opposing_a_proposal_of_ones_own_delegation_is_invalid()
    {
        var (doc, id) = Proposed();

        // Same delegation, another participant: still Brazil's own proposal.
        Decided.Refused(ProposalVotes.Support(doc.State, Request(id), StateBuilder.MemberColleague), ErrorCode.Invalid);
        Decided.Refused(ProposalVotes.Oppose(doc.State, Request(id), StateBuilder.Member), ErrorCode.Invalid);
    }

    [Fact]
    public void Supporting_twice_appends_nothing()
    {
        var (doc, id) = Proposed();
        doc.Support(id, StateBuilder.OtherMember);

        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), Decided.Nothing<WriteResult>(ProposalVotes.Support(doc.State, Request(id), StateBuilder.OtherMember)));
    }

    [Fact]
    public void Opposing_twice_appends_nothing()
    {
        var (doc, id) = Proposed();
        doc.Oppose(id, StateBuilder.OtherMember);

        Decided.Nothing<WriteResult>(ProposalVotes.Oppose(doc.State, Request(id), StateBuilder.OtherMember));
    }

    [Fact]
    public void A_delegation_may_switch_sides_and_is_then_listed_on_the_new_side_only()
    {
        var (doc, id) = Proposed();
        doc.Support(id, StateBuilder.OtherMember);

        Decided.Appended<ProposalOpposed>(ProposalVotes.Oppose(doc.State, Request(id), StateBuilder.OtherMember));
        doc.Oppose(id, StateBuilder.OtherMember);
        Assert.Empty(doc.State.Proposals[id].Supporters);
        Assert.Equal(["ISOC"], doc.State.Proposals[id].Opponents);

        doc.Support(id, StateBuilder.OtherMember);
        Assert.Equal(["ISOC"], doc.State.Proposals[id].Supporters);
        Assert.Empty(doc.State.Proposals[id].Opponents);
    }

    [Fact]
    public void Votes_on_an_unknown_proposal_are_not_found()
    {
        var (doc, _) = Proposed();
        var unknown = Request(Guid.NewGuid());

        Decided.Refused(ProposalVotes.Support(doc.State, unknown, StateBuilder.OtherMember), ErrorCode.NotFound);
        Decided.Refused(ProposalVotes.Oppose(doc.State, unknown, StateBuilder.OtherMember), ErrorCode.NotFound);
        Decided.Refused(ProposalVotes.Withdraw(doc.State, unknown, StateBuilder.Member), ErrorCode.NotFound);
    }

    [Fact]
    public void Votes_on_a_withdrawn_proposal_are_invalid()
    {
        var (doc, id) = Proposed();
        doc.Withdraw(id, StateBuilder.Member);

        Decided.Refused(ProposalVotes.Support(doc.State, Request(id), StateBuilder.OtherMember), ErrorCode.Invalid);
        Decided.Refused(ProposalVotes.Oppose(doc.State, Request(id), StateBuilder.OtherMember), ErrorCode.Invalid);
        Decided.Refused(ProposalVotes.Withdraw(doc.State, Request(id), StateBuilder.Member), ErrorCode.Invalid);
    }

    [Theory]
    [InlineData(ProposalDecision.Accept)]
    [InlineData(ProposalDecision.Reject)]
    public void Votes_on_a_decided_proposal_are_invalid(ProposalDecision decision)
    {
        var (doc, id) = Proposed();
        doc.DecideProposal(id, decision, ProposalForm.Clean);

        Decided.Refused(ProposalVotes.Support(doc.State, Request(id), StateBuilder.OtherMember), ErrorCode.Invalid);
        Decided.Refused(ProposalVotes.Oppose(doc.State, Request(id), StateBuilder.OtherMember), ErrorCode.Invalid);
        Decided.Refused(ProposalVotes.Withdraw(doc.State, Request(id), StateBuilder.Member), ErrorCode.Invalid);
    }

    [Fact]
    public void Withdrawal_by_another_delegation_is_forbidden()
    {
        var (doc, id) = Proposed();
        Decided.Refused(ProposalVotes.Withdraw(doc.State, Request(id), StateBuilder.OtherMember), ErrorCode.Forbidden);
        Decided.Refused(ProposalVotes.Withdraw(doc.State, Request(id), StateBuilder.Chair), ErrorCode.Forbidden);
    }

    [Fact]
    public void Withdrawal_by_the_proposing_delegation_is_appended_and_the_proposal_is_withdrawn()
    {
        var (doc, id) = Proposed();

        // Any participant of the delegation may withdraw its proposal.
        Assert.Equal(new ProposalWithdrawn(id, doc.Ids[0]), Decided.Appended<ProposalWithdrawn>(ProposalVotes.Withdraw(doc.State, Request(id), StateBuilder.MemberColleague)));
        doc.Withdraw(id, StateBuilder.MemberColleague);

        Assert.Equal(ProposalState.Withdrawn, doc.State.Proposals[id].State);
        Assert.False(doc.State.Proposals[id].IsOpen);
    }
}
