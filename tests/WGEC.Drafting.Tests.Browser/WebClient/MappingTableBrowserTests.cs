using Microsoft.Playwright;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WGEC.Drafting.Tests.WebClient;

/// <summary>
/// An annex's mapping table in the web client (issue 10): co-edited cell by cell, live for observers,
/// rows merged, filtered and sorted, and cited from a paragraph of another document.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MappingTableBrowserTests(Chromium chromium, DraftingApp app) : IClassFixture<DraftingApp>, IAsyncLifetime
{
    /// <summary>Whatever would let an observer write: cell editors, row selection, the table's and the paragraphs' write buttons.</summary>
    private const string EditControls =
        "table.mapping-table input, table.mapping-table textarea, table.mapping-table td[tabindex], " +
        "button[data-action=add-row], button[data-action=merge-rows], button[data-action=insert-row-after], button[data-action=delete-row], " +
        "button[data-action=cite-evidence], button[data-action=unlink-evidence], button[data-choice]";

    private static readonly RowFields[] Sample =
    [
        new("Spam", "Security", "Threats", "Filtering at the provider", "open"),
        new("Phishing", "Security", "Threats", "Awareness campaigns", "closed"),
        new("Botnets", "Infrastructure", "Threats", "Takedowns with CERTs", "open"),
    ];

    private readonly Screens screens = new(chromium, app);

    [Fact]
    public async Task Two_members_editing_different_fields_of_the_same_row_at_once_both_see_both_changes()
    {
        var (annex, rows) = await AnnexAsync("coedit");
        var ana = await screens.JoinAsync(Role.Member, "table-ana", "Ana", "Brazil");
        var ben = await screens.JoinAsync(Role.Member, "table-ben", "Ben", "Kenya");
        await OpenTableAsync(ana, annex.Id, 3);
        await OpenTableAsync(ben, annex.Id, 3);

        // Both inputs are open on revision of the same row before either change is sent.
        var anaInput = await EditCellAsync(ana, rows[0], "issue");
        var benInput = await EditCellAsync(ben, rows[0], "status");
        await anaInput.FillAsync("Spam and scams");
        await benInput.FillAsync("in progress");
        await Task.WhenAll(anaInput.PressAsync("Enter"), benInput.PressAsync("Enter"));

        foreach (var screen in new[] { ana, ben })
        {
            await Expect(Cell(screen, rows[0], "issue")).ToHaveTextAsync("Spam and scams");
            await Expect(Cell(screen, rows[0], "status")).ToHaveTextAsync("in progress");
            await Expect(Cell(screen, rows[0], "category")).ToHaveTextAsync("Security");
            await Expect(screen.Page.Locator("td[data-conflict], td[data-pending], .cell-editor")).ToHaveCountAsync(0);
        }
        var stored = await ana.Participant.Api.DocumentAsync(annex.Id);
        var fields = stored.Paragraphs.Single(p => p.Id == rows[0]).Fields;
        Assert.Equal(new RowFields("Spam and scams", "Security", "Threats", "Filtering at the provider", "in progress"), fields);
        await Expect(ana.Version).ToHaveTextAsync(stored.Version.ToString());
        await Expect(ben.Version).ToHaveTextAsync(stored.Version.ToString());
        await ana.ScreenshotAsync("table-member");
        Assert.Empty(ana.ScriptErrors);
        Assert.Empty(ben.ScriptErrors);
    }

    [Fact]
    public async Task A_conflicting_cell_keeps_the_typed_value_beside_the_current_one_until_re_applied()
    {
        var (annex, rows) = await AnnexAsync("conflict");
        var other = await app.JoinAsync(Role.Member, delegation: "Chile");
        var member = await screens.JoinAsync(Role.Member, "conflict-member", "Ana", "Brazil");
        await OpenTableAsync(member, annex.Id, 3);

        var input = await EditCellAsync(member, rows[0], "issue");
        await input.FillAsync("Spam and scams");
        // Someone else changes the same field while the input is open: the base the cell was opened at is now stale.
        await using (var hub = await other.ConnectAsync())
        {
            await hub.JoinDocumentAsync(new JoinDocumentRequest(annex.Id));
            var row = (await other.Api.DocumentAsync(annex.Id)).Paragraphs[0];
            var edited = await hub.EditRowAsync(new EditRowRequest(annex.Id, rows[0], row.Revision, new RowFields(Issue: "Unsolicited e-mail")));
            Assert.Equal(Outcome.Applied, edited.Outcome);
        }
        await Expect(input).ToHaveValueAsync("Spam and scams"); // the live update did not touch the open input
        await input.PressAsync("Enter");

        var cell = Row(member, rows[0]).Locator("td[data-field=issue]");
        await Expect(cell).ToHaveAttributeAsync("data-conflict", "");
        await Expect(cell.Locator(".value")).ToHaveTextAsync("Unsolicited e-mail");
        await Expect(cell.Locator(".kept-value")).ToHaveTextAsync("Spam and scams");
        await member.AssertAaContrastAsync("table-conflict", "table.mapping-table", ".cell-kept .kept-value", ".cell-kept button", "td[data-field] .value");

        await cell.Locator("button[data-choice=reapply]").ClickAsync();
        await Expect(cell.Locator(".value")).ToHaveTextAsync("Spam and scams");
        await Expect(member.Page.Locator("td[data-conflict], td[data-pending]")).ToHaveCountAsync(0);
        var stored = await member.Participant.Api.DocumentAsync(annex.Id);
        Assert.Equal("Spam and scams", stored.Paragraphs[0].Fields?.Issue);
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task An_observer_sees_a_members_cell_edit_live_and_has_no_edit_controls()
    {
        var (annex, rows) = await AnnexAsync("observed");
        var member = await screens.JoinAsync(Role.Member, "table-member", "Ana", "Brazil");
        var observer = await screens.JoinAsync(Role.Observer, "table-observer", "Olga", "Holy See");
        await OpenTableAsync(member, annex.Id, 3);
        await OpenTableAsync(observer, annex.Id, 3);
        // The same selectors find the controls on the member's screen: the observer's zero below means something.
        await Expect(member.Page.Locator(EditControls)).Not.ToHaveCountAsync(0);

        var input = await EditCellAsync(member, rows[1], "activities");
        await input.FillAsync("Awareness campaigns and reporting buttons");
        await input.PressAsync("Enter");

        await Expect(Cell(observer, rows[1], "activities")).ToHaveTextAsync("Awareness campaigns and reporting buttons");
        await Cell(observer, rows[1], "issue").ClickAsync();
        await Cell(observer, rows[1], "issue").PressAsync("Enter");
        await observer.SettleAsync();
        await Expect(observer.Page.Locator(EditControls)).ToHaveCountAsync(0);
        await Expect(observer.Page.Locator("#announcer")).ToHaveAttributeAsync("aria-live", "polite");
        await observer.ScreenshotAsync("table-observer");
        Assert.Empty(observer.ScriptErrors);
    }

    [Fact]
    public async Task Merging_two_rows_in_the_table_leaves_one_row_fewer_and_renumbers_on_another_screen()
    {
        var (annex, rows) = await AnnexAsync("merge");
        var member = await screens.JoinAsync(Role.Member, "merge-member", "Ana", "Brazil");
        var other = await screens.JoinAsync(Role.Observer, "merge-other", "Olga", "Holy See");
        await OpenTableAsync(member, annex.Id, 3);
        await OpenTableAsync(other, annex.Id, 3);

        await Row(member, rows[0]).Locator("input.select-row").CheckAsync();
        await Row(member, rows[1]).Locator("input.select-row").CheckAsync();
        await member.Page.Locator("button[data-action=merge-rows]").ClickAsync();
        var dialog = member.Page.Locator("dialog.row-fields");
        await Expect(dialog.Locator("input[name=issue]")).ToHaveValueAsync("Spam"); // prefilled from the first
        await dialog.Locator("input[name=issue]").FillAsync("Spam and phishing");
        await dialog.Locator("button[value=confirm]").ClickAsync();

        foreach (var screen in new[] { member, other })
        {
            await Expect(TableRows(screen)).ToHaveCountAsync(2);
            await Expect(Row(screen, rows[1])).ToHaveCountAsync(0);
            await Expect(Cell(screen, rows[0], "issue")).ToHaveTextAsync("Spam and phishing");
            await Expect(Row(screen, rows[0]).Locator(".merges")).ToHaveTextAsync("merges 2 items");
            await Expect(Row(screen, rows[2]).Locator(".row-number")).ToHaveTextAsync("2");
        }
        var stored = await member.Participant.Api.DocumentAsync(annex.Id);
        Assert.Equal([rows[0], rows[2]], stored.Paragraphs.Select(p => p.Id));
        Assert.Equal([rows[1]], stored.Paragraphs[0].MergedFrom);
        Assert.Empty(member.ScriptErrors);
        Assert.Empty(other.ScriptErrors);
    }

    [Fact]
    public async Task Filtering_and_sorting_change_the_visible_rows_and_their_order()
    {
        var (annex, rows) = await AnnexAsync("filter");
        var member = await screens.JoinAsync(Role.Member, "filter-member");
        await OpenTableAsync(member, annex.Id, 3);
        var filter = member.Page.Locator("#row-filter");

        await filter.FillAsync("security");
        await Expect(TableRows(member)).ToHaveCountAsync(2);
        await Expect(member.Page.Locator("#row-count")).ToHaveTextAsync("Showing 2 of 3 rows");
        await filter.FillAsync("security closed");
        await Expect(TableRows(member)).ToHaveCountAsync(1);
        await Expect(Row(member, rows[1])).ToHaveCountAsync(1);
        await filter.FillAsync("");
        await Expect(TableRows(member)).ToHaveCountAsync(3);

        var issue = member.Page.Locator("th[data-column=issue]");
        await issue.Locator("button").ClickAsync();
        await Expect(issue).ToHaveAttributeAsync("aria-sort", "ascending");
        await ExpectOrderAsync(member, rows[2], rows[1], rows[0]); // Botnets, Phishing, Spam
        await issue.Locator("button").PressAsync("Enter");
        await Expect(issue).ToHaveAttributeAsync("aria-sort", "descending");
        await ExpectOrderAsync(member, rows[0], rows[1], rows[2]);
        await member.Page.Locator("th[data-column=number] button").ClickAsync();
        await Expect(issue).Not.ToHaveAttributeAsync("aria-sort", new System.Text.RegularExpressions.Regex("."));
        await Expect(member.Page.Locator("th[data-column=number]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await ExpectOrderAsync(member, rows[0], rows[1], rows[2]);
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task A_member_cites_a_row_from_a_paragraph_and_the_row_shows_who_cites_it()
    {
        var (annex, rows) = await AnnexAsync("cited");
        var chair = await app.JoinAsync(Role.Chair);
        var report = await chair.Api.CreateDocumentAsync("Report citing the mapping", DocumentKind.Report,
            "1. Spam and phishing remain the most reported threats.");
        var paragraph = report.Paragraphs[0].Id;
        var member = await screens.JoinAsync(Role.Member, "cite-member", "Ana", "Brazil");
        await member.OpenAsync(report.Id);

        await member.Action(paragraph, "cite-evidence").ClickAsync();
        var dialog = member.Page.Locator("dialog.cite");
        await dialog.Locator("select[name=source]").SelectOptionAsync($"row:{annex.Id}");
        // Every annex of this class has three rows: wait for this one's.
        await Expect(dialog.Locator($"input[type=radio][value=\"row:{rows[0]}\"]")).ToHaveCountAsync(1);
        await Expect(dialog.Locator("label.choice")).ToHaveCountAsync(3);
        await dialog.Locator("input[name=search]").FillAsync("phish");
        await Expect(dialog.Locator("label.choice:visible")).ToHaveCountAsync(1);
        await dialog.Locator("label.choice:visible input[type=radio]").CheckAsync();
        await dialog.Locator("button[value=confirm]").ClickAsync();

        var chip = member.Paragraph(paragraph).Locator($".evidence-chip[data-evidence-id=\"{rows[1]}\"]");
        await Expect(chip).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Cites: Phishing \(row 2\)"));
        await member.AssertAaContrastAsync("evidence-chip", $"#p-{paragraph}", ".evidence-chip a", ".evidence-chip button");
        var stored = await member.Participant.Api.DocumentAsync(report.Id);
        var cited = Assert.Single(stored.Paragraphs[0].Evidence);
        Assert.Equal((EvidenceKind.Row, rows[1], annex.Id), (cited.Kind, cited.Id, cited.SourceId));

        await chip.Locator("a").ClickAsync();
        await Expect(member.Page).ToHaveURLAsync(new Uri(app.BaseAddress, $"documents/{annex.Id}#p-{rows[1]}").ToString());
        await Expect(Row(member, rows[1])).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("targeted"));
        var citing = Row(member, rows[1]).Locator($".cited-by a[data-citing=\"{paragraph}\"]");
        await Expect(citing).ToHaveTextAsync("Report citing the mapping, paragraph 1");
        await Expect(Row(member, rows[0]).Locator(".cited-by a")).ToHaveCountAsync(0);

        await citing.ClickAsync();
        await Expect(member.Page).ToHaveURLAsync(new Uri(app.BaseAddress, $"documents/{report.Id}#p-{paragraph}").ToString());
        await Expect(chip).ToBeVisibleAsync();
        Assert.Empty(member.ScriptErrors);
    }

    [Fact]
    public async Task An_annex_already_open_shows_new_citations_from_another_document_without_a_reload_and_keeps_the_typing()
    {
        var (annex, rows) = await AnnexAsync("cited-live");
        var chair = await app.JoinAsync(Role.Chair);
        var report = await chair.Api.CreateDocumentAsync("Report citing live", DocumentKind.Report,
            "1. Spam remains the most reported threat.\n\n2. Botnets follow.");
        var (first, second) = (report.Paragraphs[0].Id, report.Paragraphs[1].Id);
        var observer = await screens.JoinAsync(Role.Observer, "cited-live-observer", "Oli", "ISOC");
        var member = await screens.JoinAsync(Role.Member, "cited-live-member", "Ana", "Brazil");
        await OpenTableAsync(observer, annex.Id, 3);
        await OpenTableAsync(member, annex.Id, 3);
        var version = await member.Version.TextContentAsync();
        // A page that reloads loses this: the citations must arrive in the page as it is.
        foreach (var screen in new[] { observer, member })
            await screen.Page.EvaluateAsync("() => { window.notReloaded = true; }");
        var input = await EditCellAsync(member, rows[0], "issue");
        await input.FillAsync("Spam and sc");

        var citing = await app.JoinAsync(Role.Member, delegation: "Kenya");
        await using (var hub = await citing.ConnectAsync())
        {
            // A burst: three citations at once, then one taken back.
            await hub.LinkEvidenceAsync(new EvidenceRequest(report.Id, first, EvidenceKind.Row, rows[0]));
            await hub.LinkEvidenceAsync(new EvidenceRequest(report.Id, second, EvidenceKind.Row, rows[2]));
            await hub.LinkEvidenceAsync(new EvidenceRequest(report.Id, second, EvidenceKind.Row, rows[0]));
            foreach (var screen in new[] { observer, member })
            {
                await Expect(Row(screen, rows[0]).Locator(".cited-by a")).ToHaveTextAsync(["Report citing live, paragraph 1", "Report citing live, paragraph 2"]);
                await Expect(Row(screen, rows[2]).Locator($".cited-by a[data-citing=\"{second}\"]")).ToHaveTextAsync("Report citing live, paragraph 2");
                await Expect(Row(screen, rows[1]).Locator(".cited-by a")).ToHaveCountAsync(0);
            }

            await hub.UnlinkEvidenceAsync(new EvidenceRequest(report.Id, first, EvidenceKind.Row, rows[0]));
            foreach (var screen in new[] { observer, member })
                await Expect(Row(screen, rows[0]).Locator(".cited-by a")).ToHaveTextAsync(["Report citing live, paragraph 2"]);
        }

        // Nothing was written to the annex itself; the person typing in a cell of the cited row kept the input, its focus and the text.
        await Expect(member.Version).ToHaveTextAsync(version!);
        await Expect(input).ToBeFocusedAsync();
        await Expect(input).ToHaveValueAsync("Spam and sc");
        await input.PressSequentiallyAsync("ams");
        await input.PressAsync("Enter");
        await Expect(Cell(member, rows[0], "issue")).ToHaveTextAsync("Spam and scams");
        await Expect(Cell(observer, rows[0], "issue")).ToHaveTextAsync("Spam and scams");
        foreach (var screen in new[] { observer, member })
        {
            Assert.True(await screen.Page.EvaluateAsync<bool>("() => window.notReloaded === true"), $"{screen.Name} reloaded");
            Assert.Empty(screen.ScriptErrors);
        }
    }

    /// <summary>An annex with the three sample rows, made by the chair over the hub; returns the row ids in order.</summary>
    private async Task<(DocumentView Annex, Guid[] Rows)> AnnexAsync(string name)
    {
        var chair = await app.JoinAsync(Role.Chair);
        var annex = await chair.Api.CreateDocumentAsync("Mapping of issues " + name, DocumentKind.Annex);
        await using var hub = await chair.ConnectAsync();
        await hub.JoinDocumentAsync(new JoinDocumentRequest(annex.Id));
        var ids = new List<Guid>();
        foreach (var fields in Sample)
        {
            var inserted = await hub.InsertParagraphAsync(new InsertParagraphRequest(
                annex.Id, ids.Count == 0 ? null : ids[^1], ParagraphKind.Row, null, Fields: fields));
            ids.Add(inserted.ParagraphId);
        }
        return (annex, [.. ids]);
    }

    private static async Task OpenTableAsync(Screen screen, Guid annexId, int rows)
    {
        await screen.OpenAsync(annexId);
        await Expect(TableRows(screen)).ToHaveCountAsync(rows);
    }

    private static ILocator TableRows(Screen screen) => screen.Page.Locator("table.mapping-table tbody tr[data-paragraph-id]");

    private static ILocator Row(Screen screen, Guid id) => screen.Page.Locator($"table.mapping-table tr[data-paragraph-id=\"{id}\"]");

    private static ILocator Cell(Screen screen, Guid id, string field) => Row(screen, id).Locator($"td[data-field={field}] .value");

    /// <summary>Activates a cell by keyboard (focus, Enter) and waits for its focused input.</summary>
    private static async Task<ILocator> EditCellAsync(Screen screen, Guid id, string field)
    {
        var cell = Row(screen, id).Locator($"td[data-field={field}]");
        await cell.FocusAsync();
        await cell.PressAsync("Enter");
        var input = cell.Locator(".cell-editor");
        await Expect(input).ToBeFocusedAsync();
        return input;
    }

    private static async Task ExpectOrderAsync(Screen screen, params Guid[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
            await Expect(TableRows(screen).Nth(i)).ToHaveAttributeAsync("data-paragraph-id", ids[i].ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await screens.DisposeAsync();
}
