using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// WCAG AA contrast on the views people read for hours in a meeting room: every text on the chair's
/// page, the observer's and the projector's, with every status, bracket, chip and banner they show.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContrastBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    private const string Markdown =
        "Recalling the Tunis Agenda for the Information Society,\n\n" +
        "1. Recommends [enhanced / strengthened] cooperation [on [international] public policy issues].\n\n" +
        "2. Decides to meet again.\n\n" +
        "3. Requests the secretariat to report on progress.\n\n" +
        "4. Invites comments from all stakeholders.";

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task The_chairs_page_with_brackets_statuses_presence_comments_and_the_banner_meets_AA_contrast()
    {
        var (document, member) = await NegotiatedAsync();
        await using var present = await OnParagraphAsync(member, document, 1);
        var chair = await screens.JoinAsync(Role.Chair, "contrast-chair", "Chair", "WGEC");
        await chair.OpenAsync(document.Id);
        await OpenDiscussionAsync(chair, document.Paragraphs[4].Id);
        await Expect(chair.Paragraph(document.Paragraphs[1].Id).Locator(".who")).ToHaveTextAsync("Kenya");
        await chair.Page.Locator("select#changes-since").SelectOptionAsync("Rev.1");
        await Expect(chair.Page.Locator("#changes ins").First).ToBeVisibleAsync();
        await chair.Page.Locator("button[data-action=follow-me]").ClickAsync();
        await Expect(chair.Page.Locator(".notice")).ToBeVisibleAsync();

        await chair.AssertAaContrastAsync("chair-document", null,
            "header.topbar .me", "#connection", ".bracket", ".badge.status.agreed", ".badge.status.agreed-ad-ref", ".badge.brackets",
            ".who", "#presence li", ".comment-text", ".proposed-text", "#changes ins", ".notice", "button[data-action=agree]",
            "button[aria-pressed=true]", ".tick-label");

        // The confirmation the chair reads before agreeing.
        await chair.Action(document.Paragraphs[4].Id, "agree").ClickAsync();
        await Expect(chair.Page.Locator("dialog.confirm")).ToBeVisibleAsync();
        await chair.AssertAaContrastAsync("chair-confirm", "dialog.confirm", "dialog.confirm p", "dialog.confirm button.primary");
        Assert.Empty(chair.ScriptErrors);
    }

    [Fact]
    public async Task The_observers_page_meets_AA_contrast()
    {
        var (document, member) = await NegotiatedAsync();
        await using var present = await OnParagraphAsync(member, document, 2);
        var observer = await screens.JoinAsync(Role.Observer, "contrast-observer", "Observer", "Holy See");
        await observer.OpenAsync(document.Id);
        await OpenDiscussionAsync(observer, document.Paragraphs[4].Id);
        await Expect(observer.Paragraph(document.Paragraphs[2].Id).Locator(".who")).ToHaveTextAsync("Kenya");

        await observer.AssertAaContrastAsync("observer-document", null,
            "#connection", ".bracket", ".badge.status.agreed", ".badge.status.agreed-ad-ref", ".who", ".comment-text", ".proposed-text", ".observers");
        Assert.Empty(observer.ScriptErrors);
    }

    [Fact]
    public async Task The_projector_view_meets_AA_contrast_on_the_current_paragraph_and_the_others()
    {
        var (document, _) = await NegotiatedAsync();
        var projector = await screens.JoinAsync(Role.Observer, "contrast-projector", "Room XX", "Secretariat screen");
        await projector.OpenAsync(document.Id, "?view=projector");
        var chair = await app.JoinAsync(Role.Chair);
        await using var hub = await chair.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        await hub.FollowMeAsync(new FollowMeRequest(document.Id, document.Paragraphs[1].Id));
        await Expect(projector.Paragraph(document.Paragraphs[1].Id)).ToContainClassAsync("current");

        await projector.AssertAaContrastAsync("projector", null,
            "article.paragraph.current .text *", "article.paragraph:not(.current) .text *", ".bracket", ".badge.status.agreed", "#connection");
        Assert.Empty(projector.ScriptErrors);
    }

    [Fact]
    public async Task The_connection_banner_and_unsent_text_meet_AA_contrast_while_the_server_is_down()
    {
        var (document, _) = await NegotiatedAsync();
        var member = await screens.JoinAsync(Role.Member, "contrast-offline", "Ana", "Brazil");
        await member.OpenAsync(document.Id);
        await Expect(member.Connection).ToHaveAttributeAsync("data-status", "connected");
        await member.AssertAaContrastAsync("banner-connected", "#connection", "#connection");

        await app.StopAsync();
        try
        {
            await Expect(member.Connection).Not.ToHaveAttributeAsync("data-status", "connected");
            var editor = await member.EditAsync(document.Paragraphs[4].Id);
            await editor.PressAsync("Backspace");
            await editor.PressSequentiallyAsync(" and observers.");
            await editor.PressAsync("Escape");
            await Expect(member.Pending).ToHaveCountAsync(1);
            await Expect(member.Connection.Locator(".waiting")).ToBeVisibleAsync();

            await member.AssertAaContrastAsync("banner-down", null, "#connection", "#connection .waiting", ".unsent .label", ".unsent .mine", ".sending");
        }
        finally
        {
            await app.StartAsync();
        }
        await Expect(member.Connection).ToHaveAttributeAsync("data-status", "connected");
        await Expect(member.Pending).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A document mid-negotiation: brackets (nested) in 1, 2 agreed, 3 agreed ad ref, a comment and an
    /// amendment by Kenya on 4, and a revision Rev.1 before 1 changed.
    /// </summary>
    private async Task<(DocumentView Document, Participant Member)> NegotiatedAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member, "Ben", "Kenya");
        var document = await chair.Api.CreateDocumentAsync("Readable", DocumentKind.Recommendations, Markdown, "WGEC/2025/L.1");
        var p = document.Paragraphs;
        await using (var hub = await chair.ConnectAsync())
        {
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
            await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, p[2].Id, p[2].Revision, ParagraphStatus.Agreed));
            await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, p[3].Id, p[3].Revision, ParagraphStatus.AgreedAdRef));
        }
        await using (var hub = await member.ConnectAsync())
        {
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, p[1].Id, p[1].Revision, p[1].Text.Replace("Recommends", "Strongly recommends", StringComparison.Ordinal)));
            await hub.AddCommentAsync(new AddCommentRequest(document.Id, p[4].Id, "Kenya would add the technical community."));
            await hub.TableProposalAsync(new TableProposalRequest(document.Id, p[4].Id, ProposalAction.Replace, "Invites comments from all stakeholders, including the technical community."));
        }
        return (document, member);
    }

    /// <summary>The member's hub connection, in the document and on its paragraph <paramref name="index"/>: a presence chip for the others.</summary>
    private static async Task<DraftingConnection> OnParagraphAsync(Participant member, DocumentView document, int index)
    {
        var hub = await member.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(document.Id));
        await hub.SetFocusAsync(new SetFocusRequest(document.Id, document.Paragraphs[index].Id));
        return hub;
    }

    private static async Task OpenDiscussionAsync(Screen screen, Guid paragraphId)
    {
        foreach (var kind in new[] { "comments", "proposals" })
        {
            await screen.Paragraph(paragraphId).Locator($"details.{kind} > summary").ClickAsync();
            await Expect(screen.Paragraph(paragraphId).Locator($"details.{kind}")).ToHaveAttributeAsync("open", "");
        }
        await Expect(screen.Paragraph(paragraphId).Locator(".comment-text")).ToBeVisibleAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
