using System.IO.Compression;
using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Documents.Creating;
using static WGEC.Drafting.Tests.Reliability.Fuzz;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>One raw HTTP request and the codes its answer may carry.</summary>
internal sealed record RestCase(string Key, string Label, string PathAndQuery, string? Authorization, byte[]? Body, string? ContentType, ErrorCode[] Expected)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;
}

/// <summary>The malformed requests made from each call's valid one: one fault each, in the path, the query, the body or the token.</summary>
internal static class FuzzRestCases
{
    private const string Json = "application/json";
    private static readonly ErrorCode[] Invalid = [ErrorCode.Invalid];

    public static RestCase Valid(RestRequest request, RestIds ids, string token) =>
        Make(request, "valid", Path(request, ids), BaseQuery(request), Bearer(request, token), BaseBody(request, ids), []);

    /// <summary>
    /// Every malformed request made from <paramref name="request"/>'s valid one. A history to import names its new document
    /// in the path and in every event: each input gets an id of its own, so that one imported by mistake hides no other.
    /// </summary>
    public static IEnumerable<RestCase> Cases(RestRequest request, RestIds ids, string token, Random random) =>
        request.Path.Contains("{new}", StringComparison.Ordinal)
            ? AllCases(request, ids, token, random).Select(c => Renamed(c, ids.NewDocument.ToString(), NewGuid(random).ToString()))
            : AllCases(request, ids, token, random);

    private static RestCase Renamed(RestCase input, string from, string to) => input with
    {
        PathAndQuery = input.PathAndQuery.Replace(from, to, StringComparison.Ordinal),
        Body = input.Body is { } body ? Replace(body, Encoding.ASCII.GetBytes(from), Encoding.ASCII.GetBytes(to)) : null,
    };

    /// <summary>Every occurrence of <paramref name="from"/> in bytes that need not be UTF-8, replaced by <paramref name="to"/>.</summary>
    private static byte[] Replace(byte[] bytes, byte[] from, byte[] to)
    {
        var result = new List<byte>(bytes.Length);
        var rest = bytes.AsSpan();
        for (var at = rest.IndexOf(from); at >= 0; at = rest.IndexOf(from))
        {
            result.AddRange(rest[..at]);
            result.AddRange(to);
            rest = rest[(at + from.Length)..];
        }
        result.AddRange(rest);
        return [.. result];
    }

    private static IEnumerable<RestCase> AllCases(RestRequest request, RestIds ids, string token, Random random)
    {
        var query = BaseQuery(request);
        var auth = Bearer(request, token);
        var body = BaseBody(request, ids);
        foreach (var (placeholder, kind) in Placeholders(request))
        {
            foreach (var value in FuzzRestValues.Path(kind, ids.Document, random))
                yield return Make(request, $"{placeholder}: {value.Label}", Path(request, ids, placeholder, value.Encoded), query, auth, body, value.Expected);
        }
        foreach (var parameter in request.Query)
        {
            foreach (var value in FuzzRestValues.Query(parameter.Kind, random))
                yield return Make(request, $"{parameter.Name}={value.Label}", Path(request, ids), WithQuery(request, parameter.Name, value.Encoded), auth, body, value.Expected);
        }
        foreach (var (label, combination, expected) in request.Combinations)
            yield return Make(request, label, Path(request, ids), combination, auth, body, [expected]);
        if (!request.Anonymous)
        {
            foreach (var (label, header) in FuzzRestValues.BadTokens(ids.Participant))
                yield return Make(request, "Authorization: " + label, Path(request, ids), query, header, body, [ErrorCode.Unauthorized]);
        }
        var bodies = request.Body switch
        {
            RestBody.Json => JsonBodies(request, FuzzHubRequests.Json(request.Fields(ids)), request.Fields(ids), ids, random),
            RestBody.History => FuzzRestHistory.Bodies(ids.History, ids.Document, random).Select(b => (b.Label, (byte[]?)b.Body, (string?)Json, b.Expected))
                .Concat(JsonBodies(request, Encoding.UTF8.GetBytes(ids.History), [], ids, random)),
            RestBody.Docx => DocxBodies(),
            RestBody.Csv => FuzzRestCsv.Bodies(),
            RestBody.RowsCsv => CsvBodies(),
            _ => [],
        };
        foreach (var (label, content, contentType, expected) in bodies)
            yield return Make(request, label, Path(request, ids), query, auth, (content, contentType), expected);
    }

    private static RestCase Make(
        RestRequest request, string label, string path, string query, string? auth, (byte[]? Content, string? Type) body, ErrorCode[] expected) =>
        new(request.Key, label, query.Length == 0 ? path : path + "?" + query, auth, body.Content, body.Type, expected) { Method = request.Method };

    private static string? Bearer(RestRequest request, string token) => request.Anonymous ? null : "Bearer " + token;

    private static IEnumerable<(string Placeholder, RestParam Kind)> Placeholders(RestRequest request)
    {
        if (request.Path.Contains("{new}", StringComparison.Ordinal))
            yield return ("{new}", RestParam.NewDocumentId);
        if (request.Path.Contains("{participant}", StringComparison.Ordinal))
            yield return ("{participant}", RestParam.ParticipantId);
        if (request.Path.Contains("{id}", StringComparison.Ordinal))
            yield return ("{id}", RestParam.DocumentId);
        if (request.Path.Contains("{annex}", StringComparison.Ordinal))
            yield return ("{annex}", RestParam.DocumentId);
        if (request.Path.Contains("{pid}", StringComparison.Ordinal))
            yield return ("{pid}", RestParam.ParagraphId);
        if (request.Path.Contains("{label}", StringComparison.Ordinal))
            yield return ("{label}", RestParam.Label);
        if (request.Path.Contains("{qid}", StringComparison.Ordinal))
            yield return ("{qid}", RestParam.QuestionnaireId);
        if (request.Path.Contains("{cid}", StringComparison.Ordinal))
            yield return ("{cid}", RestParam.ContributionId);
    }

    /// <summary>The path with its placeholders filled in, one replaced by <paramref name="value"/>.</summary>
    private static string Path(RestRequest request, RestIds ids, string? replaced = null, string? value = null)
    {
        string Value(string placeholder, string valid) => placeholder == replaced ? value! : valid;
        return request.Path
            .Replace("{new}", Value("{new}", ids.NewDocument.ToString()), StringComparison.Ordinal)
            .Replace("{participant}", Value("{participant}", ids.Participant.ToString()), StringComparison.Ordinal)
            .Replace("{id}", Value("{id}", ids.Document.Document.ToString()), StringComparison.Ordinal)
            .Replace("{annex}", Value("{annex}", ids.Annex.ToString()), StringComparison.Ordinal)
            .Replace("{pid}", Value("{pid}", ids.Document.Paragraph.ToString()), StringComparison.Ordinal)
            .Replace("{label}", Value("{label}", FuzzRestRequests.Revision), StringComparison.Ordinal)
            .Replace("{qid}", Value("{qid}", ids.Questionnaire?.Id.ToString() ?? ""), StringComparison.Ordinal)
            .Replace("{cid}", Value("{cid}", ids.Questionnaire?.Contribution.ToString() ?? ""), StringComparison.Ordinal);
    }

    private static string BaseQuery(RestRequest request) => WithQuery(request, null, null);

    /// <summary>The valid query with one parameter set (replaced, or added when the valid request leaves it out).</summary>
    private static string WithQuery(RestRequest request, string? name, string? encoded) =>
        string.Join('&', request.Query
            .Select(q => q.Name == name ? $"{q.Name}={encoded}" : q.Valid is null ? null : $"{q.Name}={Uri.EscapeDataString(q.Valid)}")
            .Where(q => q is not null));

    private static (byte[]?, string?) BaseBody(RestRequest request, RestIds ids) => request.Body switch
    {
        RestBody.Json => (FuzzHubRequests.Json(request.Fields(ids)), Json),
        RestBody.History => (Encoding.UTF8.GetBytes(ids.History), Json),
        RestBody.Docx => Multipart(Form()),
        RestBody.Csv => (Encoding.UTF8.GetBytes(FuzzRestCsv.Valid), FuzzRestCsv.ContentType),
        RestBody.RowsCsv => (Encoding.UTF8.GetBytes(ValidCsv), CsvType),
        _ => (null, null),
    };

    private const string CsvType = "text/csv";
    private const string ValidCsv = "No,Issue,Category,Sources\n1,Network neutrality,Economic issues,\n";

    /// <summary>Mapping-table CSV files with one fault each (a row after the valid one, or the header, or the bytes), and bodies that are no CSV file.</summary>
    private static IEnumerable<(string, byte[]?, string?, ErrorCode[])> CsvBodies()
    {
        ErrorCode[] tooLarge = [ErrorCode.TooLarge];
        (string Label, string Csv, ErrorCode[] Expected)[] files =
        [
            ("an empty file", "", Invalid), ("blank lines only", "\r\n\r\n", Invalid), ("no Issue column", "No,Category\n1,Access\n", Invalid),
            ("an unknown column", "Issue,Colour\nSpam,red\n", Invalid), ("a column twice", "Issue,ISSUE\na,b\n", Invalid),
            ("an unclosed quote", ValidCsv + "2,\"Spam,Security,\n", Invalid), ("a quote inside a field", ValidCsv + "2,Sp\"am,Security,\n", Invalid),
            ("text after a closing quote", ValidCsv + "2,\"Spam\"x,Security,\n", Invalid), ("a field too many", ValidCsv + "2,Spam,Security,,extra\n", Invalid),
            ("a field too few", ValidCsv + "2,Spam\n", Invalid), ("a line break in a field", ValidCsv + "2,\"Spam\nfilters\",Security,\n", Invalid),
            ("an empty issue", ValidCsv + "2, ,Security,\n", Invalid), ("a NUL in a field", ValidCsv + "2,Sp\0am,Security,\n", Invalid),
            ("a control character", ValidCsv + "2,Spam\u001b,Security,\n", Invalid), ("a noncharacter", ValidCsv + "2,Spam\uFFFF,Security,\n", Invalid),
            ("a source that is no id", ValidCsv + "2,Spam,Security,not-an-id\n", Invalid),
            ("the empty id as a source", ValidCsv + $"2,Spam,Security,{Guid.Empty}\n", Invalid),
            ("a source twice", ValidCsv + "2,Spam,Security,8f1d2c3b-0000-4000-8000-000000000001;8f1d2c3b-0000-4000-8000-000000000001\n", Invalid),
            ($"an issue of {HugeLength:N0} characters", ValidCsv + $"2,{Huge},Security,\n", tooLarge),
            ("5,001 rows", "Issue\n" + string.Concat(Enumerable.Range(1, 5_001).Select(i => $"r{i}\n")), tooLarge),
        ];
        foreach (var (label, csv, expected) in files)
            yield return ("csv: " + label, Encoding.UTF8.GetBytes(csv), CsvType, expected);
        var valid = Encoding.UTF8.GetBytes(ValidCsv);
        yield return ("csv: Latin-1 bytes", Encoding.Latin1.GetBytes(ValidCsv + "2,Côte d'Ivoire,Access,\n"), CsvType, Invalid);
        yield return ("csv: a UTF-8-encoded surrogate", [.. valid, .. "2,a"u8, 0xED, 0xA0, 0x80, .. ",b,\n"u8], CsvType, Invalid);
        yield return ("csv: charset latin1", valid, CsvType + "; charset=iso-8859-1", Invalid);
        yield return ("content type application/json", "{\"issue\":\"Spam\"}"u8.ToArray(), Json, Invalid);
        yield return ("content type text/plain", valid, "text/plain", Invalid);
        yield return ("no content type", valid, null, Invalid);
    }

    /// <summary>Each field of a JSON body replaced by its malformed values, then malformed shapes of the whole body.</summary>
    private static IEnumerable<(string, byte[]?, string?, ErrorCode[])> JsonBodies(
        RestRequest request, byte[] validBody, FuzzField[] fields, RestIds ids, Random random)
    {
        foreach (var field in fields)
        {
            foreach (var value in Values(field, ids.Document, random))
                yield return ($"{field.Name}: {value.Label}", FuzzHubRequests.Json(fields, field.Name, value.Json), Json, value.Expected);
        }
        var valid = Encoding.UTF8.GetString(validBody);
        ErrorCode[] none = [request.NoBody];
        (string, string, ErrorCode[])[] shapes =
        [
            ("an empty body", "", none), ("null", "null", none), ("an array", "[" + valid + "]", Invalid), ("a number", "42", Invalid),
            ("a string", "\"body\"", Invalid), ("a truncated object", valid[..^1], Invalid), ("single quotes", valid.Replace('"', '\''), Invalid),
            ("a trailing comma", valid[..^1] + ",}", Invalid), ("a comment", "/* c */" + valid, Invalid),
            ("arrays nested 10,000 deep", DeepJsonArray, Invalid), ("objects nested 5,000 deep", DeepJsonObject, Invalid),
            ("an array of 50,000 numbers", HugeJsonArray, Invalid), ("a raw control character in a string", valid.Replace("\"", "\"\u0001", StringComparison.Ordinal), Invalid),
        ];
        foreach (var (label, json, expected) in shapes)
            yield return ("body: " + label, Encoding.UTF8.GetBytes(json), Json, expected);
        yield return ("content type text/plain", Encoding.UTF8.GetBytes(valid), "text/plain", Invalid);
        yield return ("no content type", Encoding.UTF8.GetBytes(valid), null, Invalid);
    }

    private static Dictionary<string, byte[]> Form(string? title = "Fuzz upload", string? kind = "report", string? symbol = "FUZZ/3", byte[]? file = null, bool withFile = true)
    {
        var form = new Dictionary<string, byte[]>();
        foreach (var (name, value) in new[] { ("title", title), ("kind", kind), ("symbol", symbol) })
        {
            if (value is not null)
                form[name] = Encoding.UTF8.GetBytes(value);
        }
        if (withFile)
            form["file"] = file ?? Docx;
        return form;
    }

    private static readonly byte[] Docx = DocxFiles.Word(DocxFiles.P("Recommends [action] by all."));

    private static IEnumerable<(string, byte[]?, string?, ErrorCode[])> DocxBodies()
    {
        ErrorCode[] tooLarge = [ErrorCode.TooLarge];
        var parts = new (string, Dictionary<string, byte[]>, ErrorCode[])[]
        {
            ("no file", Form(withFile: false), Invalid),
            ("a file that is no ZIP", Form(file: Encoding.UTF8.GetBytes("not a zip at all")), Invalid),
            ("an empty file", Form(file: []), Invalid),
            ("a one-byte file", Form(file: [0]), Invalid),
            ("a ZIP that is no Word file", Form(file: Zip()), Invalid),
            ("no kind", Form(kind: null), Invalid),
            ("an unknown kind", Form(kind: "bogus"), Invalid),
            ($"kind of {HugeLength:N0} characters", Form(kind: Huge), Invalid),
            ($"title of {HugeLength:N0} characters", Form(title: Huge), tooLarge),
            ("title with NUL", Form(title: "a\0b"), Invalid),
            ("title of two lines", Form(title: "one\ntwo"), Invalid),
            ($"symbol of {HugeLength:N0} characters", Form(symbol: Huge), tooLarge),
        };
        foreach (var (label, form, expected) in parts)
        {
            var (content, type) = Multipart(form);
            yield return ("form: " + label, content, type, expected);
        }
        var (valid, validType) = Multipart(Form());
        yield return ("form: cut off before its end", valid[..(valid.Length / 2)], validType, Invalid);
        yield return ("form: no boundary parameter", valid, "multipart/form-data", Invalid);
        yield return ("form: a JSON body", "{\"title\":\"x\"}"u8.ToArray(), validType, Invalid);
    }

    /// <summary>
    /// A multipart/form-data body written by hand. (Its text fields are always UTF-8 here: form fields, like query
    /// strings, are decoded as browsers do, bytes that are not UTF-8 becoming U+FFFD, so such bytes are not malformed.)
    /// </summary>
    private static (byte[], string) Multipart(Dictionary<string, byte[]> parts)
    {
        const string boundary = "fuzz-boundary-7d1c";
        var body = new MemoryStream();
        foreach (var (name, value) in parts)
        {
            var file = name == "file" ? "; filename=\"fuzz.docx\"\r\nContent-Type: " + DocxFiles.DocxType : "";
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n"));
            body.Write(value);
            body.Write("\r\n"u8);
        }
        body.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        return (body.ToArray(), $"multipart/form-data; boundary={boundary}");
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("no Word here");
        }
        return stream.ToArray();
    }
}
