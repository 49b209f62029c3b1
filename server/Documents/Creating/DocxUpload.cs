using Microsoft.AspNetCore.Http.Features;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>
/// The HTTP side of a Word upload: <c>multipart/form-data</c> with the .docx in a part named <c>file</c>
/// and the fields <c>title</c> (optional, see <see cref="DocxImport"/>), <c>kind</c> and <c>symbol</c>.
/// The size limit holds before the body is read: a declared length over it is refused at once, and a
/// body sent without one is cut off by the server when it passes the limit.
/// </summary>
public static class DocxUpload
{
    public const string ContentType = "multipart/form-data";
    public const string FilePart = "file";

    public static async Task<CreateDocumentRequest> ReadAsync(HttpContext http, DocxLimits limits)
    {
        // Set first, so that the server does not drain an oversized body it has already refused either.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limits.MaxUploadBytes;
        if (http.Request.ContentLength > limits.MaxUploadBytes)
            throw TooLarge(limits);

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or (IOException and not BadHttpRequestException))
        {
            // A body cut short or without its boundaries; a body over the limit (BadHttpRequestException) is too-large, not this.
            throw new RefusedException(Refusal.Invalid($"the upload is not well-formed multipart/form-data: {e.Message}"));
        }
        var file = form.Files.GetFile(FilePart) ?? (form.Files.Count == 1 ? form.Files[0] : null)
            ?? throw new RefusedException(Refusal.Invalid($"the upload has no file: send the .docx in a part named '{FilePart}'"));

        var docx = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(docx, http.RequestAborted);
        var (request, refusal) = DocxImport.ToRequest(
            docx, Field(form, "title"), ProtocolJson.Parse<DocumentKind>(Field(form, "kind")), Field(form, "symbol"), limits);
        return request ?? throw new RefusedException(refusal!);
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static RefusedException TooLarge(DocxLimits limits) =>
        new(Refusal.TooLarge(FormattableString.Invariant($"the upload is over {limits.MaxUploadBytes:N0} bytes, the limit for a Word file")));
}
