using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// The document page fits a laptop's screen: no horizontal scrolling at 1280×800 (WCAG 1.4.10), with
/// everything a busy document shows open. A screen-reader table once widened it to 1795 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>The page's width against the window's, and the elements that reach past it, rightmost first.</summary>
    private const string Overflow = """
        () => {
          const root = document.documentElement;
          const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "");
          const wide = [...document.querySelectorAll("body *")]
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.right > root.clientWidth + 0.5)
            .sort((a, b) => b.box.right - a.box.right)
            .slice(0, 8)
            .map(({ el, box }) => `${name(el.parentElement)} > ${name(el)} (left ${Math.round(box.left)}, width ${Math.round(box.width)}, right ${Math.round(box.right)})`);
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
        }
        """;

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_chairs_busy_document_page_has_no_horizontal_scrolling_at_1280_by_800()
    {
        var document = await BusyDocumentAsync();
        var chair = await screens.JoinAsync(Role.Chair, "layout-chair", "Chair", "WGEC");
        await chair.Page.SetViewportSizeAsync(1280, 800);
        await chair.OpenAsync(document.Id);
        await Expect(chair.Page.Locator("#progress svg")).ToBeVisibleAsync();
        await Expect(chair.Page.Locator("#progress table tbody tr")).ToHaveCountAsync(document.Revisions.Count + 2);
        var discussed = document.Paragraphs[1].Id;
        foreach (var kind in new[] { "comments", "proposals" })
            await chair.Paragraph(discussed).Locator($"details.{kind} > summary").ClickAsync();
        await Expect(chair.Paragraph(discussed).Locator(".comment-text")).ToBeVisibleAsync();
        await chair.Page.Locator("select#changes-since").SelectOptionAsync("Rev.1");
        await Expect(chair.Page.Locator("#changes ins").First).ToBeVisibleAsync();

        await AssertNoHorizontalScrollingAsync(chair, "layout-chair");

        // The same page scrubbed back to an earlier version.
        await chair.Page.Locator("input#timeslider").FillAsync("3");
        await Expect(chair.Page.Locator("#snapshot")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollingAsync(chair, "layout-chair-snapshot");
        Assert.Empty(chair.ScriptErrors);
    }

    [Fact]
    public async Task The_observers_busy_document_page_has_no_horizontal_scrolling_at_1280_by_800()
    {
        var document = await BusyDocumentAsync();
        var observer = await screens.JoinAsync(Role.Observer, "layout-observer", "Observer", "Holy See");
        await observer.Page.SetViewportSizeAsync(1280, 800);
        await observer.OpenAsync(document.Id);
        await Expect(observer.Page.Locator("#progress table tbody tr")).ToHaveCountAsync(document.Revisions.Count + 2);
        await observer.Paragraph(document.Paragraphs[1].Id).Locator("details.comments > summary").ClickAsync();

        await AssertNoHorizontalScrollingAsync(observer, "layout-observer");
        Assert.Empty(observer.ScriptErrors);
    }

    private static async Task AssertNoHorizontalScrollingAsync(Screen screen, string name)
    {
        await screen.SettleAsync();
        await screen.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = await screen.ScreenshotAsync(name);
        var measured = await screen.Page.EvaluateAsync<OverflowMeasure>(Overflow);
        Assert.True(measured.ScrollWidth <= measured.ClientWidth,
            $"{name}: the page is {measured.ScrollWidth}px wide in a {measured.ClientWidth}px window ({path}); reaching past it:\n  " +
            string.Join("\n  ", measured.Wide));
    }

    /// <summary>
    /// A document late in the negotiation, as wide as it gets: a long symbol, six revisions and a
    /// meeting (a long progress table), a long link, comments and an amendment, brackets, statuses.
    /// </summary>
    private async Task<DocumentView> BusyDocumentAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, "Ben", "Kenya");
        var document = await chair.Api.CreateDocumentAsync("Draft recommendations of the Working Group on Enhanced Cooperation on public policy issues pertaining to the Internet",
            DocumentKind.Recommendations,
            "Recalling the Tunis Agenda for the Information Society, in particular paragraphs 68 to 71,\n\n" +
            "1. Recommends [enhanced / strengthened] cooperation [on [international] public policy issues pertaining to the Internet].\n\n" +
            "2. Takes note of the report of the Secretary-General (https://documents.un.org/api/symbol/access?s=A/78/62-E/2023/49&l=en&t=pdf).\n\n" +
            "3. Decides to meet again at its next session.",
            "E/CN.16/2025/WG.EC/CRP.1/Rev.6");
        var p = document.Paragraphs;
        await using (var hub = await chair.ConnectAsync())
        {
            await hub.OpenMeetingAsync(new OpenMeetingRequest(document.Id, "Second session of the Working Group, Geneva, 12 May 2025"));
            for (var i = 1; i <= 6; i++)
                await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, $"Rev.{i}", $"Revision {i} as circulated to delegations"));
            await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, p[3].Id, p[3].Revision, ParagraphStatus.Agreed));
        }
        await using (var hub = await member.ConnectAsync())
        {
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, p[1].Id, p[1].Revision, p[1].Text.Replace("Recommends", "Strongly recommends", StringComparison.Ordinal)));
            await hub.AddCommentAsync(new AddCommentRequest(document.Id, p[1].Id,
                "Kenya would prefer “strengthened”; see E/CN.16/2025/WG.EC/CRP.1/Rev.6, annex II, and https://unctad.org/topic/commission-on-science-and-technology-for-development"));
            await hub.TableProposalAsync(new TableProposalRequest(document.Id, p[1].Id, ProposalAction.Replace,
                "Recommends strengthened cooperation on international public policy issues pertaining to the Internet, including the technical community."));
        }
        return await chair.Api.DocumentAsync(document.Id);
    }

    /// <summary>Filled by Playwright, which needs a parameterless constructor.</summary>
    private sealed class OverflowMeasure
    {
        public int ScrollWidth { get; set; }
        public int ClientWidth { get; set; }
        public string[] Wide { get; set; } = [];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
