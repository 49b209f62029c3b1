using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Evidence;

/// <summary>The mapping table co-edited live: rows inserted, edited with a per-field merge and merged, over real hub connections.</summary>
public sealed class HubRowsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private sealed record Scene(Participant Chair, Follower Brazil, Follower Kenya, DocumentView Annex) : IAsyncDisposable
    {
        public Guid Id => Annex.Id;

        public ParagraphView Row(int number) => Annex.Paragraphs.Single(p => p.Number == number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public async ValueTask DisposeAsync()
        {
            await Brazil.DisposeAsync();
            await Kenya.DisposeAsync();
        }
    }

    private async Task<Scene> StartAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        await using var chairHub = await chair.ConnectAsync();
        var annex = await MappingTable.CreateAsync(chair, chairHub);
        var brazil = await Follower.JoinAsync(await app.JoinAsync(Role.Member, delegation: "Brazil"), annex.Id);
        var kenya = await Follower.JoinAsync(await app.JoinAsync(Role.Member, delegation: "Kenya"), annex.Id);
        return new Scene(chair, brazil, kenya, annex);
    }

    private static async Task AllAgreeAsync(Scene scene, Participant reader)
    {
        var now = await reader.Api.DocumentAsync(scene.Id);
        var expected = Replica.From(now).DescribeFully();
        foreach (var follower in new[] { scene.Brazil, scene.Kenya })
        {
            var seen = (await follower.AtAsync(now.Version)).DescribeFully();
            Assert.True(expected == seen, Replica.FirstDifference(expected, seen));
        }
        var replay = Replica.Replay(await reader.Api.EventsAsync(scene.Id)).DescribeFully();
        Assert.True(expected == replay, Replica.FirstDifference(expected, replay));
    }

    [Fact]
    public async Task The_sample_table_becomes_numbered_rows_with_their_fields()
    {
        await using var scene = await StartAsync();
        var sample = MappingTable.SampleRows();

        Assert.Equal(20, sample.Count);
        Assert.Equal(sample, scene.Annex.Paragraphs.Select(p => p.Fields));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), scene.Annex.Paragraphs.Select(p => p.Number));
        Assert.All(scene.Annex.Paragraphs, p => Assert.Equal(ParagraphKind.Row, p.Kind));
        Assert.Equal("Spam | Cybersecurity | Security | London Action Plan; M3AAWG | Partially addressed", scene.Row(6).Text);
        Assert.All(scene.Annex.Paragraphs, p => Assert.Equal([], p.CitedBy));
    }

    [Fact]
    public async Task Two_members_editing_different_fields_of_one_row_at_once_both_keep_their_change()
    {
        await using var scene = await StartAsync();
        var spam = scene.Row(6);

        var answers = await Task.WhenAll(
            scene.Brazil.Hub.EditRowAsync(new EditRowRequest(scene.Id, spam.Id, spam.Revision, new RowFields(Status: "Addressed"))),
            scene.Kenya.Hub.EditRowAsync(new EditRowRequest(scene.Id, spam.Id, spam.Revision, new RowFields(Activities: "London Action Plan; M3AAWG; ITU-T Study Group 17"))));

        Assert.Equal([Outcome.Applied, Outcome.Merged], answers.Select(a => a.Outcome).Order());
        var both = spam.Fields! with { Status = "Addressed", Activities = "London Action Plan; M3AAWG; ITU-T Study Group 17" };
        Assert.Equal(both, answers.Single(a => a.Outcome == Outcome.Merged).Fields);
        var now = await scene.Chair.Api.DocumentAsync(scene.Id);
        Assert.Equal(both, now.Paragraphs.Single(p => p.Id == spam.Id).Fields);
        Assert.Equal(answers.Max(a => a.Revision), now.Paragraphs.Single(p => p.Id == spam.Id).Revision);
        var events = await scene.Chair.Api.EventsAsync(scene.Id, after: scene.Annex.Version);
        Assert.Equal([EnvelopeTypes.RowEdited, EnvelopeTypes.RowEdited], events.Select(e => e.Type));
        Assert.Equal([false, true], events.Select(e => e.Json().GetProperty("merged").GetBoolean()));
        await AllAgreeAsync(scene, scene.Chair);
    }

    [Fact]
    public async Task Overlapping_changes_to_one_field_answer_conflict_with_the_current_fields_and_store_nothing()
    {
        await using var scene = await StartAsync();
        var row = scene.Row(11);
        var first = await scene.Brazil.Hub.EditRowAsync(new EditRowRequest(scene.Id, row.Id, row.Revision, new RowFields(Status: "Partially addressed")));

        var second = await scene.Kenya.Hub.EditRowAsync(new EditRowRequest(scene.Id, row.Id, row.Revision, new RowFields(Status: "Addressed")));

        Assert.Equal((Outcome.Conflict, first.Version, first.Revision), (second.Outcome, second.Version, second.Revision));
        Assert.Equal("Partially addressed", second.Fields.Status);
        Assert.Single(await scene.Chair.Api.EventsAsync(scene.Id, after: scene.Annex.Version));
        var retried = await scene.Kenya.Hub.EditRowAsync(new EditRowRequest(scene.Id, row.Id, second.Revision, new RowFields(Status: "Addressed")));
        Assert.Equal((Outcome.Applied, "Addressed"), (retried.Outcome, retried.Fields.Status));
        await AllAgreeAsync(scene, scene.Chair);
    }

    [Fact]
    public async Task Merging_rows_keeps_one_with_every_source_renumbers_live_and_shows_in_the_history()
    {
        await using var scene = await StartAsync();
        var (domains, addresses, idns) = (scene.Row(1), scene.Row(4), scene.Row(20));
        var merged = new RowFields(Issue: "Critical Internet resources: names, numbers and IDNs");

        var answer = await scene.Brazil.Hub.MergeRowsAsync(new MergeRowsRequest(scene.Id, [domains.Id, addresses.Id, idns.Id], merged, "merge-cir"));
        var again = await scene.Brazil.Hub.MergeRowsAsync(new MergeRowsRequest(scene.Id, [domains.Id, addresses.Id, idns.Id], merged, "merge-cir"));

        Assert.Equal((Outcome.Applied, domains.Id), (answer.Outcome, answer.ParagraphId));
        Assert.Equal(answer, again);
        var now = await scene.Chair.Api.DocumentAsync(scene.Id);
        Assert.Equal(18, now.Paragraphs.Count);
        var kept = now.Paragraphs[0];
        Assert.Equal((domains.Id, "1", domains.Fields! with { Issue = merged.Issue }), (kept.Id, kept.Number, kept.Fields));
        Assert.Equal([addresses.Id, idns.Id], kept.MergedFrom);
        Assert.Equal(Enumerable.Range(1, 18).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), now.Paragraphs.Select(p => p.Number));
        await AllAgreeAsync(scene, scene.Chair);

        var goneHistory = await scene.Chair.Api.ParagraphHistoryAsync(scene.Id, addresses.Id);
        Assert.Equal([EnvelopeTypes.ParagraphInserted, EnvelopeTypes.RowsMerged], goneHistory.Select(e => e.Type));
        Assert.Equal(EnvelopeTypes.RowsMerged, (await scene.Chair.Api.ParagraphHistoryAsync(scene.Id, domains.Id))[^1].Type);
        var life = await scene.Chair.Api.ParagraphLifeAsync(scene.Id, addresses.Id);
        Assert.True(life[^1].Deleted);
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Kenya.Hub.EditRowAsync(new EditRowRequest(scene.Id, addresses.Id, now.Version, new RowFields(Status: "x"))));
    }

    [Fact]
    public async Task Rows_are_inserted_moved_and_deleted_like_paragraphs_and_observers_may_not_touch_them()
    {
        await using var scene = await StartAsync();
        var (first, last) = (scene.Row(1), scene.Row(20));
        var added = await scene.Kenya.Hub.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, first.Id, ParagraphKind.Row, null,
            Fields: new RowFields("Digital public goods", "Development", "Development", "UNDP", "Not addressed"), Sources: [Guid.NewGuid()]));
        await scene.Kenya.Hub.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, last.Id, null));
        var deleted = await scene.Brazil.Hub.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, scene.Row(2).Id));

        var now = await scene.Chair.Api.DocumentAsync(scene.Id);
        Assert.Equal([last.Id, first.Id, added.ParagraphId], now.Paragraphs.Take(3).Select(p => p.Id));
        Assert.Equal(["1", "2", "3"], now.Paragraphs.Take(3).Select(p => p.Number));
        Assert.Equal(20, now.Paragraphs.Count);
        Assert.Single(now.Paragraphs[2].Sources!);
        await AllAgreeAsync(scene, scene.Chair);

        var observer = await app.JoinAsync(Role.Observer);
        await using var watching = await observer.ConnectAsync();
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watching.EditRowAsync(new EditRowRequest(scene.Id, first.Id, deleted.Version, new RowFields(Status: "x"))));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => watching.MergeRowsAsync(new MergeRowsRequest(scene.Id, [first.Id, last.Id])));
        Assert.Equal(now.Version, (await scene.Chair.Api.DocumentAsync(scene.Id)).Version);
    }
}
