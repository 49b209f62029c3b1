using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>Paragraph brackets as structure and ResolveBracket (work item 3, "Brackets as structure").</summary>
public sealed class BracketTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    private const string Text = "Recommends [a / b] and [[x] y]";

    [Fact]
    public async Task Paragraph_lists_every_bracket_span_nested_ones_included()
    {
        await using var scene = await HubScene.StartAsync(app, Text);

        var paragraph = (await scene.NowAsync()).Paragraphs[0];

        Assert.Equal(2, paragraph.OpenBrackets);
        Assert.Equal(
            [(11, 18, 0, "a|b"), (23, 30, 0, "[x] y"), (24, 27, 1, "x")],
            paragraph.Brackets.Select(b => (b.Start, b.End, b.Depth, string.Join("|", b.Alternatives))));
        Assert.Equal(["[a / b]", "[[x] y]", "[x]"], paragraph.Brackets.Select(b => Text[b.Start..b.End]));
    }

    [Theory]
    [InlineData(0, BracketKeep.Alternative, 1, "Recommends b and [[x] y]", 1)]
    [InlineData(0, BracketKeep.Alternative, 0, "Recommends a and [[x] y]", 1)]
    [InlineData(0, BracketKeep.Content, null, "Recommends a / b and [[x] y]", 1)]
    [InlineData(0, BracketKeep.Nothing, null, "Recommends and [[x] y]", 1)]
    [InlineData(1, BracketKeep.Content, null, "Recommends [a / b] and [x] y", 2)]
    [InlineData(2, BracketKeep.Content, null, "Recommends [a / b] and [x y]", 2)]
    public async Task Chair_resolves_a_bracket_as_one_paragraph_edited_event(int index, BracketKeep keep, int? alternative, string expected, int open)
    {
        await using var scene = await HubScene.StartAsync(app, Text);
        await using var chair = await scene.ChairAsync();
        var paragraph = scene.Document.Paragraphs[0];

        var resolved = await chair.ResolveBracketAsync(new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, index, keep, alternative));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1, scene.Document.Version + 1, expected),
            (resolved.Outcome, resolved.Version, resolved.Revision, resolved.Text));
        var now = (await scene.NowAsync()).Paragraphs[0];
        Assert.Equal((expected, open, resolved.Version), (now.Text, now.OpenBrackets, now.Revision));
        var envelope = Assert.Single(await scene.NewEventsAsync());
        Assert.Equal(EnvelopeTypes.ParagraphEdited, envelope.Type);
        Assert.Equal(expected, envelope.Json().GetProperty("text").GetString());
        var data = envelope.Json().GetProperty("resolvedBracket");
        Assert.Equal(index, data.GetProperty("bracketIndex").GetInt32());
        Assert.Equal(ProtocolJson.Name(keep), data.GetProperty("keep").GetString());
        Assert.Equal(alternative, data.TryGetProperty("alternative", out var a) && a.ValueKind == System.Text.Json.JsonValueKind.Number ? a.GetInt32() : null);
    }

    [Fact]
    public async Task Secretariat_may_resolve_a_bracket_and_member_may_not()
    {
        await using var scene = await HubScene.StartAsync(app, Text);
        var paragraph = scene.Document.Paragraphs[0];

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => scene.Editor.ResolveBracketAsync(
            new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, 0, BracketKeep.Content)));
        Assert.Empty(await scene.NewEventsAsync());

        await using var secretariat = await app.ConnectAsync(Role.Secretariat);
        var resolved = await secretariat.ResolveBracketAsync(new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, 0, BracketKeep.Content));
        Assert.Equal(Outcome.Applied, resolved.Outcome);
    }

    [Theory]
    [InlineData(3, BracketKeep.Content, null)]
    [InlineData(-1, BracketKeep.Content, null)]
    [InlineData(0, BracketKeep.Alternative, null)]
    [InlineData(0, BracketKeep.Alternative, 2)]
    [InlineData(0, BracketKeep.Alternative, -1)]
    [InlineData(1, BracketKeep.Alternative, 1)]
    [InlineData(0, BracketKeep.Unknown, null)]
    public async Task Bracket_or_alternative_out_of_range_or_no_keep_is_invalid_and_appends_nothing(int index, BracketKeep keep, int? alternative)
    {
        await using var scene = await HubScene.StartAsync(app, Text);
        await using var chair = await scene.ChairAsync();
        var paragraph = scene.Document.Paragraphs[0];

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.ResolveBracketAsync(
            new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, index, keep, alternative)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("")]
    public async Task Unknown_keep_value_is_invalid(string keep)
    {
        await using var scene = await HubScene.StartAsync(app, Text);
        await using var chair = await scene.ChairAsync();
        var paragraph = scene.Document.Paragraphs[0];

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.Call<ParagraphTextResult>("ResolveBracket",
            new { documentId = scene.Id, paragraphId = paragraph.Id, baseRevision = paragraph.Revision, bracketIndex = 0, keep }));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Text_changed_after_the_base_revision_is_a_conflict_and_appends_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, Text);
        await using var chair = await scene.ChairAsync();
        var seen = scene.Document.Paragraphs[0];
        var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, seen.Id, seen.Revision, "Recommends [c / a / b] and [[x] y]"));

        var resolved = await chair.ResolveBracketAsync(new ResolveBracketRequest(scene.Id, seen.Id, seen.Revision, 0, BracketKeep.Alternative, 1));

        Assert.Equal((Outcome.Conflict, edited.Version, edited.Revision, "Recommends [c / a / b] and [[x] y]"),
            (resolved.Outcome, resolved.Version, resolved.Revision, resolved.Text));
        Assert.Equal(edited.Version, (await scene.NowAsync()).Version);
        Assert.Equal("Recommends [c / a / b] and [[x] y]", (await scene.NowAsync()).Paragraphs[0].Text);
    }

    [Fact]
    public async Task Locked_paragraph_is_refused_with_locked()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", Text);
        await using var chair = await scene.ChairAsync();
        var paragraph = scene.Document.Paragraphs[0];
        var agreed = await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, paragraph.Id, paragraph.Revision, ParagraphStatus.AgreedAdRef));

        await HubAssert.RefusedAsync(ErrorCode.Locked, () => chair.ResolveBracketAsync(
            new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, 0, BracketKeep.Content)));

        Assert.Equal(agreed.Version, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Deleted_or_unknown_paragraph_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, Text, "Beta");
        await using var chair = await scene.ChairAsync();
        var paragraph = scene.Document.Paragraphs[0];
        var deleted = await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, paragraph.Id));

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.ResolveBracketAsync(
            new ResolveBracketRequest(scene.Id, paragraph.Id, paragraph.Revision, 0, BracketKeep.Content)));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => chair.ResolveBracketAsync(
            new ResolveBracketRequest(scene.Id, Guid.NewGuid(), paragraph.Revision, 0, BracketKeep.Content)));

        Assert.Equal(deleted.Version, (await scene.NowAsync()).Version);
    }
}
