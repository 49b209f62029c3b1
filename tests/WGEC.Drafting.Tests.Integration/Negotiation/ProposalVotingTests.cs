using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>SupportProposal, OpposeProposal and WithdrawProposal (work item 3, "Proposals"): by whom, and every refusal.</summary>
public sealed class ProposalVotingTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Other_delegations_support_and_oppose_and_the_view_lists_them()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var isoc = await app.JoinAsync(Role.Member, delegation: "ISOC");
        await using var isocHub = await isoc.ConnectAsync();

        var supported = await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));
        var opposed = await isocHub.OpposeProposalAsync(new ProposalRequest(scene.Id, proposal));

        Assert.Equal((Outcome.Applied, scene.Version + 2, Outcome.Applied, scene.Version + 3),
            (supported.Outcome, supported.Version, opposed.Outcome, opposed.Version));
        var view = await scene.ProposalAsync(proposal);
        Assert.Equal(["United States"], view.Supporters);
        Assert.Equal(["ISOC"], view.Opponents);
        Assert.Equal(ProposalState.Open, view.State);
        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ProposalSupported, EnvelopeTypes.ProposalOpposed], events.Select(e => e.Type));
        Assert.All(events[1..], e => Assert.Equal(proposal, e.Json().GetProperty("proposalId").GetGuid()));
        Assert.Equal("ISOC", events[2].Actor.Delegation);
    }

    [Fact]
    public async Task The_chair_may_support_as_a_delegation_of_its_own()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Delete, scene.Paragraph(0));

        await scene.Chair.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));

        Assert.Equal(["Chair"], (await scene.ProposalAsync(proposal)).Supporters);
    }

    [Fact]
    public async Task Switching_from_support_to_oppose_moves_the_delegation_and_back()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));

        await scene.UnitedStates.OpposeProposalAsync(new ProposalRequest(scene.Id, proposal));

        var view = await scene.ProposalAsync(proposal);
        Assert.Empty(view.Supporters);
        Assert.Equal(["United States"], view.Opponents);

        await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));
        view = await scene.ProposalAsync(proposal);
        Assert.Equal(["United States"], view.Supporters);
        Assert.Empty(view.Opponents);
    }

    [Fact]
    public async Task Another_participant_of_the_same_delegation_counts_once()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var colleague = await app.JoinAsync(Role.Member, delegation: "United States");
        await using var colleagueHub = await colleague.ConnectAsync();
        var supported = await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));

        var again = await colleagueHub.SupportProposalAsync(new ProposalRequest(scene.Id, proposal));

        Assert.Equal((Outcome.Applied, supported.Version), (again.Outcome, again.Version));
        Assert.Equal(["United States"], (await scene.ProposalAsync(proposal)).Supporters);
        Assert.Equal(2, (await scene.NewEventsAsync()).Length);
    }

    [Fact]
    public async Task Supporting_or_opposing_twice_appends_nothing()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var first = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var second = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(1), "Beta reworded");
        await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, first));
        var opposed = await scene.UnitedStates.OpposeProposalAsync(new ProposalRequest(scene.Id, second));

        var supportAgain = await scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, first));
        var opposeAgain = await scene.UnitedStates.OpposeProposalAsync(new ProposalRequest(scene.Id, second));

        Assert.Equal((Outcome.Applied, opposed.Version), (supportAgain.Outcome, supportAgain.Version));
        Assert.Equal((Outcome.Applied, opposed.Version), (opposeAgain.Outcome, opposeAgain.Version));
        Assert.Equal(4, (await scene.NewEventsAsync()).Length);
    }

    [Fact]
    public async Task The_proposers_own_delegation_cannot_support_or_oppose()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var colleague = await app.JoinAsync(Role.Member, delegation: "Brazil");
        await using var colleagueHub = await colleague.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.SupportProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.OpposeProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => colleagueHub.SupportProposalAsync(new ProposalRequest(scene.Id, proposal)));

        Assert.Single(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Observer_cannot_support_oppose_or_withdraw()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var observer = await app.JoinAsync(Role.Observer);
        await using var hub = await observer.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => hub.SupportProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => hub.OpposeProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => hub.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal)));

        Assert.Single(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("withdrawn")]
    [InlineData("accepted")]
    [InlineData("rejected")]
    public async Task Support_oppose_withdraw_or_decide_of_a_closed_proposal_is_invalid(string how)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var closed = how switch
        {
            "withdrawn" => await scene.Brazil.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal)),
            "accepted" => await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean)),
            _ => await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Reject)),
        };

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.UnitedStates.SupportProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.UnitedStates.OpposeProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed)));

        Assert.Equal(closed.Version, (await scene.NowAsync()).Version);
        Assert.Equal(how, ProtocolJson.Name((await scene.ProposalAsync(proposal)).State));
    }

    [Fact]
    public async Task An_unknown_proposal_is_not_found()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var unknown = new ProposalRequest(scene.Id, Guid.NewGuid());

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.UnitedStates.SupportProposalAsync(unknown));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.UnitedStates.OpposeProposalAsync(unknown));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Brazil.WithdrawProposalAsync(unknown));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, unknown.ProposalId, ProposalDecision.Reject)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task The_proposer_withdraws_and_the_state_is_withdrawn()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");

        var withdrawn = await scene.Brazil.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal));

        Assert.Equal((Outcome.Applied, scene.Version + 2), (withdrawn.Outcome, withdrawn.Version));
        Assert.Equal(ProposalState.Withdrawn, (await scene.ProposalAsync(proposal)).State);
        Assert.Equal("Alpha", (await scene.NowAsync()).Paragraphs[0].Text);
        Assert.Equal(EnvelopeTypes.ProposalWithdrawn, (await scene.NewEventsAsync())[^1].Type);
    }

    [Fact]
    public async Task Another_participant_of_the_proposers_delegation_may_withdraw()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var colleague = await app.JoinAsync(Role.Member, delegation: "Brazil");
        await using var colleagueHub = await colleague.ConnectAsync();

        await colleagueHub.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal));

        Assert.Equal(ProposalState.Withdrawn, (await scene.ProposalAsync(proposal)).State);
    }

    [Fact]
    public async Task Another_delegation_withdrawing_is_forbidden_even_the_chair()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.UnitedStates.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Chair.WithdrawProposalAsync(new ProposalRequest(scene.Id, proposal)));

        Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(ProposalState.Open, (await scene.ProposalAsync(proposal)).State);
    }
}
