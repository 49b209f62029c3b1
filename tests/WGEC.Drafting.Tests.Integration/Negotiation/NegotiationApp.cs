using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>The app for the negotiation tests: a high hub rate limit, since a scene makes many calls in a row.</summary>
public sealed class NegotiationApp : DraftingApp
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Drafting:HubCallsPerSecond"] = "100000" };
}

public static class Negotiating
{
    /// <summary>The chair's own hub connection, joined to the scene's document.</summary>
    public static async Task<DraftingConnection> ChairAsync(this HubScene scene)
    {
        var chair = await scene.Chair.ConnectAsync();
        await chair.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));
        return chair;
    }

    /// <summary>A hub connection as a new participant of <paramref name="role"/> (the built-in secretariat for that role).</summary>
    public static async Task<DraftingConnection> ConnectAsync(this DraftingApp app, Role role, string? delegation = null) =>
        role == Role.Secretariat
            ? await (await app.SecretariatAsync()).ConnectAsync()
            : await (await app.JoinAsync(role, delegation: delegation)).ConnectAsync();

    /// <summary>The paragraphs' numbers in document order, "-" for none: <c>"-, 1, 3 bis"</c>.</summary>
    public static string Numbers(this DocumentView document) => string.Join(", ", document.Paragraphs.Select(p => p.Number ?? "-"));

    /// <summary>The paragraphs' labels in document order, "-" for none.</summary>
    public static string Labels(this DocumentView document) => string.Join(", ", document.Paragraphs.Select(p => p.Label ?? "-"));

    public static ParagraphView Paragraph(this DocumentView document, Guid id) => document.Paragraphs.Single(p => p.Id == id);
}
