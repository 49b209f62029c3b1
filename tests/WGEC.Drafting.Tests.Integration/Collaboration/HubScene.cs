using System.Text.Json;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>
/// A chair, a member and a recommendations document with operative paragraphs "1. A" … (one per
/// word given), the member connected over WebSockets and joined: the start of most hub tests.
/// </summary>
public sealed record HubScene(Participant Chair, Participant Member, DocumentView Document, DraftingConnection Editor) : IAsyncDisposable
{
    public Guid Id => Document.Id;

    public Guid Paragraph(int index) => Document.Paragraphs[index].Id;

    public static async Task<HubScene> StartAsync(DraftingApp app, params string[] operative)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, delegation: "Brazil");
        var markdown = string.Join("\n\n", operative.Select((text, i) => $"{i + 1}. {text}"));
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations, markdown);
        var editor = await member.ConnectAsync();
        await editor.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        return new HubScene(chair, member, document, editor);
    }

    /// <summary>The events appended since the scene was set up.</summary>
    public async Task<Envelope[]> NewEventsAsync() => await Chair.Api.EventsAsync(Id, after: Document.Version);

    public async Task<DocumentView> NowAsync() => await Chair.Api.DocumentAsync(Id);

    public async ValueTask DisposeAsync() => await Editor.DisposeAsync();
}

public static class HubAssert
{
    /// <summary>The call is refused with <paramref name="code"/>, and its message starts with the code and a colon (PROTOCOL.md §3).</summary>
    public static async Task<DraftingException> RefusedAsync(ErrorCode code, Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<DraftingException>(call);
        Assert.Equal(code, refused.Code);
        Assert.StartsWith(ProtocolJson.Name(code) + ": ", refused.Message, StringComparison.Ordinal);
        return refused;
    }

    public static JsonElement Json(this Envelope envelope) => (JsonElement)envelope.Data;

    /// <summary>The <c>numbers</c> of an envelope as a dictionary.</summary>
    public static Dictionary<Guid, string?> Numbers(this Envelope envelope) =>
        envelope.Json().GetProperty("numbers").EnumerateObject().ToDictionary(p => Guid.Parse(p.Name), p => p.Value.GetString());
}
