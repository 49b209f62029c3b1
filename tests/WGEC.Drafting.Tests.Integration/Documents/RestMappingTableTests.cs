using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Evidence;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>
/// The mapping table over REST (issue 10): the working group's sample table imported from CSV into an annex, live to
/// joined clients; listed filtered and sorted; exported as CSV, HTML and Word tables; and the imports that are refused.
/// </summary>
public sealed class RestMappingTableTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const string Header = "No,Issue,Category,Grouping,Activities and approaches,Status";
    private static readonly string Sample = Samples.Read("mapping.csv");

    /// <summary>The sample's rows, read without the server's CSV reader.</summary>
    private static readonly IReadOnlyList<RowFields> SampleRows = MappingTable.SampleRows();

    [Fact]
    public async Task The_sample_table_is_imported_as_twenty_rows_numbered_one_to_twenty_and_a_joined_member_gets_them_live()
    {
        var (chair, annex) = await AnnexAsync();
        var member = await app.JoinAsync(Role.Member, delegation: "Kenya");
        await using var hub = await member.ConnectAsync();
        var replica = Replica.From((await hub.JoinDocumentAsync(new JoinDocumentRequest(annex.Id))).Document!);

        var imported = await chair.Api.ImportRowsCsvAsync(annex.Id, Sample);

        Assert.Equal(new ImportRowsResult(annex.Version + 20, 20), imported);
        await Wait.UntilAsync(() =>
        {
            while (hub.Applied.TryRead(out var envelope))
                replica.Apply(envelope);
            return Task.FromResult(replica.Version == imported.Version);
        });
        var view = await chair.Api.DocumentAsync(annex.Id);
        var rows = view.Paragraphs.Where(p => p.Kind == ParagraphKind.Row).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Number));
        Assert.Equal(SampleRows, rows.Select(r => r.Fields!));
        Assert.Equal(ParagraphKind.Heading, view.Paragraphs[0].Kind);
        Assert.Equal(Replica.From(view).DescribeFully(), replica.DescribeFully());
        Assert.Equal(SampleRows, replica.Order.Select(id => replica.Paragraphs[id].Fields).OfType<RowFields>());
    }

    [Fact]
    public async Task The_csv_export_gives_back_the_sample_rows_and_imports_again_as_the_same_table()
    {
        var (chair, annex) = await AnnexAsync();
        await chair.Api.ImportRowsCsvAsync(annex.Id, Sample);

        using var response = await app.Api().Http.GetAsync($"api/documents/{annex.Id}/export?format=csv", chair.Api.Token);
        var csv = await response.Content.ReadAsStringAsync();
        var copy = await chair.Api.CreateDocumentAsync("Copy of the mapping", DocumentKind.Annex);
        await chair.Api.ImportRowsCsvAsync(copy.Id, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        // Quoted only where it must be: the sample's quotes around the activities were not needed.
        Assert.Equal(Sample.Replace("\"", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries), csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            (await chair.Api.RowsAsync(annex.Id)).Select(r => (r.Number, r.Fields)),
            (await chair.Api.RowsAsync(copy.Id)).Select(r => (r.Number, r.Fields)));
    }

    [Fact]
    public async Task Rows_are_filtered_by_any_field_and_sorted_by_several_keys()
    {
        var (chair, annex) = await AnnexAsync();
        await chair.Api.ImportRowsCsvAsync(annex.Id, Sample);
        var all = await chair.Api.RowsAsync(annex.Id);
        var observer = await app.JoinAsync(Role.Observer);

        async Task<string[]> Numbers(params (string, string)[] query) =>
            [.. (await observer.Api.RowsAsync(annex.Id, DraftingApi.RowsQuery(query))).Select(r => r.Number!)];

        Assert.Equal(20, all.Length);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Select(r => r.Number));
        Assert.Equal((await chair.Api.DocumentAsync(annex.Id)).Paragraphs.Skip(1).Select(p => p.Id), all.Select(r => r.Id));
        Assert.Equal(["5", "9", "10"], await Numbers(("category", "Human rights")));
        Assert.Equal(["5", "10"], await Numbers(("category", "human RIGHTS"), ("grouping", "social")));
        Assert.Equal(["1", "4", "8", "11", "15", "20"], await Numbers(("q", "infrastructure")));
        Assert.Equal(["4", "20", "1", "11", "8"], await Numbers(("grouping", "Infrastructure"), ("sort", "status,-issue")));
        Assert.Equal(["4", "20", "1"], await Numbers(("category", "Critical Internet"), ("sort", "-issue")));
        Assert.Equal(["20", "19", "18"], (await Numbers(("sort", "-number"))).Take(3));
        Assert.Equal(["9", "2"], await Numbers(("activities", "council of europe"), ("status", "Partially"), ("sort", "-category")));
        var unknown = await observer.Api.Http.GetAsync($"api/documents/{annex.Id}/rows?colour=red", observer.Api.Token);
        Assert.Contains("'colour' is not a parameter", await Problem.AssertAsync(unknown, HttpStatusCode.BadRequest, "invalid"), StringComparison.Ordinal);
        var badKey = await observer.Api.Http.GetAsync($"api/documents/{annex.Id}/rows?sort=issue,colour", observer.Api.Token);
        Assert.Contains("sort key 'colour'", await Problem.AssertAsync(badKey, HttpStatusCode.BadRequest, "invalid"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_export_has_one_table_of_twenty_rows_under_the_six_headings_with_every_field_encoded()
    {
        var (chair, annex) = await AnnexAsync();
        await chair.Api.ImportRowsCsvAsync(annex.Id, Sample.Replace(",Cybercrime,", ",<script>alert('row')</script>,", StringComparison.Ordinal));

        using var response = await app.Api().Http.GetAsync($"api/documents/{annex.Id}/export?format=html", chair.Api.Token);
        var html = await response.Content.ReadAsStringAsync();
        using var page = new HtmlParser().ParseDocument(html);

        var table = Assert.Single(page.QuerySelectorAll("table"));
        Assert.Equal(Header.Split(','), table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var body = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(20, body.Count);
        Assert.Equal(["2", "Combating cybercrime", "<script>alert('row')</script>", "Security", "Council of Europe Convention; UNODC expert group", "Partially addressed"], body[1]);
        Assert.Equal(SampleRows.Skip(2).Select(r => r.Issue), body.Skip(2).Select(cells => cells[1]));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal("Issues raised in the questionnaire", page.QuerySelector("main h1")?.TextContent);
    }

    [Fact]
    public async Task The_word_export_has_one_valid_table_of_a_header_row_and_twenty_rows()
    {
        var (chair, annex) = await AnnexAsync();
        await chair.Api.ImportRowsCsvAsync(annex.Id, Sample);

        using var response = await app.Api().Http.GetAsync($"api/documents/{annex.Id}/export?format=docx", chair.Api.Token);
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Description} at {e.Path?.XPath}")));
        var table = Assert.Single(word.MainDocumentPart!.Document!.Body!.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(21, rows.Count);
        Assert.Equal(Header.Split(','), rows[0]);
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(SampleRows.Select((r, i) => new[] { $"{i + 1}", r.Issue!, r.Category!, r.Grouping!, r.Activities!, r.Status! }), rows.Skip(1));
    }

    [Theory]
    [InlineData("an unclosed quote", "\n7,Spam,Cybersecurity,Security,\"London Action Plan,Partially addressed\n", "line 22: a quoted field is not closed")]
    [InlineData("a field too many", "\n21,Spam,Cybersecurity,Security,M3AAWG,Open,extra\n", "line 22: 7 fields, but the header has 6 columns")]
    [InlineData("a line break in a field", "\n21,Spam,Cybersecurity,Security,\"London\nAction Plan\",Open\n", "line 22: field activities: a line break inside quotes")]
    [InlineData("an empty issue", "\n21, ,Cybersecurity,Security,M3AAWG,Open\n", "line 22: a row's issue may not be empty")]
    [InlineData("a control character", "\n21,Spam\u0007,Cybersecurity,Security,M3AAWG,Open\n", "line 22: field issue contains the control character U+0007")]
    public async Task A_bad_row_refuses_the_whole_file_naming_its_line_and_nothing_is_appended(string fault, string appended, string message)
    {
        var (chair, annex) = await AnnexAsync();

        var refused = await Assert.ThrowsAsync<DraftingException>(() => chair.Api.ImportRowsCsvAsync(annex.Id, Sample.TrimEnd('\n') + appended));

        Assert.True(refused.Code == ErrorCode.Invalid && refused.Status == HttpStatusCode.BadRequest, $"{fault}: {refused.Code} {refused.Message}");
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(annex.Version, (await chair.Api.DocumentAsync(annex.Id)).Version);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_csv_or_too_long_is_refused_and_nothing_is_appended()
    {
        var (chair, annex) = await AnnexAsync();
        var url = $"api/documents/{annex.Id}/rows";

        var latin1 = await Post(url, chair, Encoding.Latin1.GetBytes("Issue\nCôte d'Ivoire\n"), "text/csv");
        var json = await Post(url, chair, "{\"issue\":\"Spam\"}"u8.ToArray(), "application/json");
        var tooMany = await Post(url, chair, Encoding.UTF8.GetBytes("Issue\n" + string.Concat(Enumerable.Range(1, 5_000).Select(i => $"Issue {i}\n"))), "text/csv");

        Assert.Contains("not UTF-8", await Problem.AssertAsync(latin1, HttpStatusCode.BadRequest, "invalid"), StringComparison.Ordinal);
        Assert.True(json.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"{json.StatusCode}");
        await Problem.AssertAsync(json, json.StatusCode, "invalid");
        Assert.Contains("at most 5,000 paragraphs", await Problem.AssertAsync(tooMany, HttpStatusCode.RequestEntityTooLarge, "too-large"), StringComparison.Ordinal);
        Assert.Equal(annex.Version, (await chair.Api.DocumentAsync(annex.Id)).Version);
    }

    [Fact]
    public async Task Only_a_table_annex_takes_or_gives_csv_rows()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var report = await chair.Api.CreateDocumentAsync("Draft report", DocumentKind.Report, "The group met twice.");

        var import = await Assert.ThrowsAsync<DraftingException>(() => chair.Api.ImportRowsCsvAsync(report.Id, Sample));
        var list = await Assert.ThrowsAsync<DraftingException>(() => chair.Api.RowsAsync(report.Id));
        var export = await app.Api().Http.GetAsync($"api/documents/{report.Id}/export?format=csv", chair.Api.Token);

        Assert.Equal((ErrorCode.Invalid, "rows are imported into a table annex (a document of kind annex), not a report"), (import.Code, import.Message));
        Assert.Equal(ErrorCode.Invalid, list.Code);
        Assert.Contains("csv is for table annexes", await Problem.AssertAsync(export, HttpStatusCode.BadRequest, "invalid"), StringComparison.Ordinal);
        Assert.Equal(report.Version, (await chair.Api.DocumentAsync(report.Id)).Version);
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task A_member_or_an_observer_may_not_import(Role role)
    {
        var (_, annex) = await AnnexAsync();
        var caller = await app.JoinAsync(role);

        var refused = await Assert.ThrowsAsync<DraftingException>(() => caller.Api.ImportRowsCsvAsync(annex.Id, Sample));

        Assert.Equal((ErrorCode.Forbidden, HttpStatusCode.Forbidden), (refused.Code, refused.Status));
        Assert.Equal(annex.Version, (await caller.Api.DocumentAsync(annex.Id)).Version);
    }

    [Fact]
    public async Task A_retry_with_the_same_client_op_id_answers_the_same_and_appends_nothing()
    {
        var (chair, annex) = await AnnexAsync();

        var first = await chair.Api.ImportRowsCsvAsync(annex.Id, Sample, clientOpId: "import-mapping-1");
        var retry = await chair.Api.ImportRowsCsvAsync(annex.Id, Sample, clientOpId: "import-mapping-1");
        // Whatever file it sends, a retry appends nothing: the op was applied.
        var otherFile = await chair.Api.ImportRowsCsvAsync(annex.Id, "Issue\nSpam\n", clientOpId: "import-mapping-1");
        var again = await chair.Api.ImportRowsCsvAsync(annex.Id, Sample, clientOpId: "import-mapping-2");

        Assert.Equal(new ImportRowsResult(annex.Version + 20, 20), first);
        Assert.Equal(first, retry);
        Assert.Equal(new ImportRowsResult(first.Version, 1), otherFile);
        Assert.Equal(new ImportRowsResult(first.Version + 20, 20), again);
        Assert.Equal(40, (await chair.Api.RowsAsync(annex.Id)).Length);
        Assert.Equal("40", (await chair.Api.RowsAsync(annex.Id))[^1].Number);
    }

    private async Task<(Participant Chair, DocumentView Annex)> AnnexAsync()
    {
        var chair = await app.JoinAsync(Role.Chair);
        return (chair, await chair.Api.CreateDocumentAsync("Mapping of issues", DocumentKind.Annex, "# Issues raised in the questionnaire"));
    }

    private static Task<HttpResponseMessage> Post(string url, Participant caller, byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(type);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new("Bearer", caller.Api.Token);
        return caller.Api.Http.SendAsync(request);
    }
}
