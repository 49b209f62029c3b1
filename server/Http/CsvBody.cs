using System.Text;
using Microsoft.AspNetCore.Http.Features;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Http;

/// <summary>A request body that is a CSV file (<c>text/csv</c>, UTF-8, a BOM allowed): the one way every CSV import reads it.</summary>
public static class CsvBody
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The body as text. Not <c>text/csv</c> (also no type at all: routing turns away only a declared other one), another
    /// charset or bytes that are not UTF-8 are <c>invalid</c>; over <paramref name="maxBytes"/> is <c>too-large</c>,
    /// refused before the body is read when its length is declared.
    /// </summary>
    public static async Task<string> ReadAsync(HttpContext http, long maxBytes)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals(Csv.MediaType, StringComparison.OrdinalIgnoreCase))
            throw new RefusedException(Refusal.Invalid($"the body is a CSV file, sent as {Csv.MediaType}"));
        if (type.Charset.Value is { Length: > 0 } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            throw new RefusedException(Refusal.Invalid($"the CSV file is read as UTF-8, not {charset}"));
        if (http.Request.ContentLength > maxBytes)
            throw new RefusedException(Refusal.TooLarge(FormattableString.Invariant($"the file is over {maxBytes:N0} bytes, the limit for an import")));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = maxBytes;
        using var reader = new StreamReader(http.Request.Body, Strict, detectEncodingFromByteOrderMarks: false);
        try
        {
            return await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            throw new RefusedException(Refusal.Invalid("the CSV file is not UTF-8 text"));
        }
    }
}
