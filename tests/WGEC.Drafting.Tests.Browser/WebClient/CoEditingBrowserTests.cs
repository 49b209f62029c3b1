using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>Two members at their own screens edit at the same moment; each sees the other's work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoEditingBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private const string Encourages = "Encourages Member States to improve the participation of developing countries";
    private const string Urges = "Urges Member States to improve the participation of developing countries";
    private const string Requests = "Requests the secretariat to report on progress";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task Two_members_editing_different_paragraphs_at_once_both_see_both_edits()
    {
        const string Annually = "Requests the secretariat to report annually on progress";
        var (document, ana, ben) = await TwoMembersAsync("coedit-different", Encourages, Requests);
        var (first, second) = (document.Paragraphs[0].Id, document.Paragraphs[1].Id);

        var anaEditor = await ana.EditAsync(first);
        var benEditor = await ben.EditAsync(second);
        await anaEditor.FillAsync(Urges);
        await benEditor.FillAsync(Annually);
        await ana.ScreenshotAsync("member-editing");
        await Task.WhenAll(anaEditor.PressAsync("Escape"), benEditor.PressAsync("Escape"));

        foreach (var screen in new[] { ana, ben })
        {
            await Expect(screen.Text(first)).ToHaveTextAsync(Urges);
            await Expect(screen.Text(second)).ToHaveTextAsync(Annually);
            await Expect(screen.Number(first)).ToHaveTextAsync(Screen.DisplayNumber("1"));
            await Expect(screen.Number(second)).ToHaveTextAsync(Screen.DisplayNumber("2"));
            await Expect(screen.Page.Locator("textarea.editor")).ToHaveCountAsync(0);
            await Expect(screen.Pending).ToHaveCountAsync(0);
        }
        var stored = await ana.Participant.Api.DocumentAsync(document.Id);
        Assert.Equal([Urges, Annually], stored.Paragraphs.Select(p => p.Text));
        Assert.Equal(document.Version + 2, stored.Version);
        await Expect(ana.Version).ToHaveTextAsync(stored.Version.ToString());
        await Expect(ben.Version).ToHaveTextAsync(stored.Version.ToString());
        Assert.Empty(ana.ScriptErrors);
        Assert.Empty(ben.ScriptErrors);
    }

    [Fact]
    public async Task Two_members_editing_different_words_of_the_same_paragraph_at_once_both_see_the_merged_text()
    {
        const string Least = "Encourages Member States to improve the participation of least developed countries";
        const string Both = "Urges Member States to improve the participation of least developed countries";
        var (document, ana, ben) = await TwoMembersAsync("coedit-same", Encourages);
        var paragraph = document.Paragraphs[0].Id;

        // Both editors are open on the same text before either change is sent: both start from the same revision.
        var anaEditor = await ana.EditAsync(paragraph);
        var benEditor = await ben.EditAsync(paragraph);
        await anaEditor.FillAsync(Urges);
        await benEditor.FillAsync(Least);
        await Task.WhenAll(anaEditor.PressAsync("Escape"), benEditor.PressAsync("Escape"));

        foreach (var screen in new[] { ana, ben })
        {
            await Expect(screen.Text(paragraph)).ToHaveTextAsync(Both);
            await Expect(screen.Pending).ToHaveCountAsync(0);
            await Expect(screen.Page.Locator(".conflict")).ToHaveCountAsync(0);
        }
        var stored = await ana.Participant.Api.DocumentAsync(document.Id);
        Assert.Equal(Both, Assert.Single(stored.Paragraphs).Text);
        await Expect(ana.Version).ToHaveTextAsync(stored.Version.ToString());
        await Expect(ben.Version).ToHaveTextAsync(stored.Version.ToString());
        Assert.Empty(ana.ScriptErrors);
        Assert.Empty(ben.ScriptErrors);
    }

    [Fact]
    public async Task A_member_opens_a_document_from_the_list_and_both_members_appear_in_the_presence_list()
    {
        var (document, ana, ben) = await TwoMembersAsync("coedit-list", Encourages);

        await ana.Page.GotoAsync(app.BaseAddress.ToString());
        var row = ana.Page.Locator($"table.documents tbody tr[data-document-id=\"{document.Id}\"]");
        await Expect(row).ToContainTextAsync(document.Title);
        await Expect(ana.Page.Locator("form#create-document")).ToHaveCountAsync(0);
        await row.Locator("a.open").ClickAsync();

        await Expect(ana.Page).ToHaveURLAsync(new Uri(app.BaseAddress, $"documents/{document.Id}").ToString());
        await Expect(ana.Connection).ToHaveAttributeAsync("data-status", "connected");
        await Expect(ana.Text(document.Paragraphs[0].Id)).ToHaveTextAsync(Encourages);
        foreach (var screen in new[] { ana, ben })
        {
            await Expect(screen.Page.Locator($"#presence li[data-participant-id=\"{ana.Participant.Id}\"]")).ToHaveCountAsync(1);
            await Expect(screen.Page.Locator($"#presence li[data-participant-id=\"{ben.Participant.Id}\"]")).ToHaveCountAsync(1);
        }
    }

    /// <summary>A document of operative paragraphs, open at the screens of two members of different delegations.</summary>
    private async Task<(DocumentView Document, Screen Ana, Screen Ben)> TwoMembersAsync(string name, params string[] operative)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var markdown = string.Join("\n\n", operative.Select((text, i) => $"{i + 1}. {text}"));
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations " + name, DocumentKind.Recommendations, markdown);
        var ana = await screens.JoinAsync(Role.Member, name + "-ana", "Ana", "Brazil");
        var ben = await screens.JoinAsync(Role.Member, name + "-ben", "Ben", "Kenya");
        await ana.OpenAsync(document.Id);
        await ben.OpenAsync(document.Id);
        await Expect(ana.Paragraphs).ToHaveCountAsync(operative.Length);
        await Expect(ben.Paragraphs).ToHaveCountAsync(operative.Length);
        return (document, ana, ben);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
