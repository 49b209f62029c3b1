using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>The outcomes of EditParagraph: applied, merged, conflict (PROTOCOL.md §3 Outcomes).</summary>
public sealed class HubMergeTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const string Base = "Encourages Member States to improve the participation of developing countries";

    [Fact]
    public async Task Sending_the_current_text_again_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, Base);
        var paragraph = scene.Document.Paragraphs[0];

        var again = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, paragraph.Id, paragraph.Revision, Base + "  "));

        Assert.Equal((Outcome.Applied, scene.Document.Version, paragraph.Revision, Base), (again.Outcome, again.Version, again.Revision, again.Text));
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Edit_with_stale_base_merges_non_overlapping_changes()
    {
        await using var scene = await HubScene.StartAsync(app, Base);
        var other = await app.JoinAsync(Role.Member, delegation: "Kenya");
        await using var second = await other.ConnectAsync();
        var (id, seen) = (scene.Paragraph(0), scene.Document.Paragraphs[0].Revision);

        var first = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen,
            "Urges Member States to improve the participation of developing countries"));
        var merged = await second.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen,
            "Encourages Member States to improve the participation of least developed countries"));

        const string Both = "Urges Member States to improve the participation of least developed countries";
        Assert.Equal(Outcome.Applied, first.Outcome);
        Assert.Equal((Outcome.Merged, first.Version + 1, first.Version + 1, Both), (merged.Outcome, merged.Version, merged.Revision, merged.Text));
        var stored = (await scene.NewEventsAsync())[^1];
        Assert.Equal((merged.Version, EnvelopeTypes.ParagraphEdited, other.Id), (stored.Version, stored.Type, stored.Actor.ParticipantId));
        Assert.Equal(Both, stored.Json().GetProperty("text").GetString());
        Assert.True(stored.Json().GetProperty("merged").GetBoolean());
        Assert.Equal((Both, merged.Revision), ((await scene.NowAsync()).Paragraphs[0].Text, (await scene.NowAsync()).Paragraphs[0].Revision));
    }

    [Fact]
    public async Task Merge_that_gives_the_current_text_answers_merged_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, Base);
        var (id, seen) = (scene.Paragraph(0), scene.Document.Paragraphs[0].Revision);
        var first = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, Base + " and regions"));

        var same = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, Base + " and regions"));

        Assert.NotEqual(Outcome.Conflict, same.Outcome);
        Assert.Equal((first.Version, first.Revision, Base + " and regions"), (same.Version, same.Revision, same.Text));
        Assert.Single(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Same_word_changed_differently_is_a_conflict_that_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, Base);
        var (id, seen) = (scene.Paragraph(0), scene.Document.Paragraphs[0].Revision);
        var first = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, Base.Replace("Encourages", "Urges", StringComparison.Ordinal)));

        var conflict = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen, Base.Replace("Encourages", "Invites", StringComparison.Ordinal)));

        Assert.Equal((Outcome.Conflict, first.Version, first.Revision, first.Text), (conflict.Outcome, conflict.Version, conflict.Revision, conflict.Text));
        Assert.Single(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Merge_that_would_change_the_bracket_balance_is_a_conflict()
    {
        await using var scene = await HubScene.StartAsync(app, "Recommends that all stakeholders participate fully in the work");
        var (id, seen) = (scene.Paragraph(0), scene.Document.Paragraphs[0].Revision);
        // Each side brackets its own span; merged word by word, one side's [ would be closed by the other's ].
        var first = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen,
            "Recommends that [all stakeholders participate fully in the work"));

        var conflict = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, seen,
            "Recommends that all stakeholders participate fully in the work]"));

        Assert.Equal((Outcome.Conflict, first.Text), (conflict.Outcome, conflict.Text));
        Assert.Single(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Base_of_the_last_32_text_changes_merges_and_an_older_one_is_a_conflict()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha beta gamma edit0");
        var id = scene.Paragraph(0);
        var original = scene.Document.Paragraphs[0].Revision;
        var revisions = new List<long>();
        for (var n = 1; n <= 33; n++)
        {
            var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, scene.Document.Version + n - 1, $"Alpha beta gamma edit{n}"));
            revisions.Add(edited.Revision);
        }
        var now = (await scene.NowAsync()).Paragraphs[0];

        // 33 text changes after the original: too old to merge against.
        var tooOld = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, original, "Omega beta gamma edit0"));
        Assert.Equal((Outcome.Conflict, now.Revision, now.Text), (tooOld.Outcome, tooOld.Revision, tooOld.Text));
        Assert.Equal(now.Revision, (await scene.NowAsync()).Version);

        // 32 text changes after the first edit: still a base.
        var merged = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, id, revisions[0], "Omega beta gamma edit1"));
        Assert.Equal((Outcome.Merged, "Omega beta gamma edit33"), (merged.Outcome, merged.Text));
    }

    [Fact]
    public async Task BaseRevision_beyond_the_current_version_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, Base);

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version + 1, "Future text")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Edit_on_a_base_before_other_paragraphs_changed_applies_without_merging()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        var seen = scene.Document.Version;
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(1), seen, "Beta changed"));

        var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), seen, "Alpha changed"));

        Assert.Equal(Outcome.Applied, edited.Outcome);
        Assert.False((await scene.NewEventsAsync())[^1].Json().GetProperty("merged").GetBoolean());
    }
}
