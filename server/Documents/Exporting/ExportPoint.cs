using System.Globalization;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// How the title block of every export names the point exported, so that the Markdown, the HTML page and the
/// Akoma Ntoso preface say the same thing: "Rev.1" and its date, or "Version 12" and its date and time.
/// </summary>
internal static class ExportPoint
{
    /// <summary>The revision label when the text is exactly a tagged revision, else "Version N".</summary>
    public static string Label(ExportInput input) =>
        input.RevisionLabel ?? string.Create(CultureInfo.InvariantCulture, $"Version {input.Document.Version}");

    /// <summary>
    /// "12 March 2014" for a revision (delegations cite revisions by their date); a version between revisions
    /// also gets its time, since several are made in one day.
    /// </summary>
    public static string Date(ExportInput input) =>
        input.RevisionLabel is null
            ? input.At.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : input.At.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"E/CN.16/2014/CRP.1 · Rev.1 · 12 March 2014"; the symbol is left out when the document has none.</summary>
    public static string Line(ExportInput input) =>
        string.Join(" · ", new[] { input.Document.Symbol, Label(input), Date(input) }.Where(s => !string.IsNullOrEmpty(s)));
}
