using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>AdoptDocument: only a fully agreed, clean text; afterwards read-only for everyone (work item 3, "Whole-text consensus").</summary>
public sealed class AdoptionTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    private static async Task<long> AgreeAsync(HubScene scene, DraftingConnection chair, params int[] indexes)
    {
        var version = scene.Document.Version;
        foreach (var i in indexes)
            version = (await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, scene.Paragraph(i), scene.Document.Version, ParagraphStatus.Agreed))).Version;
        return version;
    }

    [Fact]
    public async Task Adoption_while_a_paragraph_is_not_agreed_is_invalid_and_names_it()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        await using var chair = await scene.ChairAsync();
        await AgreeAsync(scene, chair, 0);
        var last = (await chair.SetParagraphStatusAsync(
            new SetParagraphStatusRequest(scene.Id, scene.Paragraph(2), scene.Document.Version, ParagraphStatus.AgreedAdRef))).Version;

        var refused = await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id)));

        Assert.Contains("paragraph 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains("paragraph 3", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("paragraph 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(last, (await scene.NowAsync()).Version);
        Assert.Null((await scene.NowAsync()).AdoptedAt);
    }

    [Fact]
    public async Task Adoption_while_a_bracket_is_open_is_invalid_and_names_the_paragraph()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Invites [all / some] States", "Gamma");
        await using var chair = await scene.ChairAsync();
        var last = await AgreeAsync(scene, chair, 0, 2);

        var refused = await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id)));

        Assert.Contains("open brackets in paragraph 2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(last, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Adoption_while_a_proposal_is_undecided_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        await AgreeAsync(scene, chair, 0, 1);
        var tabled = await scene.Editor.TableProposalAsync(
            new TableProposalRequest(scene.Id, null, ProposalAction.InsertAfter, "Decides to remain seized of the matter.", Kind: ParagraphKind.Operative));

        var refused = await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id)));

        Assert.Contains("1 undecided proposal", refused.Message, StringComparison.Ordinal);
        Assert.Equal(tabled.Version, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Member_adopting_is_forbidden()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.ChairAsync();
        var agreed = await AgreeAsync(scene, chair, 0);

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Editor.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id)));

        Assert.Equal(agreed, (await scene.NowAsync()).Version);
        Assert.Null((await scene.NowAsync()).AdoptedAt);
    }

    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Secretariat)]
    public async Task Fully_agreed_clean_text_is_adopted(Role role)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        var agreed = await AgreeAsync(scene, chair, 0, 1);
        await using var adopter = role == Role.Chair ? null : await app.ConnectAsync(role);

        var adopted = await (adopter ?? chair).AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id));

        Assert.Equal((Outcome.Applied, agreed + 1), (adopted.Outcome, adopted.Version));
        var envelope = (await scene.NewEventsAsync())[^1];
        Assert.Equal((EnvelopeTypes.DocumentAdopted, adopted.Version), (envelope.Type, envelope.Version));
        Assert.Equal(envelope.At, (await scene.NowAsync()).AdoptedAt);
        Assert.Equal(envelope.At, (await scene.Chair.Api.DocumentAsync(scene.Id, $"version={adopted.Version}")).AdoptedAt);
        Assert.Null((await scene.Chair.Api.DocumentAsync(scene.Id, $"version={agreed}")).AdoptedAt);
        Assert.Equal(EnvelopeTypes.DocumentAdopted, (await scene.Editor.Applied.ForAsync(e => e.Version == adopted.Version)).Type);
    }

    [Fact]
    public async Task After_adoption_every_write_is_locked_and_appends_nothing_while_reads_still_work()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        var (a, b) = (scene.Paragraph(0), scene.Paragraph(1));
        var comment = await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, a, "Fine"));
        await AgreeAsync(scene, chair, 0, 1);
        var adopted = await chair.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id));
        var v = adopted.Version;

        var writes = new (string Name, Func<Task> Call)[]
        {
            ("edit", () => scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, a, v, "Alpha changed"))),
            ("insert", () => scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, b, ParagraphKind.Operative, "Gamma"))),
            ("move", () => scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, a, b))),
            ("delete", () => scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b))),
            ("status", () => chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, a, v, ParagraphStatus.Draft))),
            ("comment", () => scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, a, "Too late"))),
            ("resolve comment", () => scene.Editor.ResolveCommentAsync(new ResolveCommentRequest(scene.Id, comment.CommentId))),
            ("tag", () => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"))),
            ("open meeting", () => chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "After adoption"))),
            ("close meeting", () => chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id))),
            ("resolve bracket", () => chair.ResolveBracketAsync(new ResolveBracketRequest(scene.Id, a, v, 0, BracketKeep.Content))),
            ("proposal", () => scene.Editor.TableProposalAsync(new TableProposalRequest(scene.Id, null, ProposalAction.InsertAfter, "Gamma"))),
            ("adopt again", () => chair.AdoptDocumentAsync(new AdoptDocumentRequest(scene.Id))),
        };
        foreach (var (name, call) in writes)
        {
            var refused = await Assert.ThrowsAsync<DraftingException>(call);
            Assert.True(refused.Code == ErrorCode.Locked, $"{name}: {refused.Message}");
            Assert.StartsWith("locked: ", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(v, (await scene.NowAsync()).Version);
        Assert.Empty(await scene.Chair.Api.EventsAsync(scene.Id, after: v));
        // Reads still work: the document, the events, a fresh join.
        await using var observer = await app.ConnectAsync(Role.Observer);
        var joined = await observer.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        Assert.Equal((v, 2), (joined.Version, joined.Document!.Paragraphs.Count));
        Assert.NotNull(joined.Document.AdoptedAt);
        Assert.Equal(v, (await scene.Chair.Api.EventsAsync(scene.Id))[^1].Version);
        Assert.Equal(["Alpha", "Beta"], (await scene.NowAsync()).Paragraphs.Select(p => p.Text));
    }
}
