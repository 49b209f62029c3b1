using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Comparing;

namespace WGEC.Drafting.Tests.Documents.Comparing;

/// <summary>The printable "Rev.2 compared with Rev.1" page (work item 4, Diffs).</summary>
public class ComparePageTests
{
    private const string Symbol = "E/CN.16/2014/CRP.3";
    private const string Title = "Draft recommendations of the WGEC";

    /// <summary>Rev.1: four operative paragraphs; Rev.2: one inserted, one deleted, one edited, one moved, one agreed.</summary>
    private static (StateBuilder Doc, IReadOnlyList<Guid> Ids, Guid Inserted, string Html) Revised()
    {
        var doc = StateBuilder.Document(
            "1. Recommends cooperation.\n\n2. Decides to meet again.\n\n3. Invites all stakeholders.\n\n4. Notes the report.\n\n5. Requests the secretariat.");
        var ids = doc.Ids;
        doc.Tag("Rev.1");
        var from = doc.Version;
        doc.Edit(ids[0], "Recommends enhanced cooperation.");
        doc.Delete(ids[1]);
        doc.Move(ids[4], ids[2]);
        doc.SetStatus(ids[3], ParagraphStatus.AgreedAdRef);
        var inserted = doc.Insert(ParagraphKind.Operative, "Welcomes the progress made.", ids[3]);
        doc.Tag("Rev.2");
        return (doc, ids, inserted, Render(doc, from, doc.Version));
    }

    private static string Render(StateBuilder doc, long from, long to, string title = Title, string? symbol = Symbol)
    {
        var (before, after) = (Named(doc, from, title, symbol), Named(doc, to, title, symbol));
        return ComparePage.Render(new DocumentDiffer().Compare(before, after), before, after);
    }

    /// <summary>The document at a version, created with the given title and symbol (the builder creates it with neither).</summary>
    private static DocumentState Named(StateBuilder doc, long version, string title, string? symbol)
    {
        var state = new DocumentState();
        var events = doc.Events;
        for (var v = 1; v <= version; v++)
            state.Apply(events[v - 1] is DocumentCreated created ? created with { Title = title, Symbol = symbol } : events[v - 1], v, StateBuilder.At(v));
        return state;
    }

    private static string Block(string html, Guid id)
    {
        var start = html.IndexOf($"data-paragraph-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no paragraph {id}");
        start = html.LastIndexOf("<div class=\"paragraph", start, StringComparison.Ordinal);
        return html[start..html.IndexOf("</div>\n</div>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Page_starts_with_the_symbol_the_title_and_which_revision_is_compared_with_which()
    {
        var html = Revised().Html;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"symbol\">{Symbol}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"compared\">Rev.2 compared with Rev.1</p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(Symbol, StringComparison.Ordinal) < html.IndexOf("<main>", StringComparison.Ordinal));
    }

    [Fact]
    public void Ends_that_are_not_revisions_are_named_by_version_and_time()
    {
        var doc = StateBuilder.Operatives(2);
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Changed.");

        var html = Render(doc, from, doc.Version);

        Assert.Contains($"version {doc.Version} (10 March 2025, 09:{doc.Version:00} UTC) compared with version {from} (10 March 2025, 09:{from:00} UTC)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Insertions_and_deletions_are_marked_and_styled_underlined_bold_and_struck_through()
    {
        var (_, ids, inserted, html) = Revised();

        Assert.Contains("Recommends <ins>enhanced </ins>cooperation.", Block(html, ids[0]), StringComparison.Ordinal);
        Assert.Contains("<ins>Welcomes the progress made.</ins>", Block(html, inserted), StringComparison.Ordinal);
        Assert.Contains("ins{text-decoration:underline;font-weight:bold}", html, StringComparison.Ordinal);
        Assert.Contains("del{text-decoration:line-through}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_paragraph_is_struck_through_in_its_old_place()
    {
        var (_, ids, _, html) = Revised();

        var deleted = Block(html, ids[1]);
        Assert.Contains("class=\"paragraph kind-operative deleted\"", deleted, StringComparison.Ordinal);
        Assert.Contains("<del>Decides to meet again.</del>", deleted, StringComparison.Ordinal);
        Assert.Contains("<span class=\"note\">deleted</span>", deleted, StringComparison.Ordinal);
        Assert.True(html.IndexOf(ids[0].ToString(), StringComparison.Ordinal) < html.IndexOf(ids[1].ToString(), StringComparison.Ordinal));
        Assert.True(html.IndexOf(ids[1].ToString(), StringComparison.Ordinal) < html.IndexOf(ids[2].ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_moved_paragraph_says_where_it_came_from_and_is_not_marked_as_inserted()
    {
        var (_, ids, _, html) = Revised();

        var moved = Block(html, ids[4]);
        Assert.Contains("data-change=\"moved\"", moved, StringComparison.Ordinal);
        Assert.Contains("<span class=\"note\">moved from 5</span>", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("<ins>", moved, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("data-change=\"moved\"").Length - 1);
    }

    [Fact]
    public void Statuses_are_in_the_margin_with_from_and_to_when_they_changed()
    {
        var (_, ids, inserted, html) = Revised();

        Assert.Contains("<span class=\"status\">draft → agreed ad ref.</span>", Block(html, ids[3]), StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">draft</span>", Block(html, ids[0]), StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">draft</span><span class=\"note\">inserted</span>", Block(html, inserted), StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_carry_their_numbers_and_renumbered_ones_their_old_number()
    {
        var (_, ids, inserted, html) = Revised();

        Assert.Contains("<div class=\"number\">1.</div>", Block(html, ids[0]), StringComparison.Ordinal);
        Assert.Contains("<div class=\"number\">2.</div>", Block(html, ids[1]), StringComparison.Ordinal);
        Assert.Contains("<div class=\"number\">5.</div>", Block(html, inserted), StringComparison.Ordinal);
        Assert.Contains("<span class=\"note\">formerly 3</span>", Block(html, ids[2]), StringComparison.Ordinal);
        Assert.Contains("<div class=\"number\">4.</div>", Block(html, ids[3]), StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_is_html_encoded_everywhere()
    {
        var doc = StateBuilder.Document("Plain.", DocumentKind.Report);
        var from = doc.Version;
        doc.Edit(doc.Ids[0], "Plain <script>alert(1)</script>.");
        doc.Tag("<b>Rev.2</b>");

        var html = Render(doc, from, doc.Version, "Title <img src=x onerror=alert(1)>", "A/<i>1</i>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Title &lt;img src=x onerror=alert(1)&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Rev.2&lt;/b&gt; compared with", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_and_prints()
    {
        var html = Revised().Html;

        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_a_symbol_has_no_symbol_line()
    {
        var doc = StateBuilder.Operatives(1);

        var html = Render(doc, doc.Version, doc.Version, symbol: null);

        Assert.DoesNotContain("class=\"symbol\"", html, StringComparison.Ordinal);
        Assert.Contains("No changes.", html, StringComparison.Ordinal);
    }
}
