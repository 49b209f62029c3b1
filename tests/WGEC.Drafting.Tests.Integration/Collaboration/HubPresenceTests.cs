using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>SetFocus and Presence (PROTOCOL.md §3).</summary>
public sealed class HubPresenceTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Presence_lists_one_entry_per_member_connection_with_its_paragraph_and_only_counts_observers()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var secondTab = await scene.Member.ConnectAsync();
        await using var chair = await scene.Chair.ConnectAsync();
        var observer = await app.JoinAsync(Role.Observer);
        await using var watcher = await observer.ConnectAsync();
        await using var watcher2 = await observer.ConnectAsync();
        foreach (var connection in new[] { secondTab, chair, watcher, watcher2 })
            await connection.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(1)));
        await watcher.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(0)));

        var presence = await watcher.Presence.ForAsync(p => p.Participants.Any(e => e.ParagraphId == scene.Paragraph(1)));
        Assert.Equal(scene.Id, presence.DocumentId);
        Assert.Equal(2, presence.Observers);
        Assert.DoesNotContain(presence.Participants, e => e.Role == Role.Observer || e.ParticipantId == observer.Id);
        (Guid, Role, Guid?)[] expected =
        [
            (scene.Chair.Id, Role.Chair, null),
            (scene.Member.Id, Role.Member, null),
            (scene.Member.Id, Role.Member, scene.Paragraph(1)),
        ];
        Assert.Equal(expected.Order(), presence.Participants.Select(e => (e.ParticipantId, e.Role, e.ParagraphId)).Order());
        var entry = presence.Participants.First(e => e.ParagraphId == scene.Paragraph(1));
        Assert.Equal((scene.Member.View.Name, "Brazil"), (entry.Name, entry.Delegation));
    }

    [Fact]
    public async Task Entry_of_a_connection_goes_when_it_disconnects()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        await chair.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(0)));
        await chair.Presence.ForAsync(p => p.Participants.Any(e => e.ParticipantId == scene.Member.Id && e.ParagraphId == scene.Paragraph(0)));

        await scene.Editor.Hub.StopAsync();

        var after = await chair.Presence.ForAsync(p => p.Participants.All(e => e.ParticipantId != scene.Member.Id));
        Assert.Equal(scene.Chair.Id, Assert.Single(after.Participants).ParticipantId);
    }

    [Fact]
    public async Task A_connection_that_takes_the_place_of_an_identical_one_is_told_who_is_here()
    {
        // A page reload: the member's old connection goes and a new one joins within one presence tick, so the view
        // everyone else sees is the same; the new connection must still get it.
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        await chair.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        await chair.Presence.ForAsync(p => p.Participants.Count == 2);
        await using var reloaded = await scene.Member.ConnectAsync();

        await scene.Editor.LeaveDocumentAsync(new LeaveDocumentRequest(scene.Id));
        await reloaded.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        var presence = await reloaded.Presence.ForAsync(p => p.Participants.Count == 2);
        Assert.Equal([scene.Chair.Id, scene.Member.Id], presence.Participants.Select(e => e.ParticipantId).Order());
    }

    [Fact]
    public async Task Entry_goes_when_the_connection_leaves_the_document()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        await chair.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        await chair.Presence.ForAsync(p => p.Participants.Count == 2);

        await scene.Editor.LeaveDocumentAsync(new LeaveDocumentRequest(scene.Id));

        await chair.Presence.ForAsync(p => p.Participants.Count == 1 && p.Participants[0].ParticipantId == scene.Chair.Id);
    }

    [Fact]
    public async Task Focus_changes_in_quick_succession_give_at_most_one_presence_a_second()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var watcher = await (await app.JoinAsync(Role.Observer)).ConnectAsync();
        await watcher.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        await watcher.Presence.ForAsync(p => p.Observers == 1);

        for (var i = 0; i < 10; i++)
            await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(i % 2)));
        var last = await watcher.Presence.ForAsync(p => p.Participants.Any(e => e.ParagraphId == scene.Paragraph(1)));

        var received = new List<PresenceView> { last };
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        try
        {
            while (true)
                received.Add(await watcher.Presence.ReadAsync(window.Token));
        }
        catch (OperationCanceledException)
        {
        }
        Assert.InRange(received.Count, 1, 2);
        Assert.Equal(scene.Paragraph(1), received[^1].Participants.Single(e => e.ParticipantId == scene.Member.Id).ParagraphId);
    }

    [Fact]
    public async Task Focus_on_no_paragraph_clears_it()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(0)));
        await scene.Editor.Presence.ForAsync(p => p.Participants.Any(e => e.ParagraphId == scene.Paragraph(0)));

        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, null));

        await scene.Editor.Presence.ForAsync(p => p.Participants.Count == 1 && p.Participants[0].ParagraphId is null);
    }

    [Fact]
    public async Task Focus_without_joining_the_document_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var stranger = await scene.Member.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => stranger.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(0))));
    }
}
