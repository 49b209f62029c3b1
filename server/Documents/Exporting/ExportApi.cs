using System.Globalization;
using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Rendering;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Exporting;

/// <summary>
/// <c>GET /api/documents/{id}/export?format=markdown|html|docx|akn|csv</c> (csv: a table annex's rows) with the selectors of a
/// document read (<c>version</c>, <c>revision</c>, <c>at</c>), <c>statuses=true</c>, and for
/// <c>docx</c> <c>compareTo=X</c>: the selected text as Word tracked changes against X.
/// </summary>
public static class ExportApi
{
    public static async Task<IResult> Export(
        Guid id, string? format, string? version, string? revision, string? at, bool? statuses, string? compareTo,
        HttpContext http, CurrentParticipant current, DocumentReader reader, DocumentViews views, DocumentStreams streams)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var kind = ExportFormats.Parse(format);
        if (compareTo is not null && kind != ExportFormat.Docx)
            throw new RefusedException(Refusal.Invalid("compareTo (tracked changes) is for format=docx"));
        var ct = http.RequestAborted;
        var state = await reader.StateAtAsync(id, Point.FromSelectors(version, revision, at), ct);
        var input = new ExportInput(views.From(state), state.LastEventAt, RevisionAt(state), statuses ?? false);
        ExportFile file;
        if (compareTo is null)
        {
            file = kind switch
            {
                ExportFormat.Markdown => Text(MarkdownExport.Write(input), "text/markdown", "md"),
                ExportFormat.Html => Text(HtmlExport.Write(input), "text/html", "html"),
                ExportFormat.Akn => Text(AknExport.Write(input), "application/akn+xml", "xml"),
                ExportFormat.Csv => Text(CsvExport.Write(input), Csv.MediaType, "csv"),
                _ => new ExportFile(DocxExport.Write(input), DocxExport.ContentType, ""),
            };
        }
        else
        {
            var from = await reader.StateAtAsync(id, Point.Parse(compareTo), ct);
            if (from.Version > state.Version)
                throw new RefusedException(Refusal.Invalid($"compareTo ({from.Version}) must not be after the text exported ({state.Version})"));
            var events = from.Version == state.Version
                ? []
                : (await streams.ReadAsync(id, from: from.Version + 1, to: state.Version, ct: ct)).Select(Recorded.From).ToList();
            var tracked = new TrackedInput(input, views.From(from), RevisionAt(from) ?? $"version {from.Version}", events);
            file = new ExportFile(DocxExport.WriteTracked(tracked), DocxExport.ContentType, "");
        }
        var name = FileName(input, kind, compareTo);
        http.Response.Headers.ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy;
        return TypedResults.File(file.Content, file.ContentType, name);
    }

    private static ExportFile Text(string text, string mediaType, string extension) =>
        new(Encoding.UTF8.GetBytes(text), mediaType + "; charset=utf-8", extension);

    /// <summary>The revision label when the state is exactly a tagged revision.</summary>
    private static string? RevisionAt(DocumentState state) =>
        state.Revisions.LastOrDefault(r => r.Version == state.Version)?.Label;

    /// <summary><c>E-CN.16-2026-CRP.1_Rev.2.docx</c>: the symbol (or title), then the revision or version.</summary>
    public static string FileName(ExportInput input, ExportFormat format, string? compareTo)
    {
        var document = input.Document;
        var stem = Slug(document.Symbol ?? document.Title);
        var point = input.RevisionLabel ?? "v" + document.Version.ToString(CultureInfo.InvariantCulture);
        var against = compareTo is null ? "" : "_vs_" + Slug(compareTo);
        return $"{stem}_{Slug(point)}{against}.{ExportFormats.Extension(format)}";
    }

    internal static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
                slug.Append(c);
            else if (c is '/' or ' ' or ':' && slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var result = slug.ToString().Trim('-', '.');
        return result.Length == 0 ? "document" : result[..Math.Min(result.Length, 80)];
    }
}

public enum ExportFormat { Markdown, Html, Docx, Akn, Csv }

public static class ExportFormats
{
    public static ExportFormat Parse(string? format) => format?.ToLowerInvariant() switch
    {
        "markdown" or "md" => ExportFormat.Markdown,
        "html" => ExportFormat.Html,
        "docx" => ExportFormat.Docx,
        "akn" or "akoma-ntoso" => ExportFormat.Akn,
        "csv" => ExportFormat.Csv,
        null or "" => throw new RefusedException(Refusal.Invalid("format is required: markdown, html, docx, akn or csv")),
        _ => throw new RefusedException(Refusal.Invalid($"format '{format}' is not one of markdown, html, docx, akn, csv")),
    };

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "md",
        ExportFormat.Html => "html",
        ExportFormat.Akn => "akn.xml",
        ExportFormat.Csv => "csv",
        _ => "docx",
    };
}
