using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>TableProposal (work item 3, "Proposals"): who may table what, and every refusal.</summary>
public sealed class ProposalTablingTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Member_tables_a_replacement_and_the_paragraph_shows_it_attributed_to_the_delegation()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");

        var tabled = await scene.Brazil.TableProposalAsync(new TableProposalRequest(
            scene.Id, scene.Paragraph(1), ProposalAction.Replace, "Beta reworded", "closer to the Tunis Agenda"));

        Assert.Equal((Outcome.Applied, scene.Version + 1), (tabled.Outcome, tabled.Version));
        var now = await scene.NowAsync();
        var proposal = Assert.Single(now.Paragraphs[1].Proposals);
        Assert.Equal(
            (tabled.ProposalId, ProposalAction.Replace, "Beta reworded", "closer to the Tunis Agenda", "Brazil", ProposalState.Open),
            (proposal.Id, proposal.Action, proposal.Text, proposal.Note, proposal.By.Delegation, proposal.State));
        Assert.Equal(scene.Hub.Member.Id, proposal.By.ParticipantId);
        Assert.Empty(proposal.Supporters);
        Assert.Empty(proposal.Opponents);
        Assert.Empty(now.Paragraphs[0].Proposals);
        Assert.Empty(now.Proposals);
        Assert.Equal("Beta", now.Paragraphs[1].Text);
        var envelope = Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(EnvelopeTypes.ProposalTabled, envelope.Type);
        Assert.Equal(tabled.ProposalId, envelope.Json().GetProperty("proposalId").GetGuid());
        Assert.Equal("replace", envelope.Json().GetProperty("action").GetString());
    }

    [Theory]
    [InlineData(Role.Chair, "Chair")]
    [InlineData(Role.Secretariat, "UNCTAD")]
    public async Task Chair_and_secretariat_may_table_too(Role role, string delegation)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var who = await app.JoinAsync(role, delegation: delegation);
        await using var hub = await who.ConnectAsync();

        var tabled = await hub.TableProposalAsync(new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Delete));

        var proposal = Assert.Single((await scene.NowAsync()).Paragraphs[0].Proposals);
        Assert.Equal((tabled.ProposalId, ProposalAction.Delete, (string?)null, delegation), (proposal.Id, proposal.Action, proposal.Text, proposal.By.Delegation));
    }

    [Fact]
    public async Task Observer_tabling_is_forbidden_and_appends_nothing()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var observer = await app.JoinAsync(Role.Observer);
        await using var hub = await observer.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => hub.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, "Observed")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Insert_after_without_a_paragraph_is_a_proposal_for_the_top_shown_on_the_document()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        var tabled = await scene.Brazil.TableProposalAsync(new TableProposalRequest(scene.Id, null, ProposalAction.InsertAfter, "Opening words"));

        var now = await scene.NowAsync();
        var proposal = Assert.Single(now.Proposals);
        Assert.Equal((tabled.ProposalId, ProposalAction.InsertAfter, "Opening words", "Brazil", ProposalState.Open),
            (proposal.Id, proposal.Action, proposal.Text, proposal.By.Delegation, proposal.State));
        Assert.Empty(now.Paragraphs[0].Proposals);
    }

    [Fact]
    public async Task Insert_after_a_paragraph_shows_on_that_paragraph()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");

        var tabled = await scene.Brazil.TableProposalAsync(new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.InsertAfter, "Alpha bis"));

        var now = await scene.NowAsync();
        Assert.Equal(tabled.ProposalId, Assert.Single(now.Paragraphs[0].Proposals).Id);
        Assert.Empty(now.Proposals);
        Assert.Equal(2, now.Paragraphs.Count);
    }

    [Theory]
    [InlineData(ProposalAction.Replace)]
    [InlineData(ProposalAction.Delete)]
    public async Task Replace_or_delete_without_a_paragraph_is_invalid(ProposalAction action)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, null, action, "Some text")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData(ProposalAction.Replace, null)]
    [InlineData(ProposalAction.Replace, "")]
    [InlineData(ProposalAction.InsertAfter, null)]
    [InlineData(ProposalAction.InsertAfter, "")]
    public async Task Replace_or_insert_without_text_is_invalid(ProposalAction action, string? text)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), action, text)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Unknown_action_is_invalid()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.Call<TableProposalResult>("TableProposal",
            new { documentId = scene.Id, paragraphId = scene.Paragraph(0), action = "amend", text = "Amended" }));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.Call<TableProposalResult>("TableProposal",
            new { documentId = scene.Id, paragraphId = scene.Paragraph(0), text = "No action at all" }));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData(ProposalAction.Replace)]
    [InlineData(ProposalAction.InsertAfter)]
    [InlineData(ProposalAction.Delete)]
    public async Task Unknown_or_deleted_paragraph_is_not_found(ProposalAction action)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha", "Beta");
        var deleted = await scene.Chair.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Paragraph(1)));

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, Guid.NewGuid(), action, "Text")));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(1), action, "Text")));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(Guid.NewGuid(), null, ProposalAction.InsertAfter, "Text")));

        Assert.Equal(deleted.Version, (await scene.NowAsync()).Version);
    }

    [Theory]
    [InlineData(ParagraphStatus.Agreed, ProposalAction.Replace)]
    [InlineData(ParagraphStatus.Agreed, ProposalAction.Delete)]
    [InlineData(ParagraphStatus.AgreedAdRef, ProposalAction.Replace)]
    [InlineData(ParagraphStatus.AgreedAdRef, ProposalAction.Delete)]
    public async Task Replacing_or_deleting_an_agreed_paragraph_is_locked(ParagraphStatus status, ProposalAction action)
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var agreed = await scene.Chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Version, status));

        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), action, action == ProposalAction.Delete ? null : "Alpha reworded")));
        // The chair is held to the same rule.
        await HubAssert.RefusedAsync(ErrorCode.Locked, () => scene.Chair.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), action, action == ProposalAction.Delete ? null : "Alpha by the chair")));

        Assert.Equal(agreed.Version, (await scene.NowAsync()).Version);
        Assert.Empty((await scene.NowAsync()).Paragraphs[0].Proposals);
    }

    [Fact]
    public async Task Reopened_paragraph_accepts_proposals_again()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        await scene.Chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Version, ParagraphStatus.Agreed));
        await scene.Chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(0), scene.Version, ParagraphStatus.Draft));

        var tabled = await scene.Brazil.TableProposalAsync(new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, "Alpha reworded"));

        Assert.Equal(Outcome.Applied, tabled.Outcome);
    }

    [Fact]
    public async Task Proposed_text_with_a_control_character_is_invalid()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, "Alpha\0beta")));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.InsertAfter, "One\n\nTwo paragraphs")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Proposed_text_over_the_paragraph_limit_is_too_large_and_at_the_limit_is_accepted()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, new string('a', 20_001))));
        Assert.Empty(await scene.NewEventsAsync());

        var tabled = await scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, new string('a', 20_000)));
        Assert.Equal(Outcome.Applied, tabled.Outcome);
    }

    [Fact]
    public async Task A_note_follows_the_comment_rules()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Delete, Note: "why\0not")));
        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Brazil.TableProposalAsync(
            new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Delete, Note: new string('n', 4_001))));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Retrying_a_tabling_with_the_same_client_op_id_returns_the_first_answer()
    {
        await using var scene = await ProposalScene.StartAsync(app, "Alpha");
        var request = new TableProposalRequest(scene.Id, scene.Paragraph(0), ProposalAction.Replace, "Alpha reworded", ClientOpId: "table-1");

        var first = await scene.Brazil.TableProposalAsync(request);
        var again = await scene.Brazil.TableProposalAsync(request);

        Assert.Equal(first, again);
        Assert.Single(await scene.NewEventsAsync());
    }
}

/// <summary>
/// A document of operative paragraphs (see <see cref="HubScene"/>), with Brazil (the scene's member),
/// the United States and the chair connected: the start of the proposal tests.
/// </summary>
public sealed record ProposalScene(HubScene Hub, DraftingConnection Chair, Participant UnitedStatesMember, DraftingConnection UnitedStates)
    : IAsyncDisposable
{
    public Guid Id => Hub.Id;

    /// <summary>The version the document was created at.</summary>
    public long Version => Hub.Document.Version;

    public DraftingConnection Brazil => Hub.Editor;

    public Guid Paragraph(int index) => Hub.Paragraph(index);

    public static async Task<ProposalScene> StartAsync(DraftingApp app, params string[] operative)
    {
        var hub = await HubScene.StartAsync(app, operative);
        var chair = await hub.Chair.ConnectAsync();
        var us = await app.JoinAsync(Role.Member, delegation: "United States");
        return new ProposalScene(hub, chair, us, await us.ConnectAsync());
    }

    public Task<DocumentView> NowAsync() => Hub.NowAsync();

    public Task<Envelope[]> NewEventsAsync() => Hub.NewEventsAsync();

    public async Task<Guid> TableAsync(ProposalAction action, Guid? paragraphId, string? text = null, DraftingConnection? by = null) =>
        (await (by ?? Brazil).TableProposalAsync(new TableProposalRequest(Id, paragraphId, action, text))).ProposalId;

    /// <summary>A proposal as the live document shows it, wherever it is shown.</summary>
    public async Task<ProposalView> ProposalAsync(Guid proposalId)
    {
        var now = await NowAsync();
        return now.Proposals.Concat(now.Paragraphs.SelectMany(p => p.Proposals)).Single(p => p.Id == proposalId);
    }

    public async ValueTask DisposeAsync()
    {
        await UnitedStates.DisposeAsync();
        await Chair.DisposeAsync();
        await Hub.DisposeAsync();
    }
}
