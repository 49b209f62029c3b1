using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>An observer whose connection stops reading must hold up neither editors nor other observers.</summary>
public sealed class HubSlowObserverTests(HubSlowObserverTests.UnthrottledApp app) : IClassFixture<HubSlowObserverTests.UnthrottledApp>
{
    private const int Edits = 400;

    public sealed class UnthrottledApp : DraftingApp
    {
        protected override IReadOnlyDictionary<string, string> Settings =>
            new Dictionary<string, string> { ["Drafting:HubCallsPerSecond"] = "100000" };
    }

    [Fact]
    public async Task An_observer_that_never_reads_delays_neither_the_editor_nor_the_other_observers()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var stuck = await app.JoinAsync(Role.Observer);
        var healthy = await app.JoinAsync(Role.Observer);
        await using var stuckSocket = await RawHubSocket.ConnectAsync(stuck);
        using (await stuckSocket.InvokeAsync("JoinDocument", $$"""{"documentId":"{{scene.Id}}"}""")) { }
        await using var watcher = await healthy.ConnectAsync();
        await watcher.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        // About 7.6 MB of envelopes: more than the socket buffers (about 4 MB here) and pipe of a connection that is not read.
        var padding = new string('x', 19_000);
        var revision = scene.Document.Paragraphs[0].Revision;
        for (var i = 0; i < Edits; i++)
        {
            var result = await scene.Editor.EditParagraphAsync(
                new EditParagraphRequest(scene.Id, scene.Paragraph(0), revision, $"Alpha {i} {padding}"));
            revision = result.Revision;
        }

        var last = await watcher.Applied.ForAsync(e => e.Version == revision);
        Assert.Equal(revision, last.Version);
    }
}
