using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>PROTOCOL.md §2 DiffView: paragraphs followed by identity, every change kind, the first one as <c>change</c>.</summary>
public sealed class RestDiffTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task An_inserted_paragraph_is_inserted_with_its_words_marked()
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.\n\n2. Beta.");
        await using var _ = hub;
        var inserted = await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, document.Paragraphs[1].Id, ParagraphKind.Operative, "Gamma words."));

        var diff = await chair.Api.DiffAsync(document.Id, "3");

        var entry = Assert.Single(diff.Paragraphs, p => p.ParagraphId == inserted.ParagraphId);
        Assert.Equal((ChangeKind.Inserted, (string?)null, "3", (ParagraphStatus?)null, ParagraphStatus.Draft), (entry.Change, entry.FromNumber, entry.ToNumber, entry.FromStatus, entry.ToStatus));
        Assert.Equal([ChangeKind.Inserted], entry.Changes);
        Assert.Contains("<ins>", entry.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", entry.Html, StringComparison.Ordinal);
        Assert.All(diff.Paragraphs.Where(p => p != entry), p => Assert.Equal((ChangeKind.Unchanged, 0), (p.Change, p.Changes.Count)));
        Assert.Equal(new DiffSummary(1, 0, 0, 0, 0, 0, 2, 0, 0), diff.Summary);
        Assert.Equal((new DiffPoint(3, null), new DiffPoint(4, null)), (diff.From, diff.To));
    }

    [Fact]
    public async Task A_deleted_paragraph_is_deleted_in_its_old_place_and_the_ones_after_it_are_renumbered()
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.\n\n2. Beta.\n\n3. Gamma.");
        await using var _ = hub;
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, document.Paragraphs[1].Id));

        var diff = await chair.Api.DiffAsync(document.Id, "4");

        Assert.Equal(document.Paragraphs.Select(p => p.Id), diff.Paragraphs.Select(p => p.ParagraphId));
        var deleted = diff.Paragraphs[1];
        Assert.Equal((ChangeKind.Deleted, "2", (string?)null, ParagraphStatus.Draft, (ParagraphStatus?)null), (deleted.Change, deleted.FromNumber, deleted.ToNumber, deleted.FromStatus, deleted.ToStatus));
        Assert.Equal([ChangeKind.Deleted], deleted.Changes);
        Assert.Contains("<del>", deleted.Html, StringComparison.Ordinal);
        Assert.Equal((ChangeKind.Renumbered, "3", "2"), (diff.Paragraphs[2].Change, diff.Paragraphs[2].FromNumber, diff.Paragraphs[2].ToNumber));
        Assert.Equal(ChangeKind.Unchanged, diff.Paragraphs[0].Change);
        Assert.Equal(new DiffSummary(0, 1, 0, 1, 0, 0, 1, 0, 0), diff.Summary);
    }

    [Fact]
    public async Task A_move_is_one_moved_entry_not_a_deletion_and_an_insertion()
    {
        var (chair, document, hub) = await StartAsync("First text.\n\nSecond text.\n\nThird text.\n\nFourth text.", DocumentKind.Report);
        await using var _ = hub;
        var (first, fourth) = (document.Paragraphs[0], document.Paragraphs[3]);
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, fourth.Id, null));

        var diff = await chair.Api.DiffAsync(document.Id, "5");

        Assert.Equal(4, diff.Paragraphs.Count);
        Assert.Equal(fourth.Id, diff.Paragraphs[0].ParagraphId);
        var moved = Assert.Single(diff.Paragraphs, p => p.Change != ChangeKind.Unchanged);
        Assert.Equal((fourth.Id, ChangeKind.Moved), (moved.ParagraphId, moved.Change));
        Assert.Equal([ChangeKind.Moved], moved.Changes);
        Assert.DoesNotContain("<ins>", moved.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", moved.Html, StringComparison.Ordinal);
        Assert.Equal(new DiffSummary(0, 0, 1, 0, 0, 0, 3, 0, 0), diff.Summary);
        Assert.Contains(diff.Paragraphs, p => p.ParagraphId == first.Id && p.Change == ChangeKind.Unchanged);
    }

    [Fact]
    public async Task Moving_an_operative_paragraph_renumbers_it_and_the_ones_it_passed()
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.\n\n2. Beta.\n\n3. Gamma.");
        await using var _ = hub;
        var (alpha, beta, gamma) = (document.Paragraphs[0], document.Paragraphs[1], document.Paragraphs[2]);
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, beta.Id, null));

        var diff = await chair.Api.DiffAsync(document.Id, "4");
        var byId = diff.Paragraphs.ToDictionary(p => p.ParagraphId);

        Assert.Equal([beta.Id, alpha.Id, gamma.Id], diff.Paragraphs.Select(p => p.ParagraphId));
        Assert.Equal((ChangeKind.Moved, "2", "1"), (byId[beta.Id].Change, byId[beta.Id].FromNumber, byId[beta.Id].ToNumber));
        Assert.Equal([ChangeKind.Moved, ChangeKind.Renumbered], byId[beta.Id].Changes);
        Assert.Equal((ChangeKind.Renumbered, "1", "2"), (byId[alpha.Id].Change, byId[alpha.Id].FromNumber, byId[alpha.Id].ToNumber));
        Assert.Equal([ChangeKind.Renumbered], byId[alpha.Id].Changes);
        Assert.Equal(ChangeKind.Unchanged, byId[gamma.Id].Change);
        Assert.Equal(new DiffSummary(0, 0, 1, 2, 0, 0, 1, 0, 0), diff.Summary);
    }

    [Fact]
    public async Task An_edit_marks_inserted_and_deleted_words_and_counts_brackets_at_both_ends()
    {
        var (chair, document, hub) = await StartAsync("1. Recommends that [all] stakeholders [participate].");
        await using var _ = hub;
        var paragraph = document.Paragraphs[0];
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Recommends that all stakeholders take part."));

        var diff = await chair.Api.DiffAsync(document.Id, "2");

        var entry = Assert.Single(diff.Paragraphs);
        Assert.Equal((ChangeKind.Edited, "1", "1"), (entry.Change, entry.FromNumber, entry.ToNumber));
        Assert.Equal([ChangeKind.Edited], entry.Changes);
        Assert.Contains("<ins>", entry.Html, StringComparison.Ordinal);
        Assert.Contains("<del>", entry.Html, StringComparison.Ordinal);
        Assert.Contains("take", entry.Html, StringComparison.Ordinal);
        Assert.Equal(new DiffSummary(0, 0, 0, 0, 1, 0, 0, 2, 0) { BracketsClosed = 2 }, diff.Summary);
    }

    [Fact]
    public async Task A_status_change_is_status_changed_with_both_statuses()
    {
        var (chair, document, hub) = await StartAsync("1. Agreed text.\n\n2. Other text.");
        await using var _ = hub;
        var paragraph = document.Paragraphs[0];
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, paragraph.Id, paragraph.Revision, ParagraphStatus.Agreed));

        var diff = await chair.Api.DiffAsync(document.Id, "3");

        Assert.Equal((ChangeKind.StatusChanged, ParagraphStatus.Draft, ParagraphStatus.Agreed), (diff.Paragraphs[0].Change, diff.Paragraphs[0].FromStatus, diff.Paragraphs[0].ToStatus));
        Assert.Equal([ChangeKind.StatusChanged], diff.Paragraphs[0].Changes);
        Assert.Equal(new DiffSummary(0, 0, 0, 0, 0, 1, 1, 0, 0), diff.Summary);
    }

    [Fact]
    public async Task Change_is_the_first_applicable_kind_and_changes_lists_them_all_in_order()
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.\n\n2. Beta.");
        await using var _ = hub;
        var beta = document.Paragraphs[1];
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, beta.Id, beta.Revision, "Beta, edited."));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, beta.Id, edited.Revision, ParagraphStatus.AgreedAdRef));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, beta.Id, edited.Revision, ParagraphStatus.Draft));
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, beta.Id, null));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, beta.Id, edited.Revision, ParagraphStatus.Agreed));

        var diff = await chair.Api.DiffAsync(document.Id, "3");

        var entry = Assert.Single(diff.Paragraphs, p => p.ParagraphId == beta.Id);
        Assert.Equal(ChangeKind.Moved, entry.Change);
        Assert.Equal([ChangeKind.Moved, ChangeKind.Renumbered, ChangeKind.Edited, ChangeKind.StatusChanged], entry.Changes);
        Assert.Equal(new DiffSummary(0, 0, 1, 2, 1, 1, 0, 0, 0), diff.Summary);
    }

    [Fact]
    public async Task Ends_may_be_versions_labels_or_times_and_to_defaults_to_now()
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;
        var alpha = document.Paragraphs[0];
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        var edited = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, alpha.Id, alpha.Revision, "Alpha, edited."));
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2"));
        await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, alpha.Id, ParagraphKind.Operative, "Beta."));
        var events = await chair.Api.EventsAsync(document.Id);
        var editedAt = events.Single(e => e.Version == edited.Version).At.ToString("O");

        var byLabel = await chair.Api.DiffAsync(document.Id, "Rev.1", "Rev.2");
        Assert.Equal((new DiffPoint(3, "Rev.1"), new DiffPoint(5, "Rev.2")), (byLabel.From, byLabel.To));
        Assert.Equal(ChangeKind.Edited, Assert.Single(byLabel.Paragraphs).Change);

        var byTime = await chair.Api.DiffAsync(document.Id, editedAt);
        Assert.Equal((new DiffPoint(4, null), new DiffPoint(6, null)), (byTime.From, byTime.To));
        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Inserted], byTime.Paragraphs.Select(p => p.Change));

        var mixed = await chair.Api.DiffAsync(document.Id, "2", editedAt);
        Assert.Equal((2L, 4L), (mixed.From.Version, mixed.To.Version));
        Assert.Equal(ChangeKind.Edited, Assert.Single(mixed.Paragraphs).Change);

        var backwards = await chair.Api.DiffAsync(document.Id, "Rev.2", "Rev.1");
        Assert.Equal(ChangeKind.Edited, Assert.Single(backwards.Paragraphs).Change);
    }

    [Fact]
    public async Task User_markup_in_diff_html_is_escaped()
    {
        var (chair, document, hub) = await StartAsync("Plain text.", DocumentKind.Report);
        await using var _ = hub;
        var paragraph = document.Paragraphs[0];
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, paragraph.Id, paragraph.Revision, "Plain <script>alert(1)</script> text <img src=x onerror=alert(2)>."));

        var diff = await chair.Api.DiffAsync(document.Id, "2");

        var html = Assert.Single(diff.Paragraphs).Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_carries_brackets_opened_and_closed_and_proposals_decided_and_tabled_in_camel_case()
    {
        var (chair, document, hub) = await StartAsync("1. Recommends [all] stakeholders.\n\n2. Decides to act.");
        await using var _ = hub;
        var (first, second) = (document.Paragraphs[0], document.Paragraphs[1]);
        var member = await app.JoinAsync(Role.Member);
        await using var memberHub = await member.ConnectAsync();
        var tabled = await memberHub.TableProposalAsync(new TableProposalRequest(document.Id, second.Id, ProposalAction.Replace, "Decides to act now."));
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Recommends all [relevant] stakeholders [to act]."));
        await hub.DecideProposalAsync(new DecideProposalRequest(document.Id, tabled.ProposalId, ProposalDecision.Reject));
        await memberHub.TableProposalAsync(new TableProposalRequest(document.Id, first.Id, ProposalAction.Delete));

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/diff?from=Rev.1", chair.Api.Token);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var summary = json.RootElement.GetProperty("summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 1, 1, 1), (summary.GetProperty("bracketsOpened").GetInt32(), summary.GetProperty("bracketsClosed").GetInt32(),
            summary.GetProperty("proposalsDecided").GetInt32(), summary.GetProperty("proposalsTabled").GetInt32()));
        Assert.Equal((1, 2), (summary.GetProperty("openBracketsFrom").GetInt32(), summary.GetProperty("openBracketsTo").GetInt32()));
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?to=1", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?from=", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?from=0", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("?from=99", HttpStatusCode.NotFound, "not-found")]
    [InlineData("?from=1&to=99", HttpStatusCode.NotFound, "not-found")]
    [InlineData("?from=Rev.9", HttpStatusCode.NotFound, "not-found")]
    [InlineData("?from=2000-01-01T00:00:00Z", HttpStatusCode.NotFound, "not-found")]
    public async Task Bad_diff_ends_are_refused(string query, HttpStatusCode status, string code)
    {
        var (chair, document, hub) = await StartAsync("1. Alpha.");
        await using var _ = hub;

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/diff{query}", chair.Api.Token), status, code);
    }

    private async Task<(Participant Chair, DocumentView Document, DraftingConnection Hub)> StartAsync(string markdown, DocumentKind kind = DocumentKind.Recommendations)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Diffed", kind, markdown);
        return (chair, document, await chair.ConnectAsync());
    }
}
