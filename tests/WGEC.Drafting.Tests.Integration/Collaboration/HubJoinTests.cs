using WGEC.Drafting.Client;
using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>JoinDocument: the version, the document or the events to catch up (PROTOCOL.md §3 Joining).</summary>
public sealed class HubJoinTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Join_returns_the_current_version_and_the_whole_document()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha edited"));
        var now = await scene.NowAsync();
        await using var observer = await (await app.JoinAsync(Role.Observer)).ConnectAsync();

        var joined = await observer.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        Assert.Equal(now.Version, joined.Version);
        Assert.Null(joined.Events);
        Assert.Equal(Replica.Describe(now), Replica.Describe(joined.Document!));
    }

    [Fact]
    public async Task Join_since_a_version_returns_the_events_after_it()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var since = scene.Document.Version;
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), since, "Alpha edited"));
        await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), "Noted"));
        await using var again = await scene.Member.ConnectAsync();

        var joined = await again.JoinDocumentAsync(new JoinDocumentRequest(scene.Id, since));

        Assert.Null(joined.Document);
        Assert.Equal(since + 2, joined.Version);
        Assert.Equal([(since + 1, EnvelopeTypes.ParagraphEdited), (since + 2, EnvelopeTypes.CommentAdded)],
            joined.Events!.Select(e => (e.Version, e.Type)));
        Assert.Equal("Alpha edited", joined.Events![0].Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Join_since_the_current_version_returns_no_events()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var again = await scene.Member.ConnectAsync();

        var joined = await again.JoinDocumentAsync(new JoinDocumentRequest(scene.Id, scene.Document.Version));

        Assert.Equal((scene.Document.Version, (DocumentView?)null), (joined.Version, joined.Document));
        Assert.Empty(joined.Events!);
    }

    [Fact]
    public async Task Join_at_most_1000_versions_behind_gets_events_and_further_behind_gets_the_whole_document()
    {
        // A document created from 1,100 paragraphs has 1,101 versions: one per paragraph after its creation.
        var chair = await app.JoinAsync(Role.Chair);
        var markdown = string.Join("\n\n", Enumerable.Range(1, 1100).Select(i => $"Paragraph number {i}."));
        var document = await chair.Api.CreateDocumentAsync("Long", DocumentKind.Report, markdown);
        await using var connection = await chair.ConnectAsync();

        var caughtUp = await connection.JoinDocumentAsync(new JoinDocumentRequest(document.Id, document.Version - DraftingHub.MaxCatchUp));
        Assert.Null(caughtUp.Document);
        Assert.Equal(DraftingHub.MaxCatchUp, caughtUp.Events!.Count);
        Assert.Equal(document.Version, caughtUp.Events[^1].Version);

        var tooFar = await connection.JoinDocumentAsync(new JoinDocumentRequest(document.Id, document.Version - DraftingHub.MaxCatchUp - 1));
        Assert.Null(tooFar.Events);
        Assert.Equal((document.Version, 1100), (tooFar.Version, tooFar.Document!.Paragraphs.Count));
    }

    [Fact]
    public async Task Join_since_a_version_ahead_of_the_server_gets_the_whole_document()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var restored = await scene.Member.ConnectAsync();

        var joined = await restored.JoinDocumentAsync(new JoinDocumentRequest(scene.Id, scene.Document.Version + 5));

        Assert.Null(joined.Events);
        Assert.Equal(scene.Document.Version, joined.Version);
        Assert.Equal(Replica.Describe(scene.Document), Replica.Describe(joined.Document!));
    }

    [Fact]
    public async Task Join_of_an_unknown_document_is_not_found_and_the_connection_goes_on()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var connection = await scene.Member.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => connection.JoinDocumentAsync(new JoinDocumentRequest(Guid.NewGuid())));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => connection.JoinDocumentAsync(new JoinDocumentRequest(Guid.NewGuid(), 3)));

        Assert.Equal(scene.Document.Version, (await connection.JoinDocumentAsync(new JoinDocumentRequest(scene.Id))).Version);
    }

    [Fact]
    public async Task No_change_falls_between_the_joined_state_and_the_first_envelope()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(n++ % 2), $"comment {n}"));
                await Task.Delay(25); // pace under the 50-a-second limit of one connection
            }
        });

        var replicas = new List<(DraftingConnection Connection, Replica Replica)>();
        for (var i = 0; i < 5; i++)
        {
            var connection = await scene.Member.ConnectAsync();
            replicas.Add((connection, Replica.From((await connection.JoinDocumentAsync(new JoinDocumentRequest(scene.Id))).Document!)));
        }
        await stop.CancelAsync();
        await writing;
        var final = (await scene.NowAsync()).Version;

        foreach (var (connection, replica) in replicas)
        {
            while (replica.Version < final)
            {
                var envelope = await connection.Applied.ForAsync();
                Assert.True(envelope.Version <= replica.Version || replica.Apply(envelope), $"gap before version {envelope.Version}");
            }
            await connection.DisposeAsync();
        }
    }
}
