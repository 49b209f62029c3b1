using System.Net;
using System.Text.Json;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>PROTOCOL.md §2: the document as it was (version, revision, time), the event feed and a paragraph's history.</summary>
public sealed class RestHistoryTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Version_revision_and_time_selectors_give_the_document_as_it_was()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Selectors", DocumentKind.Recommendations, "1. Alpha.\n\n2. Beta.");
        var (alpha, beta) = (document.Paragraphs[0], document.Paragraphs[1]);
        await using var hub = await chair.ConnectAsync();
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, alpha.Id, alpha.Revision, "Alpha, edited."));
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1", "first reading"));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, beta.Id, beta.Revision, "Beta, edited."));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, alpha.Id));
        var events = await chair.Api.EventsAsync(document.Id);

        var atVersion = await chair.Api.DocumentAsync(document.Id, "version=3");
        Assert.Equivalent(document, atVersion, strict: true);

        var atRevision = await chair.Api.DocumentAsync(document.Id, "revision=Rev.1");
        Assert.Equal(5, atRevision.Version);
        Assert.Equal(["Alpha, edited.", "Beta."], atRevision.Paragraphs.Select(p => p.Text));
        Assert.Equal(edited.Revision, atRevision.Paragraphs[0].Revision);
        Assert.Equal("Rev.1", Assert.Single(atRevision.Revisions).Label);

        var atTime = await chair.Api.DocumentAsync(document.Id, "at=" + Uri.EscapeDataString(events[3].At.ToString("O")));
        Assert.Equal(4, atTime.Version);
        Assert.Equal(["Alpha, edited.", "Beta."], atTime.Paragraphs.Select(p => p.Text));
        Assert.Empty(atTime.Revisions);
        var justBefore = await chair.Api.DocumentAsync(document.Id, "at=" + Uri.EscapeDataString(events[3].At.AddTicks(-10).ToString("O")));
        Assert.Equal(3, justBefore.Version);

        var now = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal(7, now.Version);
        // Rev.1's numbers stay stable until the next renumbering: deleting 1 leaves Beta as 2.
        Assert.Equal(["2"], now.Paragraphs.Select(p => p.Number));
        Assert.Equivalent(now, await chair.Api.DocumentAsync(document.Id, "version=7"), strict: true);
        Assert.Equivalent(now, await chair.Api.DocumentAsync(document.Id, "at=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))), strict: true);
    }

    [Theory]
    [InlineData("version=2&revision=Rev.1", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("version=2&at=2020-01-01T00:00:00Z", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("revision=Rev.1&at=2020-01-01T00:00:00Z", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("version=abc", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("version=0", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("version=-1", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("at=yesterday", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("version=99", HttpStatusCode.NotFound, "not-found")]
    [InlineData("revision=Rev.9", HttpStatusCode.NotFound, "not-found")]
    [InlineData("at=2000-01-01T00:00:00Z", HttpStatusCode.NotFound, "not-found")]
    public async Task Bad_or_unreachable_selectors_are_refused(string query, HttpStatusCode status, string code)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Selectors", DocumentKind.Report, "One.");
        await using var hub = await chair.ConnectAsync();
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}?{query}", chair.Api.Token), status, code);
    }

    [Fact]
    public async Task Events_come_in_version_order_after_N_and_at_most_M()
    {
        var chair = await app.JoinAsync(Role.Chair, name: "Carla", delegation: "Chair");
        var document = await chair.Api.CreateDocumentAsync("Feed", DocumentKind.Report, string.Join("\n\n", Enumerable.Range(1, 9).Select(i => $"Paragraph {i}.")));
        await using var hub = await chair.ConnectAsync();
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "Paragraph one.", ClientOpId: "edit-1"));

        var all = await chair.Api.EventsAsync(document.Id);
        Assert.Equal([.. Enumerable.Range(1, 11).Select(v => (long)v)], all.Select(e => e.Version));
        var page = await chair.Api.EventsAsync(document.Id, after: 3, limit: 4);
        Assert.Equal([4L, 5, 6, 7], page.Select(e => e.Version));
        Assert.Equal([11L], (await chair.Api.EventsAsync(document.Id, after: 10, limit: 4)).Select(e => e.Version));
        Assert.Empty(await chair.Api.EventsAsync(document.Id, after: 11));
        Assert.Empty(await chair.Api.EventsAsync(document.Id, after: 50));

        Assert.All(all, e => Assert.Equal(document.Id, e.DocumentId));
        Assert.All(all, e => Assert.Equal(new Actor(chair.Id, "Carla", "Chair", Role.Chair), e.Actor));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
        Assert.Equal(EnvelopeTypes.DocumentCreated, all[0].Type);
        Assert.Equal("Feed", ((JsonElement)all[0].Data).GetProperty("title").GetString());
        Assert.Equal(EnvelopeTypes.ParagraphInserted, all[1].Type);
        var inserted = (JsonElement)all[1].Data;
        Assert.Equal(document.Paragraphs[0].Id, inserted.GetProperty("paragraphId").GetGuid());
        Assert.Equal(JsonValueKind.Null, inserted.GetProperty("afterParagraphId").ValueKind);
        Assert.Equal("Paragraph 1.", inserted.GetProperty("text").GetString());
        Assert.Equal("<p>Paragraph 1.</p>", inserted.GetProperty("html").GetString()?.Trim());
        Assert.Equal(JsonValueKind.Object, inserted.GetProperty("numbers").ValueKind);
        var edit = all[^1];
        Assert.Equal((EnvelopeTypes.ParagraphEdited, "edit-1"), (edit.Type, edit.ClientOpId));
        Assert.Equal(11, ((JsonElement)edit.Data).GetProperty("revision").GetInt64());
        Assert.False(((JsonElement)edit.Data).GetProperty("merged").GetBoolean());
        Assert.Null(all[0].ClientOpId);
    }

    [Fact]
    public async Task Events_default_to_500_and_allow_up_to_5000()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Long", DocumentKind.Report, string.Join("\n\n", Enumerable.Range(1, 600).Select(i => $"P{i}")));

        Assert.Equal([.. Enumerable.Range(1, 500).Select(v => (long)v)], (await chair.Api.EventsAsync(document.Id)).Select(e => e.Version));
        Assert.Equal(601, (await chair.Api.EventsAsync(document.Id, limit: 5000)).Length);
        Assert.Equal(101, (await chair.Api.EventsAsync(document.Id, after: 500)).Length);
    }

    [Fact]
    public async Task Events_after_the_last_version_are_none_however_large_after_is()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Short", DocumentKind.Report, "One.");

        Assert.Empty(await chair.Api.EventsAsync(document.Id, after: document.Version));
        Assert.Empty(await chair.Api.EventsAsync(document.Id, after: long.MaxValue));
    }

    [Theory]
    [InlineData("limit=5001")]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("after=-1")]
    [InlineData("after=abc")]
    [InlineData("limit=many")]
    public async Task Bad_event_paging_is_invalid(string query)
    {
        var member = await app.JoinAsync(Role.Member);
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Paging", DocumentKind.Report);

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/events?{query}", member.Api.Token), HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task A_paragraphs_history_is_every_envelope_that_touched_it_in_order()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("History", DocumentKind.Recommendations, "1. First.\n\n2. Second.\n\n3. Third.");
        var (first, second, third) = (document.Paragraphs[0], document.Paragraphs[1], document.Paragraphs[2]);
        await using var hub = await chair.ConnectAsync();
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, second.Id, second.Revision, "Second, edited."));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "First, edited."));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, second.Id, edited.Revision, ParagraphStatus.AgreedAdRef));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, second.Id, edited.Revision, ParagraphStatus.Draft));
        await hub.AddCommentAsync(new AddCommentRequest(document.Id, second.Id, "Why?"));
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, second.Id, third.Id));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, third.Id));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, second.Id));

        var history = await chair.Api.ParagraphHistoryAsync(document.Id, second.Id);

        Assert.Equal(
            [EnvelopeTypes.ParagraphInserted, EnvelopeTypes.ParagraphEdited, EnvelopeTypes.ParagraphStatusChanged, EnvelopeTypes.ParagraphStatusChanged,
             EnvelopeTypes.CommentAdded, EnvelopeTypes.ParagraphMoved, EnvelopeTypes.ParagraphDeleted],
            history.Select(e => e.Type));
        Assert.Equal([3L, 5, 7, 8, 9, 11, 13], history.Select(e => e.Version));
        Assert.All(history, e => Assert.Equal(second.Id, ((JsonElement)e.Data).GetProperty("paragraphId").GetGuid()));
        Assert.Equal([2L, 6], (await chair.Api.ParagraphHistoryAsync(document.Id, first.Id)).Select(e => e.Version));
    }

    [Fact]
    public async Task The_history_of_an_unknown_paragraph_is_not_found()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("History", DocumentKind.Report, "Only.");
        var other = await chair.Api.CreateDocumentAsync("Other", DocumentKind.Report, "Elsewhere.");

        await Problem.AssertAsync(
            await app.Api().Http.GetAsync($"api/documents/{document.Id}/paragraphs/{Guid.NewGuid()}/history", chair.Api.Token), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(
            await app.Api().Http.GetAsync($"api/documents/{document.Id}/paragraphs/{other.Paragraphs[0].Id}/history", chair.Api.Token), HttpStatusCode.NotFound, "not-found");
    }
}
