using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Evidence;

/// <summary>Paragraphs cite mapping rows (LinkEvidence / UnlinkEvidence); rows show the paragraphs citing them.</summary>
public sealed class EvidenceLinksTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const string Recommendations = "1. Recommends capacity building.\n\n2. Encourages action against spam.\n\n3. Calls for multilingual content.";

    private sealed record Scene(Participant Chair, Follower Member, DocumentView Annex, DocumentView Draft) : IAsyncDisposable
    {
        public ParagraphView Row(string issue) => Annex.Paragraphs.Single(p => p.Fields!.Issue == issue);

        public Task<WGEC.Drafting.Contracts.WriteResult> LinkAsync(int paragraph, ParagraphView row, string? op = null) =>
            Member.Hub.LinkEvidenceAsync(new EvidenceRequest(Draft.Id, Draft.Paragraphs[paragraph].Id, EvidenceKind.Row, row.Id, op));

        public async Task<ParagraphView> NowRowAsync(Guid rowId) => (await Chair.Api.DocumentAsync(Annex.Id)).Paragraphs.Single(p => p.Id == rowId);

        public ValueTask DisposeAsync() => Member.DisposeAsync();
    }

    private async Task<Scene> StartAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        await using var hub = await chair.ConnectAsync();
        var annex = await MappingTable.CreateAsync(chair, hub);
        var draft = await chair.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations, Recommendations);
        var member = await Follower.JoinAsync(await app.JoinAsync(Role.Member, delegation: "Brazil"), draft.Id);
        return new Scene(chair, member, annex, draft);
    }

    [Fact]
    public async Task A_paragraph_cites_rows_and_each_row_shows_the_paragraph_with_its_number()
    {
        await using var scene = await StartAsync();
        var (spam, capacity) = (scene.Row("Spam"), scene.Row("Capacity building for Internet governance"));

        var linked = await scene.LinkAsync(1, spam);
        await scene.LinkAsync(1, capacity);
        await scene.LinkAsync(0, capacity);

        var draft = await scene.Chair.Api.DocumentAsync(scene.Draft.Id);
        Assert.Equal(
            [(EvidenceKind.Row, spam.Id, scene.Annex.Id, "Spam"), (EvidenceKind.Row, capacity.Id, scene.Annex.Id, "Capacity building for Internet governance")],
            draft.Paragraphs[1].Evidence.Select(e => (e.Kind, e.Id, e.SourceId, e.Label)));
        Assert.Equal([capacity.Id], draft.Paragraphs[0].Evidence.Select(e => e.Id));
        Assert.Equal([(scene.Draft.Id, "Draft recommendations", scene.Draft.Paragraphs[1].Id, (string?)"2", (string?)"OP2")],
            (await scene.NowRowAsync(spam.Id)).CitedBy!.Select(c => (c.DocumentId, c.DocumentTitle, c.ParagraphId, c.Number, c.Label)));
        Assert.Equal([scene.Draft.Paragraphs[0].Id, scene.Draft.Paragraphs[1].Id], (await scene.NowRowAsync(capacity.Id)).CitedBy!.Select(c => c.ParagraphId));
        var envelope = (await scene.Member.AtAsync(linked.Version)).Paragraphs[scene.Draft.Paragraphs[1].Id];
        Assert.Equal([spam.Id], envelope.Evidence);
        Assert.Equal(EnvelopeTypes.EvidenceLinked, (await scene.Chair.Api.EventsAsync(scene.Draft.Id, after: linked.Version - 1))[0].Type);
    }

    [Fact]
    public async Task Citing_again_appends_nothing_and_unlinking_takes_the_citation_off_both_sides()
    {
        await using var scene = await StartAsync();
        var spam = scene.Row("Spam");
        var first = await scene.LinkAsync(1, spam, "cite-spam");
        var again = await scene.LinkAsync(1, spam);

        Assert.Equal(first.Version, again.Version);
        var unlinked = await scene.Member.Hub.UnlinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, scene.Draft.Paragraphs[1].Id, EvidenceKind.Row, spam.Id));

        Assert.Equal(first.Version + 1, unlinked.Version);
        Assert.Empty((await scene.Chair.Api.DocumentAsync(scene.Draft.Id)).Paragraphs[1].Evidence);
        Assert.Empty((await scene.NowRowAsync(spam.Id)).CitedBy!);
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () =>
            scene.Member.Hub.UnlinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, scene.Draft.Paragraphs[1].Id, EvidenceKind.Row, spam.Id)));
    }

    [Fact]
    public async Task A_row_merged_into_another_passes_its_citations_on_and_a_deleted_citing_paragraph_drops_out()
    {
        await using var scene = await StartAsync();
        var (spam, cybercrime) = (scene.Row("Spam"), scene.Row("Combating cybercrime"));
        await scene.LinkAsync(1, spam);
        await scene.LinkAsync(2, spam);
        var chairHub = await scene.Chair.ConnectAsync();
        await using (chairHub)
        {
            await chairHub.MergeRowsAsync(new MergeRowsRequest(scene.Annex.Id, [cybercrime.Id, spam.Id]));
            Assert.Equal([scene.Draft.Paragraphs[1].Id, scene.Draft.Paragraphs[2].Id], (await scene.NowRowAsync(cybercrime.Id)).CitedBy!.Select(c => c.ParagraphId));

            await chairHub.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Draft.Id, scene.Draft.Paragraphs[1].Id));
        }

        var citedBy = (await scene.NowRowAsync(cybercrime.Id)).CitedBy!;
        Assert.Equal([(scene.Draft.Paragraphs[2].Id, (string?)"2")], citedBy.Select(c => (c.ParagraphId, c.Number)));
        // The paragraph still says what it cited when it was linked (the label of its time).
        Assert.Equal("Spam", (await scene.Chair.Api.DocumentAsync(scene.Draft.Id)).Paragraphs[1].Evidence[0].Label);
    }

    [Fact]
    public async Task A_paragraph_and_a_row_cite_a_questionnaire_contribution_named_by_respondent_and_question()
    {
        await using var scene = await StartAsync();
        var (questionnaire, answer) = await MappingTable.ContributionAsync(scene.Chair);
        var spam = scene.Row("Spam");
        await using var chairHub = await scene.Chair.ConnectAsync();

        await scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, scene.Draft.Paragraphs[0].Id, EvidenceKind.Contribution, answer.Id));
        await chairHub.LinkEvidenceAsync(new EvidenceRequest(scene.Annex.Id, spam.Id, EvidenceKind.Contribution, answer.Id));

        var cited = (await scene.Chair.Api.DocumentAsync(scene.Draft.Id)).Paragraphs[0].Evidence.Single();
        Assert.Equal((EvidenceKind.Contribution, answer.Id, questionnaire.Id, "Brazil (government), question 3"), (cited.Kind, cited.Id, cited.SourceId, cited.Label));
        Assert.Equal([answer.Id], (await scene.NowRowAsync(spam.Id)).Evidence.Select(e => e.Id));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () =>
            scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, scene.Draft.Paragraphs[0].Id, EvidenceKind.Contribution, questionnaire.Id)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () =>
            scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, scene.Draft.Paragraphs[0].Id, EvidenceKind.Row, answer.Id)));
    }

    [Fact]
    public async Task Only_what_exists_can_be_cited_and_only_by_those_who_may_edit()
    {
        await using var scene = await StartAsync();
        var spam = scene.Row("Spam");
        var paragraph = scene.Draft.Paragraphs[0].Id;
        var version = (await scene.Chair.Api.DocumentAsync(scene.Draft.Id)).Version;

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Row, Guid.NewGuid())));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Row, paragraph)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Contribution, Guid.NewGuid())));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Unknown, spam.Id)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Member.Hub.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, Guid.NewGuid(), EvidenceKind.Row, spam.Id)));
        var observer = await app.JoinAsync(Role.Observer);
        await using var watching = await observer.ConnectAsync();
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watching.LinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Row, spam.Id)));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watching.UnlinkEvidenceAsync(new EvidenceRequest(scene.Draft.Id, paragraph, EvidenceKind.Row, spam.Id)));

        await scene.Member.Hub.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Annex.Id, spam.Id));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.LinkAsync(0, spam));
        Assert.Equal(version, (await scene.Chair.Api.DocumentAsync(scene.Draft.Id)).Version);
    }
}
