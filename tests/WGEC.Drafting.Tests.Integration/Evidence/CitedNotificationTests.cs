using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Evidence;

/// <summary>
/// A row's <c>citedBy</c> changes when a paragraph of another document cites it, without an event on the
/// annex's stream: those following the annex get <c>Cited({ documentId, paragraphId })</c> instead.
/// </summary>
public sealed class CitedNotificationTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private sealed record Scene(Participant Chair, Follower Annex, Follower Draft, DocumentView AnnexView, DocumentView DraftView) : IAsyncDisposable
    {
        public ParagraphView Row(int index) => AnnexView.Paragraphs[index];

        public EvidenceRequest Citing(int paragraph, EvidenceKind kind, Guid id) => new(DraftView.Id, DraftView.Paragraphs[paragraph].Id, kind, id);

        public async ValueTask DisposeAsync()
        {
            await Annex.DisposeAsync();
            await Draft.DisposeAsync();
        }
    }

    private async Task<Scene> StartAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        DocumentView annex;
        await using (var hub = await chair.ConnectAsync())
            annex = await MappingTable.CreateAsync(chair, hub, [.. MappingTable.SampleRows().Take(3)]);
        var draft = await chair.Api.CreateDocumentAsync("Draft report", DocumentKind.Report, "1. On spam.\n\n2. On capacity building.");
        var reading = await Follower.JoinAsync(await app.JoinAsync(Role.Member, delegation: "Sweden"), annex.Id);
        var citing = await Follower.JoinAsync(await app.JoinAsync(Role.Member, delegation: "Brazil"), draft.Id);
        return new Scene(chair, reading, citing, annex, draft);
    }

    private static async Task<CitedView> NextCitedAsync(Follower follower)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await follower.Hub.Cited.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task A_member_following_the_annex_hears_when_a_paragraph_elsewhere_cites_a_row_and_when_it_stops()
    {
        await using var scene = await StartAsync();
        var row = scene.Row(1);
        var paragraph = scene.DraftView.Paragraphs[0].Id;

        await scene.Draft.Hub.LinkEvidenceAsync(scene.Citing(0, EvidenceKind.Row, row.Id));

        Assert.Equal(new CitedView(scene.AnnexView.Id, row.Id), await NextCitedAsync(scene.Annex));
        // Sent after the commit: a read on hearing it already shows the citation.
        var cited = (await scene.Chair.Api.DocumentAsync(scene.AnnexView.Id)).Paragraphs.Single(p => p.Id == row.Id);
        Assert.Equal([paragraph], cited.CitedBy!.Select(c => c.ParagraphId));

        await scene.Draft.Hub.UnlinkEvidenceAsync(scene.Citing(0, EvidenceKind.Row, row.Id));

        Assert.Equal(new CitedView(scene.AnnexView.Id, row.Id), await NextCitedAsync(scene.Annex));
        Assert.Empty((await scene.Chair.Api.DocumentAsync(scene.AnnexView.Id)).Paragraphs.Single(p => p.Id == row.Id).CitedBy!);
        Assert.Equal(scene.AnnexView.Version, (await scene.Chair.Api.DocumentAsync(scene.AnnexView.Id)).Version);
    }

    [Fact]
    public async Task Citing_a_contribution_tells_the_annex_nothing_and_the_citing_document_hears_no_notice()
    {
        await using var scene = await StartAsync();
        var (_, answer) = await MappingTable.ContributionAsync(scene.Chair);
        var marker = scene.Row(2);

        await scene.Draft.Hub.LinkEvidenceAsync(scene.Citing(1, EvidenceKind.Contribution, answer.Id));
        await scene.Draft.Hub.UnlinkEvidenceAsync(scene.Citing(1, EvidenceKind.Contribution, answer.Id));
        // Notices go in the order of the citing document's events: the first one heard must be the row's.
        var last = await scene.Draft.Hub.LinkEvidenceAsync(scene.Citing(0, EvidenceKind.Row, marker.Id));

        Assert.Equal(new CitedView(scene.AnnexView.Id, marker.Id), await NextCitedAsync(scene.Annex));
        // The citing document's own followers get the envelopes, and no notice in between them.
        await scene.Draft.AtAsync(last.Version);
        Assert.False(scene.Draft.Hub.Cited.TryRead(out var stray), $"unexpected {stray}");
        Assert.False(scene.Annex.Hub.Cited.TryRead(out stray), $"unexpected {stray}");
    }
}
