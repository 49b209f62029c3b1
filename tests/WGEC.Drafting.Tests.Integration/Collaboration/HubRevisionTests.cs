using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>TagRevision (PROTOCOL.md §2 revision labels, §3, §5 limits).</summary>
public sealed class HubRevisionTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Chair_tags_a_revision_that_the_document_lists_and_selects()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        var tagged = await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1", "after the first reading"));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1), (tagged.Outcome, tagged.Version));
        var revision = Assert.Single((await scene.NowAsync()).Revisions);
        Assert.Equal(("Rev.1", tagged.Version, "after the first reading"), (revision.Label, revision.Version, revision.Note));
        Assert.Equal(tagged.Version, (await scene.Chair.Api.DocumentAsync(scene.Id, "revision=Rev.1")).Version);
    }

    [Fact]
    public async Task Secretariat_may_tag_a_revision()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var secretariat = await (await app.SecretariatAsync()).ConnectAsync();

        Assert.Equal(Outcome.Applied, (await secretariat.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"))).Outcome);
    }

    [Fact]
    public async Task Member_tagging_a_revision_is_forbidden()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Editor.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1")));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Label_already_used_in_the_document_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        var first = await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1", "again")));

        Assert.Equal(first.Version, (await scene.NowAsync()).Version);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("0")]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-01T10:00:00Z")]
    public async Task Label_that_looks_like_a_version_or_a_time_is_invalid(string label)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, label)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_label_is_invalid(string label)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, label)));
    }

    [Fact]
    public async Task Label_of_41_characters_is_too_large_and_of_40_is_accepted()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "R" + new string('x', 40))));
        Assert.Empty(await scene.NewEventsAsync());

        var tagged = await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "R" + new string('x', 39)));
        Assert.Equal(Outcome.Applied, tagged.Outcome);
    }
}
