using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>
/// DecideProposal (work item 3, "Proposals"): the chair accepts (bracketed or clean) or rejects; the change to
/// the text is appended before the decision, and the call answers with the decision's version.
/// </summary>
public sealed class ProposalDecisionTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Member_or_observer_deciding_is_forbidden(Role role)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded", scene.UnitedStates);
        var who = await app.JoinAsync(role, delegation: "Kenya");
        await using var hub = await who.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => hub.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean)));
        // Not even the proposer's own delegation decides.
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.UnitedStates.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean)));

        Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(ProposalState.Open, (await scene.ProposalAsync(proposal)).State);
    }

    [Fact]
    public async Task Rejected_proposal_leaves_the_text_unchanged()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Reject));

        Assert.Equal((Outcome.Applied, scene.Version + 2), (decided.Outcome, decided.Version));
        var now = await scene.NowAsync();
        Assert.Equal(("Alpha", scene.Hub.Document.Paragraphs[0].Revision), (now.Paragraphs[0].Text, now.Paragraphs[0].Revision));
        Assert.Equal(ProposalState.Rejected, Assert.Single(now.Paragraphs[0].Proposals).State);
        var envelope = (await scene.NewEventsAsync())[^1];
        Assert.Equal((EnvelopeTypes.ProposalDecided, "reject"), (envelope.Type, envelope.Json().GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task Secretariat_may_decide()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        await using var secretariat = await (await app.SecretariatAsync()).ConnectAsync();

        await secretariat.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean));

        Assert.Equal("Alpha reworded", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Fact]
    public async Task Accepted_bracketed_replacement_stands_beside_the_current_text_and_is_appended_before_the_decision()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Invites States to act", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Urges States to act");

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed));

        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ParagraphEdited, EnvelopeTypes.ProposalDecided], events.Select(e => e.Type));
        Assert.Equal((Outcome.Applied, events[2].Version), (decided.Outcome, decided.Version));
        Assert.Equal(("accept", "bracketed"),
            (events[2].Json().GetProperty("decision").GetString(), events[2].Json().GetProperty("form").GetString()));
        var now = await scene.NowAsync();
        var paragraph = now.Paragraphs[0];
        Assert.Equal("[Invites States to act / Urges States to act]", paragraph.Text);
        Assert.Equal((events[1].Version, 1), (paragraph.Revision, paragraph.OpenBrackets));
        Assert.Equal(["Invites States to act", "Urges States to act"], Assert.Single(paragraph.Brackets).Alternatives);
        Assert.Equal(ProposalState.Accepted, Assert.Single(paragraph.Proposals).State);
        Assert.Equal(decided.Version, now.Version);
    }

    [Fact]
    public async Task Accepted_bracketed_replacement_of_a_whole_bracket_joins_it_as_another_alternative()
    {
        await using var scene = await ProposalScene.StartAsync(app, "[Invites States / Urges States]");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Requests States");

        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed));

        var paragraph = (await scene.NowAsync()).Paragraphs[0];
        Assert.Equal("[Invites States / Urges States / Requests States]", paragraph.Text);
        Assert.Equal(1, paragraph.OpenBrackets);
    }

    [Fact]
    public async Task Accepted_bracketed_insertion_is_a_new_bracketed_paragraph_after_its_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.InsertAfter, scene.Paragraph(0), "Gamma");

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed));

        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ParagraphInserted, EnvelopeTypes.ProposalDecided], events.Select(e => e.Type));
        Assert.Equal(events[2].Version, decided.Version);
        var now = await scene.NowAsync();
        Assert.Equal(["Alpha", "[Gamma]", "Beta"], now.Paragraphs.Select(p => p.Text));
        Assert.Equal(["1", "2", "3"], now.Paragraphs.Select(p => p.Number));
        Assert.Equal(ParagraphKind.Operative, now.Paragraphs[1].Kind);
        Assert.Equal(events[1].Json().GetProperty("paragraphId").GetGuid(), now.Paragraphs[1].Id);
        Assert.Equal(scene.Paragraph(0), events[1].Json().GetProperty("afterParagraphId").GetGuid());
        Assert.Equal(ProposalState.Accepted, Assert.Single(now.Paragraphs[0].Proposals).State);
    }

    [Fact]
    public async Task Accepted_insertion_after_a_revision_tag_is_numbered_bis_then_ter()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        await scene.Chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));
        var first = await scene.TableAsync(ProposalAction.InsertAfter, scene.Paragraph(0), "Gamma");
        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, first, ProposalDecision.Accept, ProposalForm.Bracketed));
        var bis = (await scene.NowAsync()).Paragraphs[1].Id;
        var second = await scene.TableAsync(ProposalAction.InsertAfter, bis, "Delta", scene.UnitedStates);

        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, second, ProposalDecision.Accept, ProposalForm.Clean));

        var now = await scene.NowAsync();
        Assert.Equal(["Alpha", "[Gamma]", "Delta", "Beta"], now.Paragraphs.Select(p => p.Text));
        Assert.Equal(["1", "1 bis", "1 ter", "2"], now.Paragraphs.Select(p => p.Number));
        Assert.Equal(["OP1", "OP1 bis", "OP1 ter", "OP2"], now.Paragraphs.Select(p => p.Label));
    }

    [Fact]
    public async Task Accepted_insertion_after_a_preambular_paragraph_is_preambular()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, delegation: "Brazil");
        var document = await chair.Api.CreateDocumentAsync("Kinds", DocumentKind.Recommendations, "Recalling A,\n\n1. Decides B.");
        await using var chairHub = await chair.ConnectAsync();
        await using var memberHub = await member.ConnectAsync();
        var proposal = await memberHub.TableProposalAsync(
            new TableProposalRequest(document.Id, document.Paragraphs[0].Id, ProposalAction.InsertAfter, "Noting C,"));

        await chairHub.DecideProposalAsync(new DecideProposalRequest(document.Id, proposal.ProposalId, ProposalDecision.Accept, ProposalForm.Clean));

        var now = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal([ParagraphKind.Preambular, ParagraphKind.Preambular, ParagraphKind.Operative], now.Paragraphs.Select(p => p.Kind));
        Assert.Equal("Noting C,", now.Paragraphs[1].Text);
        Assert.Equal([null, null, "1"], now.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public async Task Accepted_insertion_at_the_top_becomes_the_first_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.InsertAfter, null, "Gamma");

        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed));

        var now = await scene.NowAsync();
        Assert.Equal(["[Gamma]", "Alpha"], now.Paragraphs.Select(p => p.Text));
        Assert.Equal(ProposalState.Accepted, Assert.Single(now.Proposals).State);
    }

    [Fact]
    public async Task Accepted_bracketed_deletion_brackets_the_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.Delete, scene.Paragraph(0));

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed));

        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ParagraphEdited, EnvelopeTypes.ProposalDecided], events.Select(e => e.Type));
        Assert.Equal(events[2].Version, decided.Version);
        Assert.Equal(["[Alpha]", "Beta"], (await scene.NowAsync()).Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task Accepted_clean_replacement_is_the_proposed_text()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(1), "Beta reworded");

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean));

        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ParagraphEdited, EnvelopeTypes.ProposalDecided], events.Select(e => e.Type));
        Assert.Equal(events[2].Version, decided.Version);
        var now = await scene.NowAsync();
        Assert.Equal(["Alpha", "Beta reworded"], now.Paragraphs.Select(p => p.Text));
        Assert.Equal(events[1].Version, now.Paragraphs[1].Revision);
    }

    [Fact]
    public async Task Accepted_clean_insertion_is_the_proposed_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.InsertAfter, scene.Paragraph(1), "Gamma");

        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean));

        var now = await scene.NowAsync();
        Assert.Equal(["Alpha", "Beta", "Gamma"], now.Paragraphs.Select(p => p.Text));
        Assert.Equal(["1", "2", "3"], now.Paragraphs.Select(p => p.Number));
    }

    [Fact]
    public async Task Accepted_clean_deletion_deletes_the_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(ProposalAction.Delete, scene.Paragraph(0));

        var decided = await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean));

        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.ProposalTabled, EnvelopeTypes.ParagraphDeleted, EnvelopeTypes.ProposalDecided], events.Select(e => e.Type));
        Assert.Equal(events[2].Version, decided.Version);
        var now = await scene.NowAsync();
        Assert.Equal([("Beta", "1")], now.Paragraphs.Select(p => (p.Text, p.Number)));
    }

    [Fact]
    public async Task Retrying_a_decision_with_the_same_client_op_id_returns_the_first_answer_and_appends_nothing()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");
        var request = new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed, ClientOpId: "decide-1");

        var first = await scene.Chair.DecideProposalAsync(request);
        var again = await scene.Chair.DecideProposalAsync(request);

        Assert.Equal(first, again);
        Assert.Equal(3, (await scene.NewEventsAsync()).Length);
        Assert.Equal("[Alpha / Alpha reworded]", (await scene.NowAsync()).Paragraphs[0].Text);
        var last = (await scene.NewEventsAsync())[^1];
        Assert.Equal((EnvelopeTypes.ProposalDecided, "decide-1"), (last.Type, last.ClientOpId));
    }

    [Fact]
    public async Task Accepting_without_a_form_is_invalid()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Chair.Call<WriteResult>("DecideProposal",
            new { documentId = scene.Id, proposalId = proposal, decision = "accept", form = "tracked" }));

        Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(ProposalState.Open, (await scene.ProposalAsync(proposal)).State);
    }

    [Fact]
    public async Task An_unknown_or_missing_decision_is_invalid()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(0), "Alpha reworded");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Chair.Call<WriteResult>("DecideProposal",
            new { documentId = scene.Id, proposalId = proposal, decision = "defer", form = "clean" }));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Chair.Call<WriteResult>("DecideProposal",
            new { documentId = scene.Id, proposalId = proposal, form = "clean" }));

        Assert.Single(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed, ProposalAction.Replace, ProposalForm.Bracketed)]
    [InlineData(ParagraphStatus.Agreed, ProposalAction.Replace, ProposalForm.Clean)]
    [InlineData(ParagraphStatus.Agreed, ProposalAction.Delete, ProposalForm.Bracketed)]
    [InlineData(ParagraphStatus.AgreedAdRef, ProposalAction.Delete, ProposalForm.Clean)]
    public async Task Accepting_when_the_paragraph_was_agreed_meanwhile_is_locked(ParagraphStatus status, ProposalAction action, ProposalForm form)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var proposal = await scene.TableAsync(action, scene.Paragraph(0), action == ProposalAction.Delete ? null : "Alpha reworded");
        var agreed = await scene.Chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Version, status));

        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, form)));

        var now = await scene.NowAsync();
        Assert.Equal((agreed.Version, "Alpha"), (now.Version, now.Paragraphs[0].Text));
        Assert.Equal(ProposalState.Open, Assert.Single(now.Paragraphs[0].Proposals).State);
    }

    [Theory]
    [InlineData(ProposalAction.Replace)]
    [InlineData(ProposalAction.Delete)]
    public async Task Accepting_a_replace_or_delete_when_the_paragraph_was_deleted_meanwhile_is_not_found(ProposalAction action)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var proposal = await scene.TableAsync(action, scene.Paragraph(0), action == ProposalAction.Delete ? null : "Gamma");
        var deleted = await scene.Chair.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(0)));

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Bracketed)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Chair.DecideProposalAsync(
            new DecideProposalRequest(scene.Id, proposal, ProposalDecision.Accept, ProposalForm.Clean)));

        Assert.Equal(deleted.Version, (await scene.NowAsync()).Version);
        Assert.Equal(["Beta"], (await scene.NowAsync()).Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public async Task A_proposal_about_a_deleted_paragraph_is_shown_on_the_document_and_an_insertion_lands_after_the_live_one_before()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        var insertion = await scene.TableAsync(ProposalAction.InsertAfter, scene.Paragraph(1), "Delta");
        var replacement = await scene.TableAsync(ProposalAction.Replace, scene.Paragraph(1), "Bravo");
        await scene.Chair.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(1)));

        var now = await scene.NowAsync();
        Assert.Equal([insertion, replacement], now.Proposals.Select(p => p.Id));
        var replay = await scene.Hub.Chair.Api.DocumentAsync(scene.Id, $"version={now.Version}");
        Assert.Equal(now.Proposals.Select(p => p.Id), replay.Proposals.Select(p => p.Id));

        await scene.Chair.DecideProposalAsync(new DecideProposalRequest(scene.Id, insertion, ProposalDecision.Accept, ProposalForm.Clean));

        Assert.Equal(["Alpha", "Delta", "Gamma"], (await scene.NowAsync()).Paragraphs.Select(p => p.Text));
    }
}
