using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>Applied(envelope): who gets it, in which order, and what it carries (PROTOCOL.md §3).</summary>
public sealed class HubAppliedTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets, HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.LongPolling, HttpTransportType.WebSockets)]
    public async Task Applied_reaches_the_caller_and_every_joined_connection(HttpTransportType callerTransport, HttpTransportType otherTransport)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var caller = await scene.Member.ConnectAsync(callerTransport);
        await using var sameParticipant = await scene.Member.ConnectAsync(otherTransport);
        await using var observer = await (await app.JoinAsync(Role.Observer)).ConnectAsync(otherTransport);
        foreach (var connection in new[] { caller, sameParticipant, observer })
            await connection.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        var edited = await caller.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha edited"));

        foreach (var connection in new[] { caller, sameParticipant, observer, scene.Editor })
        {
            var envelope = await connection.Applied.ForAsync(e => e.Version == edited.Version);
            Assert.Equal("Alpha edited", envelope.Json().GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Connection_gets_only_envelopes_of_the_documents_it_joined()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var other = await scene.Chair.Api.CreateDocumentAsync("Other", DocumentKind.Report, "Other text");
        await using var otherWatcher = await scene.Member.ConnectAsync();
        await otherWatcher.JoinDocumentAsync(new JoinDocumentRequest(other.Id));
        await using var idle = await scene.Member.ConnectAsync();

        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(other.Id, other.Paragraphs[0].Id, other.Version, "Other edited"));
        await otherWatcher.Applied.ForAsync(e => e.DocumentId == other.Id);
        var mine = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha edited"));
        await scene.Editor.Applied.ForAsync(e => e.Version == mine.Version && e.DocumentId == scene.Id);

        Assert.All(Drain(scene.Editor), e => Assert.Equal(scene.Id, e.DocumentId));
        Assert.All(Drain(otherWatcher), e => Assert.Equal(other.Id, e.DocumentId));
        Assert.Empty(Drain(idle));
    }

    [Fact]
    public async Task After_LeaveDocument_no_more_envelopes_of_that_document_arrive()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var other = await scene.Chair.Api.CreateDocumentAsync("Other", DocumentKind.Report, "Other text");
        await using var leaver = await scene.Member.ConnectAsync();
        await leaver.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        await leaver.JoinDocumentAsync(new JoinDocumentRequest(other.Id));

        await leaver.LeaveDocumentAsync(new LeaveDocumentRequest(scene.Id));
        var left = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha edited"));
        await scene.Editor.Applied.ForAsync(e => e.Version == left.Version);
        var stillJoined = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(other.Id, other.Paragraphs[0].Id, other.Version, "Other edited"));
        await leaver.Applied.ForAsync(e => e.DocumentId == other.Id && e.Version == stillJoined.Version);

        Assert.DoesNotContain(Drain(leaver), e => e.DocumentId == scene.Id);
    }

    [Fact]
    public async Task Envelopes_arrive_in_version_order_without_gaps_under_concurrent_writers()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma");
        await using var watcher = await (await app.JoinAsync(Role.Observer)).ConnectAsync(HttpTransportType.LongPolling);
        await watcher.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        var writers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i => await (await app.JoinAsync(Role.Member, delegation: $"D{i}")).ConnectAsync()));

        var results = await Task.WhenAll(writers.Select((w, i) => Task.Run(async () =>
        {
            var last = 0L;
            for (var n = 0; n < 10; n++)
                last = (await w.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(i), $"comment {n}"))).Version;
            return last;
        })));
        var final = results.Max();

        var versions = new List<long>();
        while (versions.Count == 0 || versions[^1] < final)
            versions.Add((await watcher.Applied.ForAsync()).Version);
        Assert.Equal(Enumerable.Range((int)scene.Document.Version + 1, (int)(final - scene.Document.Version)).Select(v => (long)v), versions);
        foreach (var w in writers)
            await w.DisposeAsync();
    }

    [Fact]
    public async Task Envelope_of_each_type_carries_the_actor_clientOpId_and_data_of_the_protocol()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        var (a, b) = (scene.Paragraph(0), scene.Paragraph(1));
        var member = new Actor(scene.Member.Id, scene.Member.View.Name, "Brazil", Role.Member);

        var inserted = await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(
            scene.Id, a, ParagraphKind.Operative, "Invites [all / some] States to *act*", ClientOpId: "op-insert"));
        var p = inserted.ParagraphId;
        var insert = await Next(scene.Editor, EnvelopeTypes.ParagraphInserted, member, "op-insert");
        Assert.Equal((scene.Id, inserted.Version), (insert.DocumentId, insert.Version));
        AssertData(insert, new { paragraphId = p, afterParagraphId = a, kind = "operative", text = "Invites [all / some] States to *act*" });
        Assert.Contains("<span class=\"bracket", insert.Json().GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("<em>act</em>", insert.Json().GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<Guid, string?> { [p] = "2", [b] = "3" }, insert.Numbers());

        var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, inserted.Version, "Invites [all] States to act", ClientOpId: "op-edit"));
        var edit = await Next(scene.Editor, EnvelopeTypes.ParagraphEdited, member, "op-edit");
        AssertData(edit, new { paragraphId = p, text = "Invites [all] States to act", merged = false, revision = edited.Revision });
        Assert.Contains("<span class=\"bracket", edit.Json().GetProperty("html").GetString(), StringComparison.Ordinal);

        await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, p, null, ClientOpId: "op-move"));
        var move = await Next(scene.Editor, EnvelopeTypes.ParagraphMoved, member, "op-move");
        Assert.Equal(JsonValueKind.Null, move.Json().GetProperty("afterParagraphId").ValueKind);
        Assert.Equal(new Dictionary<Guid, string?> { [p] = "1", [a] = "2" }, move.Numbers());

        await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, b, "A remark", ClientOpId: "op-comment"));
        var comment = await Next(scene.Editor, EnvelopeTypes.CommentAdded, member, "op-comment");
        AssertData(comment, new { paragraphId = b, text = "A remark" });
        Assert.Equal((await scene.NowAsync()).Paragraphs[2].Comments[0].Id, comment.Json().GetProperty("commentId").GetGuid());

        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, a));
        var delete = await Next(scene.Editor, EnvelopeTypes.ParagraphDeleted, member, null);
        AssertData(delete, new { paragraphId = a });
        Assert.Equal(new Dictionary<Guid, string?> { [a] = null, [b] = "2" }, delete.Numbers());

        var chairActor = new Actor(scene.Chair.Id, scene.Chair.View.Name, "Chair", Role.Chair);
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, b, scene.Document.Version, ParagraphStatus.AgreedAdRef, "pending capitals", "op-status"));
        var status = await Next(scene.Editor, EnvelopeTypes.ParagraphStatusChanged, chairActor, "op-status");
        AssertData(status, new { paragraphId = b, status = "agreed-ad-ref", note = "pending capitals" });

        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1", "first reading", "op-tag"));
        var tag = await Next(scene.Editor, EnvelopeTypes.RevisionTagged, chairActor, "op-tag");
        AssertData(tag, new { label = "Rev.1", note = "first reading" });
        Assert.Empty(tag.Numbers());

        var stored = await scene.NewEventsAsync();
        Assert.Equal(stored.Select(e => (e.Version, e.Type, e.ClientOpId)), new[] { insert, edit, move, comment, delete, status, tag }.Select(e => (e.Version, e.Type, e.ClientOpId)));
    }

    private static async Task<Envelope> Next(DraftingConnection connection, string type, Actor actor, string? clientOpId)
    {
        var envelope = await connection.Applied.ForAsync();
        Assert.Equal(type, envelope.Type);
        Assert.Equal(actor, envelope.Actor);
        Assert.Equal(clientOpId, envelope.ClientOpId);
        Assert.True(envelope.At > DateTimeOffset.UtcNow.AddMinutes(-5) && envelope.At.Offset == TimeSpan.Zero);
        return envelope;
    }

    /// <summary>Each named field of <paramref name="expected"/> is in the envelope's data with that JSON value.</summary>
    private static void AssertData(Envelope envelope, object expected)
    {
        var want = JsonSerializer.SerializeToElement(expected, ProtocolJson.Options);
        foreach (var field in want.EnumerateObject())
        {
            Assert.True(envelope.Json().TryGetProperty(field.Name, out var actual), $"{envelope.Type} has no {field.Name}");
            Assert.Equal(field.Value.GetRawText(), actual.GetRawText());
        }
    }

    private static List<Envelope> Drain(DraftingConnection connection)
    {
        var all = new List<Envelope>();
        while (connection.Applied.TryRead(out var e))
            all.Add(e);
        return all;
    }
}
