using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>What the fuzz test (FuzzTests) found wrong, each pinned by a test of its own (PROTOCOL.md §4, §5).</summary>
public sealed class FuzzFindingsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Theory]
    [InlineData("arrays nested 10,000 deep")]
    [InlineData("a value missing")]
    [InlineData("a string never closed")]
    public async Task A_hub_argument_that_is_no_json_or_nested_too_deep_is_invalid_and_the_connection_goes_on(string fault)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await FuzzHubSocket.ConnectAsync(app.BaseAddress, scene.Member.Api.Token!);
        var argument = fault switch
        {
            "arrays nested 10,000 deep" => new string('[', 10_000) + new string(']', 10_000),
            "a value missing" => "{\"documentId\":}",
            _ => $"{{\"documentId\":\"{scene.Id}\",\"kind\":\"text\",\"text\":\"open",
        };

        var answer = await raw.InvokeAsync("InsertParagraph", argument);

        Assert.StartsWith("invalid: ", answer.Error ?? answer.ToString(), StringComparison.Ordinal);
        Assert.True(raw.IsOpen);
        var after = await raw.InvokeAsync("InsertParagraph", $"{{\"documentId\":\"{scene.Id}\",\"kind\":\"text\",\"text\":\"after\"}}");
        Assert.NotNull(after.Result);
    }

    [Fact]
    public async Task A_hub_string_whose_bytes_are_not_utf8_is_invalid_not_replaced()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await FuzzHubSocket.ConnectAsync(app.BaseAddress, scene.Member.Api.Token!);
        byte[] text = [.. Encoding.UTF8.GetBytes($"{{\"documentId\":\"{scene.Id}\",\"kind\":\"text\",\"text\":\"a"), 0xED, 0xA0, 0x80, .. "b\"}"u8];

        var answer = await raw.InvokeRawAsync("InsertParagraph", text);

        Assert.StartsWith("invalid: ", answer.Error ?? answer.ToString(), StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("op\\u0000")]
    [InlineData("op\\u0007")]
    [InlineData("op\\u0085")]
    [InlineData("op\\ud800")]
    [InlineData("op\\uffff")]
    public async Task A_client_op_id_with_a_character_the_text_rules_refuse_is_invalid_and_appends_nothing(string opId)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await FuzzHubSocket.ConnectAsync(app.BaseAddress, scene.Member.Api.Token!);

        var answer = await raw.InvokeAsync("EditParagraph",
            $"{{\"documentId\":\"{scene.Id}\",\"paragraphId\":\"{scene.Paragraph(0)}\",\"baseRevision\":{scene.Document.Version},\"text\":\"Beta\",\"clientOpId\":\"{opId}\"}}");

        Assert.StartsWith("invalid: clientOpId contains ", answer.Error ?? answer.ToString(), StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Leaving_a_document_that_does_not_exist_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.LeaveDocumentAsync(new LeaveDocumentRequest(Guid.NewGuid())));
        await scene.Editor.LeaveDocumentAsync(new LeaveDocumentRequest(scene.Id));
        await scene.Editor.LeaveDocumentAsync(new LeaveDocumentRequest(scene.Id));
    }

    [Fact]
    public async Task Focus_on_a_paragraph_that_is_not_in_the_document_is_not_found()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");

        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, Guid.NewGuid())));
        await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Id)));
        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, scene.Paragraph(1)));
        await scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, null));
    }

    [Fact]
    public async Task Made_up_document_ids_leave_nothing_behind_in_the_writers_cache()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var cache = app.Services.GetRequiredService<DocumentCache>();
        // The scene's own document in the cache first: sending its text again appends nothing.
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha"));
        var before = cache.Count;

        for (var i = 0; i < 30; i++) // under the hub's 50 calls a second
        {
            await HubAssert.RefusedAsync(ErrorCode.NotFound, () => scene.Editor.EditParagraphAsync(
                new EditParagraphRequest(Guid.NewGuid(), scene.Paragraph(0), 1, "Beta")));
        }

        Assert.Equal(before, cache.Count);
    }

    [Theory]
    [InlineData("\"bogus\"")]
    [InlineData("\"unknown\"")]
    [InlineData("42")]
    public async Task A_proposal_kind_given_but_unknown_is_invalid_where_one_left_out_is_the_default(string kind)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await FuzzHubSocket.ConnectAsync(app.BaseAddress, scene.Member.Api.Token!);
        var request = $"{{\"documentId\":\"{scene.Id}\",\"paragraphId\":\"{scene.Paragraph(0)}\",\"action\":\"insert-after\",\"text\":\"Beta.\"";

        var refused = await raw.InvokeAsync("TableProposal", request + $",\"kind\":{kind}}}");
        var tabled = await raw.InvokeAsync("TableProposal", request + "}");

        Assert.StartsWith("invalid: kind ", refused.Error ?? refused.ToString(), StringComparison.Ordinal);
        Assert.NotNull(tabled.Result);
        Assert.Single(await scene.NewEventsAsync());
    }

    [Theory]
    [InlineData("One.\n\nTwo\fthree.")]
    [InlineData("One.\n\nTwo\u0085three.")]
    public async Task Imported_markdown_with_a_form_feed_or_a_next_line_control_is_invalid_not_split(string markdown)
    {
        var chair = await app.JoinAsync(Role.Chair);

        var detail = await Problem.AssertAsync(
            await chair.Api.Http.SendAsync(HttpMethod.Post, "api/documents", chair.Api.Token, new CreateDocumentRequest("Fuzz", DocumentKind.Report, null, markdown)),
            HttpStatusCode.BadRequest, "invalid");

        Assert.StartsWith("paragraph 2 contains the control character", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clientOpId", "a\u0000b")]
    [InlineData("clientOpId", "a\u0004b")]
    [InlineData("meeting", "a\u0000b")]
    public async Task An_imported_history_with_a_character_the_text_rules_refuse_is_invalid(string field, string value)
    {
        var secretariat = await app.SecretariatAsync();
        var document = await secretariat.Api.CreateDocumentAsync("Fuzz", DocumentKind.Report, "One.");
        var history = System.Text.Json.Nodes.JsonNode.Parse(await (await secretariat.Api.Http.GetAsync($"api/documents/{document.Id}/events", secretariat.Api.Token)).Content.ReadAsStringAsync())!;
        var copy = Guid.NewGuid();
        history[0]![field] = value;
        var body = new StringContent(history.ToJsonString().Replace(document.Id.ToString(), copy.ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/documents/{copy}/events") { Content = body };
        request.Headers.Authorization = new("Bearer", secretariat.Api.Token);

        var detail = await Problem.AssertAsync(await secretariat.Api.Http.SendAsync(request), HttpStatusCode.BadRequest, "invalid");

        Assert.StartsWith("event 1: ", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?version=1%00")]
    [InlineData("/events?after=0%00")]
    [InlineData("/diff?from=1%01")]
    public async Task A_query_value_with_a_control_character_is_invalid(string query)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Fuzz", DocumentKind.Report, "One.");

        await Problem.AssertAsync(await chair.Api.Http.GetAsync($"api/documents/{document.Id}{query}", chair.Api.Token), HttpStatusCode.BadRequest, "invalid");
    }
}
