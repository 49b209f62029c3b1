using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Importing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Documents.Exporting;

/// <summary>Export inputs built by hand, with paragraphs rendered and counted as the server's read model does.</summary>
internal static class Exports
{
    public const string Symbol = "E/CN.16/2014/CRP.1";
    public const string Title = "Draft recommendations of the WGEC";
    public static readonly DateTimeOffset At = new(2014, 3, 12, 9, 7, 0, TimeSpan.Zero);

    private static readonly MarkdownRenderer Renderer = new();

    public static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n.ToString("D12", CultureInfo.InvariantCulture)}");

    public static ParagraphView Paragraph(
        int n, ParagraphKind kind, string text, string? number = null, ParagraphStatus status = ParagraphStatus.Draft, long revision = 3) =>
        new(Id(n), number, null, kind, text, Renderer.ToHtml(text), status, revision, Brackets.CountOpen(text), [])
        {
            Brackets = [.. Brackets.Parse(text).Select(b => new BracketView(b.Start, b.End, b.Depth, b.Alternatives))],
        };

    public static ExportInput Input(
        IEnumerable<ParagraphView> paragraphs, DocumentKind kind = DocumentKind.Recommendations, string title = Title,
        string? symbol = Symbol, string? revision = "Rev.1", bool statuses = false, long version = 42) =>
        new(new DocumentView(Id(999), title, kind, symbol, version, [.. paragraphs], [], null), At, revision, statuses);

    /// <summary>A small recommendations draft: a heading, two preambular paragraphs, operative 1, 2 and 2 bis.</summary>
    public static ExportInput Draft(bool statuses = false) => Input(
    [
        Paragraph(1, ParagraphKind.Heading, "# Draft recommendations"),
        Paragraph(2, ParagraphKind.Preambular, "*Recalling* the Tunis Agenda,"),
        Paragraph(3, ParagraphKind.Preambular, "Noting the [significant divergence / diversity] of views,"),
        Paragraph(4, ParagraphKind.Operative, "Recommends that enhanced cooperation [be implemented / continue];", "1", ParagraphStatus.Agreed),
        Paragraph(5, ParagraphKind.Operative, "**Requests** the [secretariat] to report;", "2", ParagraphStatus.AgreedAdRef),
        Paragraph(6, ParagraphKind.Operative, "Invites [[an intergovernmental / a multi-stakeholder] mechanism];", "2 bis"),
    ], statuses: statuses);

    /// <summary>A shared sample imported as the server imports it, numbered 1, 2, … as a new document is.</summary>
    public static ExportInput Sample(string file, DocumentKind kind)
    {
        var imported = MarkdownImport.Split(SharedSamples.Read(file), kind).Paragraphs;
        var operative = 0;
        return Input(imported.Select((p, i) => Paragraph(i + 1, p.Kind, p.Text,
            p.Kind == ParagraphKind.Operative ? (++operative).ToString(CultureInfo.InvariantCulture) : null)), kind);
    }
}
