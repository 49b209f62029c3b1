using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>bis/ter numbering against the last renumbering revision, labels, renumbering and the concordance (work item 3, "Numbering").</summary>
public sealed class NumberingTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    private static InsertParagraphRequest Operative(HubScene scene, Guid? after, string text) =>
        new(scene.Id, after, ParagraphKind.Operative, text);

    [Fact]
    public async Task Before_any_revision_operative_paragraphs_are_consecutive_and_an_insert_at_the_top_renumbers_them()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        Assert.Equal("1, 2, 3", scene.Document.Numbers());
        Assert.Equal("OP1, OP2, OP3", scene.Document.Labels());

        var top = await scene.Editor.InsertParagraphAsync(Operative(scene, null, "Zero"));

        var now = await scene.NowAsync();
        Assert.Equal("1, 2, 3, 4", now.Numbers());
        Assert.Equal("OP1, OP2, OP3, OP4", now.Labels());
        Assert.Equal(
            new Dictionary<Guid, string?> { [top.ParagraphId] = "1", [scene.Paragraph(0)] = "2", [scene.Paragraph(1)] = "3", [scene.Paragraph(2)] = "4" },
            (await scene.NewEventsAsync()).Single().Numbers());
    }

    [Fact]
    public async Task After_a_revision_inserts_after_3_are_3_bis_3_ter_3_quater_and_the_others_keep_their_numbers()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta", "Epsilon");
        await using var chair = await scene.ChairAsync();
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));

        var bis = await scene.Editor.InsertParagraphAsync(Operative(scene, scene.Paragraph(2), "Gamma bis"));
        var ter = await scene.Editor.InsertParagraphAsync(Operative(scene, bis.ParagraphId, "Gamma ter"));
        var quater = await scene.Editor.InsertParagraphAsync(Operative(scene, ter.ParagraphId, "Gamma quater"));

        var now = await scene.NowAsync();
        Assert.Equal("1, 2, 3, 3 bis, 3 ter, 3 quater, 4, 5", now.Numbers());
        Assert.Equal("OP1, OP2, OP3, OP3 bis, OP3 ter, OP3 quater, OP4, OP5", now.Labels());
        var inserts = (await scene.NewEventsAsync()).Where(e => e.Type == EnvelopeTypes.ParagraphInserted).ToArray();
        Assert.Equal(
            [
                new Dictionary<Guid, string?> { [bis.ParagraphId] = "3 bis" },
                new Dictionary<Guid, string?> { [ter.ParagraphId] = "3 ter" },
                new Dictionary<Guid, string?> { [quater.ParagraphId] = "3 quater" },
            ],
            inserts.Select(e => e.Numbers()));
    }

    [Fact]
    public async Task After_a_revision_an_insert_before_1_is_0_bis()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.ChairAsync();
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));

        var top = await scene.Editor.InsertParagraphAsync(Operative(scene, null, "Before all"));

        var now = await scene.NowAsync();
        Assert.Equal("0 bis, 1, 2", now.Numbers());
        Assert.Equal("OP0 bis, OP1, OP2", now.Labels());
        Assert.Equal(new Dictionary<Guid, string?> { [top.ParagraphId] = "0 bis" }, (await scene.NewEventsAsync())[^1].Numbers());
    }

    [Fact]
    public async Task After_a_revision_deleting_leaves_a_gap_and_moving_keeps_the_number()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta");
        await using var chair = await scene.ChairAsync();
        var (a, b, c, d) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2), scene.Paragraph(3));
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));

        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b));
        Assert.Equal("1, 3, 4", (await scene.NowAsync()).Numbers());

        await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, a, d));
        var now = await scene.NowAsync();
        Assert.Equal([c, d, a], now.Paragraphs.Select(p => p.Id));
        Assert.Equal("3, 4, 1", now.Numbers());
        Assert.Equal("OP3, OP4, OP1", now.Labels());

        var events = await scene.NewEventsAsync();
        Assert.Equal(new Dictionary<Guid, string?> { [b] = null }, events.Single(e => e.Type == EnvelopeTypes.ParagraphDeleted).Numbers());
        Assert.Empty(events.Single(e => e.Type == EnvelopeTypes.ParagraphMoved).Numbers());
    }

    [Fact]
    public async Task Preambular_paragraphs_are_labelled_PP_and_stay_unnumbered_with_bis_after_a_revision()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations,
            "Recalling its resolution 2006/46,\n\nNoting the report,\n\n1. Recommends that States act;\n\n2. Invites the secretariat to report.");
        Assert.Equal("-, -, 1, 2", document.Numbers());
        Assert.Equal("PP1, PP2, OP1, OP2", document.Labels());
        await using var steer = await chair.ConnectAsync();
        await steer.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));

        var inserted = await steer.InsertParagraphAsync(
            new InsertParagraphRequest(document.Id, document.Paragraphs[1].Id, ParagraphKind.Preambular, "Welcoming the progress made,"));

        var now = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal("-, -, -, 1, 2", now.Numbers());
        Assert.Equal("PP1, PP2, PP2 bis, OP1, OP2", now.Labels());
        Assert.Equal(inserted.ParagraphId, now.Paragraphs[2].Id);
        var envelope = (await chair.Api.EventsAsync(document.Id, after: inserted.Version - 1)).Single();
        Assert.Empty(envelope.Numbers());
    }

    [Fact]
    public async Task A_second_renumbering_revision_numbers_consecutively_lists_the_changed_numbers_and_gives_a_concordance()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta");
        await using var chair = await scene.ChairAsync();
        var (a, b, c, d) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2), scene.Paragraph(3));
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));
        var bis = (await scene.Editor.InsertParagraphAsync(Operative(scene, c, "Gamma bis"))).ParagraphId;
        var top = (await scene.Editor.InsertParagraphAsync(Operative(scene, null, "Before all"))).ParagraphId;
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, b));
        Assert.Equal("0 bis, 1, 3, 3 bis, 4", (await scene.NowAsync()).Numbers());

        var tagged = await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.2"));

        var now = await scene.NowAsync();
        Assert.Equal([top, a, c, bis, d], now.Paragraphs.Select(p => p.Id));
        Assert.Equal("1, 2, 3, 4, 5", now.Numbers());
        Assert.Equal("OP1, OP2, OP3, OP4, OP5", now.Labels());
        var envelope = (await scene.NewEventsAsync()).Single(e => e.Version == tagged.Version);
        Assert.Equal(EnvelopeTypes.RevisionTagged, envelope.Type);
        Assert.Equal(new Dictionary<Guid, string?> { [top] = "1", [a] = "2", [bis] = "4", [d] = "5" }, envelope.Numbers());
        Assert.True(envelope.Json().GetProperty("renumbered").GetBoolean());

        Assert.Equal(
            [
                new ConcordanceEntry(top, "0 bis", "1"),
                new ConcordanceEntry(a, "1", "2"),
                new ConcordanceEntry(c, "3", "3"),
                new ConcordanceEntry(bis, "3 bis", "4"),
                new ConcordanceEntry(d, "4", "5"),
            ],
            await scene.Chair.Api.ConcordanceAsync(scene.Id, "Rev.2"));
        Assert.Equal(
            [new ConcordanceEntry(a, "1", "1"), new ConcordanceEntry(b, "2", "2"), new ConcordanceEntry(c, "3", "3"), new ConcordanceEntry(d, "4", "4")],
            await scene.Chair.Api.ConcordanceAsync(scene.Id, "Rev.1"));

        // The numbers of Rev.2 are now the ones that stay put.
        var after = await scene.Editor.InsertParagraphAsync(Operative(scene, bis, "Gamma bis bis"));
        Assert.Equal("1, 2, 3, 4, 4 bis, 5", (await scene.NowAsync()).Numbers());
        Assert.Equal(new Dictionary<Guid, string?> { [after.ParagraphId] = "4 bis" }, (await scene.NewEventsAsync())[^1].Numbers());
    }

    [Fact]
    public async Task A_revision_with_renumber_false_keeps_bis_and_ter_and_its_concordance_maps_each_number_to_itself()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        await using var chair = await scene.ChairAsync();
        var (a, b, c) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2));
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));
        var bis = (await scene.Editor.InsertParagraphAsync(Operative(scene, a, "Alpha bis"))).ParagraphId;

        var tagged = await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.2", Renumber: false));

        Assert.Equal("1, 1 bis, 2, 3", (await scene.NowAsync()).Numbers());
        var envelope = (await scene.NewEventsAsync()).Single(e => e.Version == tagged.Version);
        Assert.Empty(envelope.Numbers());
        Assert.False(envelope.Json().GetProperty("renumbered").GetBoolean());
        Assert.Equal(
            [new ConcordanceEntry(a, "1", "1"), new ConcordanceEntry(bis, "1 bis", "1 bis"), new ConcordanceEntry(b, "2", "2"), new ConcordanceEntry(c, "3", "3")],
            await scene.Chair.Api.ConcordanceAsync(scene.Id, "Rev.2"));

        // Still against Rev.1: the next insert after 1 bis is 1 ter.
        var ter = await scene.Editor.InsertParagraphAsync(Operative(scene, bis, "Alpha ter"));
        Assert.Equal("1, 1 bis, 1 ter, 2, 3", (await scene.NowAsync()).Numbers());
        Assert.Equal(new Dictionary<Guid, string?> { [ter.ParagraphId] = "1 ter" }, (await scene.NewEventsAsync())[^1].Numbers());
    }

    [Fact]
    public async Task Concordance_of_an_unknown_revision_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.ChairAsync();
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));

        var response = await scene.Chair.Api.Http.GetAsync($"api/documents/{scene.Id}/revisions/Rev.9/concordance", scene.Chair.Api.Token);
        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
        var refused = await Assert.ThrowsAsync<DraftingException>(() => scene.Chair.Api.ConcordanceAsync(scene.Id, "Rev.9"));
        Assert.Equal(ErrorCode.NotFound, refused.Code);
    }

    [Fact]
    public async Task Numbers_and_labels_are_the_same_live_on_replay_and_at_a_revision()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations,
            "Recalling,\n\nNoting,\n\n1. Alpha\n\n2. Beta\n\n3. Gamma\n\n4. Delta");
        var ids = document.Paragraphs.Select(p => p.Id).ToArray();
        await using var steer = await chair.ConnectAsync();
        await steer.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        // ids: PP1, PP2, OP1 Alpha, OP2 Beta, OP3 Gamma, OP4 Delta.
        var betaBis = await steer.InsertParagraphAsync(new InsertParagraphRequest(document.Id, ids[3], ParagraphKind.Operative, "Beta bis"));
        var ter = await steer.InsertParagraphAsync(new InsertParagraphRequest(document.Id, ids[1], ParagraphKind.Operative, "Before all"));
        await steer.InsertParagraphAsync(new InsertParagraphRequest(document.Id, ids[0], ParagraphKind.Preambular, "Recalling also,"));
        await steer.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, ids[2]));
        await steer.MoveParagraphAsync(new MoveParagraphRequest(document.Id, ids[5], betaBis.ParagraphId));
        await steer.InsertParagraphAsync(new InsertParagraphRequest(document.Id, ter.ParagraphId, ParagraphKind.Operative, "Before all, too"));
        var tagged = await steer.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2", Renumber: false));

        var live = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal(tagged.Version, live.Version);
        Assert.Equal("-, -, -, 0 bis, 0 ter, 2, 2 bis, 4, 3", live.Numbers());
        Assert.Equal("PP1, PP1 bis, PP2, OP0 bis, OP0 ter, OP2, OP2 bis, OP4, OP3", live.Labels());
        var expected = live.Paragraphs.Select(p => (p.Id, p.Number, p.Label)).ToArray();
        foreach (var query in new[] { $"version={tagged.Version}", "revision=Rev.2" })
        {
            var then = await chair.Api.DocumentAsync(document.Id, query);
            Assert.Equal(expected, then.Paragraphs.Select(p => (p.Id, p.Number, p.Label)));
        }

        // And an earlier version replays the numbers of its time.
        var before = await chair.Api.DocumentAsync(document.Id, $"version={ter.Version}");
        Assert.Equal("-, -, 0 bis, 1, 2, 2 bis, 3, 4", before.Numbers());
    }
}
