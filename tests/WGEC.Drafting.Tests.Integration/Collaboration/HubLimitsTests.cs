using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WGEC.Drafting.Client;
using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>The text rules and limits of PROTOCOL.md §5 as the hub enforces them.</summary>
public sealed class HubLimitsTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Text_over_20000_characters_is_too_large_and_the_connection_goes_on()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, new string('a', 20_001))));
        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Editor.InsertParagraphAsync(
            new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, new string('b', 20_001))));
        Assert.Empty(await scene.NewEventsAsync());

        Assert.Equal(HubConnectionState.Connected, scene.Editor.Hub.State);
        var exactly = await scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, new string('a', 20_000)));
        Assert.Equal(Outcome.Applied, exactly.Outcome);
    }

    [Fact]
    public async Task Oversized_text_that_escapes_to_most_of_256_KB_still_gets_too_large()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        // The JSON protocol writes each non-ASCII character as a six-byte \uXXXX escape: 40,000 of them are ~240 KB.
        var text = new string('\u00e9', 40_000);

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, text)));

        Assert.Equal(HubConnectionState.Connected, scene.Editor.Hub.State);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Message_over_256_KB_closes_that_connection_and_appends_nothing_while_the_server_goes_on()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        scene.Editor.Hub.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };

        // SignalR refuses a message over MaximumReceiveMessageSize by closing the connection: the
        // call fails, the client sees Closed with an error, and a new connection works as before.
        var refused = await Assert.ThrowsAsync<DraftingException>(() => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, new string('a', (int)CollaborationExtensions.MaxMessageBytes + 1))));
        Assert.Contains("closed the connection", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(await closed.Task.WaitAsync(Wait.Timeout));
        Assert.Equal(HubConnectionState.Disconnected, scene.Editor.Hub.State);

        await using var again = await scene.Member.ConnectAsync();
        var edited = await again.EditParagraphAsync(new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, "Alpha after"));
        Assert.Equal(scene.Document.Version + 1, edited.Version);
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("bell\u0007")]
    [InlineData("escape \u001b[0m")]
    [InlineData("c1 \u0085 control")]
    [InlineData("two\n\nparagraphs")]
    [InlineData("two\n   \nparagraphs")]
    [InlineData("two\r\n\r\nparagraphs")]
    public async Task Control_characters_and_blank_lines_inside_a_paragraph_are_invalid(string text)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, text)));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => scene.Editor.EditParagraphAsync(
            new EditParagraphRequest(scene.Id, scene.Paragraph(0), scene.Document.Version, text)));

        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Tab_and_single_line_breaks_are_text()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        var inserted = await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, "a\tb\nc"));

        Assert.Equal("a\tb\nc", (await scene.NowAsync()).Paragraphs.Single(p => p.Id == inserted.ParagraphId).Text);
    }

    [Fact]
    public async Task Comment_over_4000_characters_is_too_large()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), new string('c', 4_001))));

        Assert.Empty(await scene.NewEventsAsync());
        Assert.Equal(Outcome.Applied, (await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), new string('c', 4_000)))).Outcome);
    }

    [Fact]
    public async Task Insert_into_a_document_of_5000_paragraphs_is_too_large()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Full", DocumentKind.Report,
            string.Join("\n\n", Enumerable.Range(1, 5000).Select(i => $"Paragraph {i}.")));
        Assert.Equal(5000, document.Paragraphs.Count);
        await using var connection = await chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.TooLarge, () => connection.InsertParagraphAsync(
            new InsertParagraphRequest(document.Id, null, ParagraphKind.Text, "One too many")));

        Assert.Equal(document.Version, (await chair.Api.EventsAsync(document.Id, after: document.Version - 1)).Single().Version);
    }

    [Theory]
    [InlineData("InsertParagraph", "{\"documentId\":\"DOC\",\"kind\":\"text\",\"text\":\"lone \\ud800 high\"}")]
    [InlineData("InsertParagraph", "{\"documentId\":\"DOC\",\"kind\":\"text\",\"text\":\"lone \\udc00 low\"}")]
    [InlineData("EditParagraph", "{\"documentId\":\"DOC\",\"paragraphId\":\"PARA\",\"baseRevision\":VERSION,\"text\":\"reversed \\udc00\\ud800 pair\"}")]
    [InlineData("AddComment", "{\"documentId\":\"DOC\",\"paragraphId\":\"PARA\",\"text\":\"\\ud83d\"}")]
    public async Task Lone_surrogate_as_a_browser_sends_it_is_invalid(string method, string request)
    {
        // The .NET client turns a lone surrogate into U+FFFD before sending; JSON.stringify sends "\ud800".
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await RawHubSocket.ConnectAsync(scene.Member);
        var json = request.Replace("DOC", scene.Id.ToString(), StringComparison.Ordinal)
            .Replace("PARA", scene.Paragraph(0).ToString(), StringComparison.Ordinal)
            .Replace("VERSION", scene.Document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var answer = await raw.InvokeAsync(method, json);

        Assert.True(answer.RootElement.TryGetProperty("error", out var error), answer.RootElement.GetRawText());
        var refusal = DraftingConnection.Refusal(new HubException(error.GetString()));
        Assert.Equal(ErrorCode.Invalid, refusal.Code);
        Assert.Contains("lone surrogate", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await scene.NewEventsAsync());
    }

    [Fact]
    public async Task Escaped_surrogate_pair_is_text()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var raw = await RawHubSocket.ConnectAsync(scene.Member);

        using var answer = await raw.InvokeAsync("InsertParagraph", $"{{\"documentId\":\"{scene.Id}\",\"kind\":\"text\",\"text\":\"globe \\ud83c\\udf0d\"}}");

        Assert.Equal("applied", answer.RootElement.GetProperty("result").GetProperty("outcome").GetString());
        Assert.Contains((await scene.NowAsync()).Paragraphs, p => p.Text == "globe \U0001F30D");
    }
}
