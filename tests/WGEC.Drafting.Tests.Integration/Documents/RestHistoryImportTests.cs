using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Two servers, each with a database of its own: the one a history is read from, and the one it moves to.</summary>
public sealed class TwoServers : IAsyncLifetime
{
    public DraftingApp From { get; } = new();

    public DraftingApp To { get; } = new();

    public async Task InitializeAsync()
    {
        await From.InitializeAsync();
        await To.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await From.DisposeAsync();
        await To.DisposeAsync();
    }
}

/// <summary>
/// A document's whole history moves to another server through <c>GET /events</c> and <c>POST /events</c>,
/// and replays there identically: every envelope, every past version, the diffs and the exports.
/// </summary>
public sealed class RestHistoryImportTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task A_whole_negotiation_moves_to_another_server_and_replays_identically()
    {
        var documentId = await NegotiateAsync(servers.From);
        var source = (await servers.From.SecretariatAsync()).Api;
        var history = await RawEventsAsync(source, documentId);
        var target = (await servers.To.SecretariatAsync()).Api;

        var imported = await target.Http.PostRawAsync($"api/documents/{documentId}/events", target.Token, history.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.True(JsonNode.DeepEquals(history, await RawEventsAsync(target, documentId)), "the envelopes differ after the move");
        var now = await source.DocumentAsync(documentId);
        foreach (var query in Enumerable.Range(1, (int)now.Version).Select(v => $"version={v}").Append("revision=Rev.1").Append(""))
            Assert.Equal(await RawAsync(source, $"api/documents/{documentId}?{query}"), await RawAsync(target, $"api/documents/{documentId}?{query}"));
        foreach (var path in new[] { "diff?from=Rev.1", "progress", "timeline", "activity", "meetings", "export?format=markdown", "export?format=html" })
            Assert.Equal(await RawAsync(source, $"api/documents/{documentId}/{path}"), await RawAsync(target, $"api/documents/{documentId}/{path}"));
        var summary = Assert.Single(await target.DocumentsAsync());
        Assert.Equal((documentId, now.Version), (summary.Id, summary.Version));
    }

    [Fact]
    public async Task An_imported_document_goes_on_live_and_a_second_import_of_it_is_refused()
    {
        var source = (await servers.From.SecretariatAsync()).Api;
        var original = await source.CreateDocumentAsync("Moves on", DocumentKind.Recommendations, "1. Alpha.\n\n2. Beta.");
        var history = await RawEventsAsync(source, original.Id);
        var target = await servers.To.JoinAsync(Role.Secretariat);
        Assert.Equal(HttpStatusCode.Created, (await target.Api.Http.PostRawAsync($"api/documents/{original.Id}/events", target.Api.Token, history.ToJsonString())).StatusCode);

        await using var hub = await (await servers.To.JoinAsync(Role.Member)).ConnectAsync();
        var joined = await hub.JoinDocumentAsync(new JoinDocumentRequest(original.Id));
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(original.Id, original.Paragraphs[0].Id, original.Paragraphs[0].Revision, "Alpha, edited after the move."));
        Assert.Equal((Outcome.Applied, joined.Version + 1), (edited.Outcome, edited.Version));

        var again = await Problem.AssertAsync(
            await target.Api.Http.PostRawAsync($"api/documents/{original.Id}/events", target.Api.Token, history.ToJsonString()), HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("already", again, StringComparison.Ordinal);
        Assert.Equal(edited.Version, (await target.Api.DocumentAsync(original.Id)).Version);
    }

    public static TheoryData<string, string, string> Tampered() => new()
    {
        { "a gap in the versions", "$[1].version=5", "without gaps" },
        { "another document's event", "$[1].documentId=" + Guid.NewGuid(), "belongs to document" },
        { "an unknown type", "$[1].type=paragraph-teleported", "not an event type" },
        { "an edit of a paragraph that is not there", "$[1].data.paragraphId=" + Guid.NewGuid(), "no paragraph" },
        { "a control character in a text", "$[1].data.text=Alpha\u0007", "control" },
        { "text not in normal form", "$[1].data.text=Cafe\u0301", "form this server stores" },
        { "time running backwards", "$[1].at=2001-01-01T00:00:00Z", "before the event ahead" },
        { "no actor", "$[1].actor=null", "actor" },
        { "data of the wrong shape", "$[1].data=[1,2]", "is not a" },
        { "a first event that does not create", "$[0].type=paragraph-deleted", "starts with document-created" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_history_this_server_could_not_have_written_is_refused_whole(string what, string change, string expected)
    {
        var source = (await servers.From.SecretariatAsync()).Api;
        var original = await source.CreateDocumentAsync($"Tampered: {what}", DocumentKind.Report, "Alpha.");
        await using (var hub = await (await servers.From.JoinAsync(Role.Member)).ConnectAsync())
            await hub.EditParagraphAsync(new EditParagraphRequest(original.Id, original.Paragraphs[0].Id, original.Paragraphs[0].Revision, "Alpha, edited."));
        var history = await RawEventsAsync(source, original.Id);
        Apply(history, change);
        var target = (await servers.To.SecretariatAsync()).Api;

        var detail = await Problem.AssertAsync(
            await target.Http.PostRawAsync($"api/documents/{original.Id}/events", target.Token, history.ToJsonString()), HttpStatusCode.BadRequest, "invalid");

        Assert.Contains(expected, detail, StringComparison.Ordinal);
        await Problem.AssertAsync(await target.Http.GetAsync($"api/documents/{original.Id}", target.Token), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Only_the_secretariat_may_import_a_history(Role role)
    {
        var source = (await servers.From.SecretariatAsync()).Api;
        var original = await source.CreateDocumentAsync("Not theirs to move", DocumentKind.Report, "Alpha.");
        var history = await RawEventsAsync(source, original.Id);
        var caller = await servers.To.JoinAsync(role);

        await Problem.AssertAsync(
            await caller.Api.Http.PostRawAsync($"api/documents/{original.Id}/events", caller.Api.Token, history.ToJsonString()), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await caller.Api.Http.GetAsync($"api/documents/{original.Id}", caller.Api.Token), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_empty_or_malformed_body_is_invalid()
    {
        var target = (await servers.To.SecretariatAsync()).Api;
        var id = Guid.NewGuid();
        foreach (var body in new[] { "[]", "{}", "null", "[null]", "not json" })
            await Problem.AssertAsync(await target.Http.PostRawAsync($"api/documents/{id}/events", target.Token, body), HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task A_history_over_the_request_limit_is_too_large()
    {
        var target = (await servers.To.SecretariatAsync()).Api;
        var huge = "[" + string.Join(',', Enumerable.Repeat("{\"documentId\":\"" + Guid.Empty + "\",\"version\":1,\"type\":\"" + new string('x', 1000) + "\"}", 31_000)) + "]";

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/documents/{Guid.NewGuid()}/events", UriKind.Relative))
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", target.Token);
        request.Headers.ExpectContinue = true; // the answer comes before the body is sent, as curl asks for it

        await Problem.AssertAsync(await target.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    /// <summary>Everything a negotiation leaves in a history: merges, moves, deletes, statuses, comments, revisions with bis numbers, proposals, a meeting.</summary>
    private static async Task<Guid> NegotiateAsync(DraftingApp app)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var brazil = await app.JoinAsync(Role.Member, "Ana", "Brazil");
        var sweden = await app.JoinAsync(Role.Member, "Erik", "Sweden");
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations,
            "Recognizing the role of [all stakeholders].\n\n1. Recommends [action / measures];\n\n2. Invites Member States.\n\n3. Requests the secretariat.", "E/CN.16/2026/WG/1");
        var (pp, op1, op2, op3) = (document.Paragraphs[0], document.Paragraphs[1], document.Paragraphs[2], document.Paragraphs[3]);
        await using var c = await chair.ConnectAsync();
        await using var b = await brazil.ConnectAsync();
        await using var s = await sweden.ConnectAsync();
        var d = document.Id;
        await c.OpenMeetingAsync(new OpenMeetingRequest(d, "Second meeting"));
        await b.EditParagraphAsync(new EditParagraphRequest(d, op2.Id, op2.Revision, "Invites Member States and stakeholders.", "b-1"));
        var merged = await s.EditParagraphAsync(new EditParagraphRequest(d, op2.Id, op2.Revision, "Invites all Member States.", "s-1"));
        Assert.Equal(Outcome.Merged, merged.Outcome);
        var comment = await s.AddCommentAsync(new AddCommentRequest(d, op1.Id, "Which measures?"));
        await b.AddCommentAsync(new AddCommentRequest(d, op1.Id, "Those of the report.", ReplyTo: comment.CommentId));
        await s.ResolveCommentAsync(new ResolveCommentRequest(d, comment.CommentId));
        var settled = await c.EditParagraphAsync(new EditParagraphRequest(d, op3.Id, op3.Revision, "Requests the secretariat to report."));
        await c.SetParagraphStatusAsync(new SetParagraphStatusRequest(d, op3.Id, settled.Revision, ParagraphStatus.Agreed, "agreed in the room"));
        await c.TagRevisionAsync(new TagRevisionRequest(d, "Rev.1", "after the second meeting"));
        var inserted = await b.InsertParagraphAsync(new InsertParagraphRequest(d, op1.Id, ParagraphKind.Operative, "Encourages [regional] cooperation;", ClientOpId: "b-2"));
        await s.MoveParagraphAsync(new MoveParagraphRequest(d, op2.Id, pp.Id));
        var proposal = await s.TableProposalAsync(new TableProposalRequest(d, inserted.ParagraphId, ProposalAction.Replace, "Encourages regional cooperation;", "no brackets"));
        await b.SupportProposalAsync(new ProposalRequest(d, proposal.ProposalId));
        await c.DecideProposalAsync(new DecideProposalRequest(d, proposal.ProposalId, ProposalDecision.Accept, ProposalForm.Clean));
        await b.DeleteParagraphAsync(new DeleteParagraphRequest(d, pp.Id));
        await c.CloseMeetingAsync(new CloseMeetingRequest(d));
        return d;
    }

    private static async Task<JsonArray> RawEventsAsync(DraftingApi api, Guid documentId) =>
        JsonNode.Parse(await RawAsync(api, $"api/documents/{documentId}/events?limit=5000"))!.AsArray();

    private static async Task<string> RawAsync(DraftingApi api, string path)
    {
        using var response = await api.Http.GetAsync(path, api.Token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>"$[i].a.b=value": sets one field of one envelope (a JSON value when it parses as one, else a string).</summary>
    private static void Apply(JsonArray history, string change)
    {
        var (path, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var steps = path[2..].Split('.');
        JsonNode node = history[int.Parse(steps[0].Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)]!;
        foreach (var step in steps[1..^1])
            node = node[step]!;
        JsonNode? parsed;
        try
        {
            parsed = value is "null" or ['[', ..] or ['{', ..] || long.TryParse(value, out _) ? JsonNode.Parse(value) : JsonValue.Create(value);
        }
        catch (JsonException)
        {
            parsed = JsonValue.Create(value);
        }
        node[steps[^1]] = parsed;
    }
}
