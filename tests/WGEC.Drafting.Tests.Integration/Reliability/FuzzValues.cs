using System.Globalization;
using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>The pathological values, shared by the hub and REST fuzzers.</summary>
internal static class Fuzz
{
    /// <summary>Long enough to cost something, short enough to stay under the hub's 256 KB message limit.</summary>
    public const int HugeLength = 200_000;

    /// <summary>Past the 20,000-character paragraph limit with two characters a level.</summary>
    public const int DeepLevels = 10_001;

    public static readonly string Huge = new('a', HugeLength);
    public static readonly string DeepBrackets = new string('[', DeepLevels) + "x" + new string(']', DeepLevels);
    public static readonly string DeepQuote = string.Concat(Enumerable.Repeat("> ", DeepLevels)) + "x";
    public static readonly string DeepList = string.Concat(Enumerable.Repeat("- ", DeepLevels)) + "x";
    public static readonly string DeepEmphasis = string.Concat(Enumerable.Repeat("*_", DeepLevels)) + "x";
    public static readonly string LinkOpeners = string.Concat(Enumerable.Repeat("[a](", 5_001));
    public static readonly string DeepJsonArray = new string('[', 10_000) + new string(']', 10_000);
    public static readonly string DeepJsonObject = string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);
    public static readonly string HugeJsonArray = "[" + string.Join(',', Enumerable.Repeat("0", 50_000)) + "]";

    private static readonly ErrorCode[] Invalid = [ErrorCode.Invalid];
    private static readonly ErrorCode[] NotFound = [ErrorCode.NotFound];
    private static readonly ErrorCode[] TooLarge = [ErrorCode.TooLarge];
    private static readonly ErrorCode[] Unauthorized = [ErrorCode.Unauthorized];

    public static string Clip(string text, int max = 240) => text.Length <= max ? text : text[..max] + $"… ({text.Length:N0} chars)";

    /// <summary>A JSON string literal with everything but printable ASCII escaped, so lone surrogates go out as <c>\ud800</c>.</summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                json.Append('\\').Append(c);
            else if (c is < ' ' or > '~')
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                json.Append(c);
        }
        return json.Append('"').ToString();
    }

    /// <summary>Every malformed value of a field: wrong JSON types, null where required, and the values its kind refuses.</summary>
    public static IEnumerable<FuzzValue> Values(FuzzField field, FuzzIds ids, Random random)
    {
        // An object or an array whose malformed forms are its own (an empty object is a valid "change nothing").
        if (field.Kind is FieldKind.RowFields or FieldKind.OptionalRowFields or FieldKind.RowIds)
        {
            foreach (var value in field.Kind == FieldKind.RowIds ? RowIds(ids, random) : RowFields(field.Kind == FieldKind.RowFields, random))
                yield return value;
            yield break;
        }
        var numeric = field.Kind is FieldKind.Revision or FieldKind.Index or FieldKind.ChosenIndex or FieldKind.AnyVersion or FieldKind.QuestionNumber;
        foreach (var wrong in WrongTypes(numeric, field.Kind == FieldKind.Flag))
            yield return wrong;
        if (field.Kind is FieldKind.DocumentRef or FieldKind.JoinedDocumentRef or FieldKind.ParagraphRef or FieldKind.ProposalRef or FieldKind.CommentRef
            or FieldKind.EvidenceRef or FieldKind.ParagraphText or FieldKind.CommentText or FieldKind.Line or FieldKind.Enum
            or FieldKind.Revision or FieldKind.Index or FieldKind.ChosenIndex or FieldKind.ItemRef or FieldKind.QuestionNumber)
            yield return new FuzzValue("null where required", "null", Invalid);
        var values = field.Kind switch
        {
            FieldKind.DocumentRef or FieldKind.JoinedDocumentRef or FieldKind.ParagraphRef or FieldKind.ProposalRef or FieldKind.CommentRef
                or FieldKind.OptionalParagraphRef or FieldKind.OptionalCommentRef or FieldKind.EvidenceRef or FieldKind.ItemRef => NotIds(random).Concat(UnknownIds(field.Kind, ids, random)),
            FieldKind.NewParagraphId => NotIds(random).Concat(
            [
                new("the empty id", Quote(Guid.Empty.ToString()), Invalid),
                new("an id already used", Quote(ids.Paragraph.ToString()), Invalid),
            ]),
            FieldKind.ParagraphText or FieldKind.CommentText or FieldKind.Line or FieldKind.Note or FieldKind.OptionalLine
                or FieldKind.Markdown => Texts(field, random),
            FieldKind.InviteCode =>
            [
                new("null", "null", Unauthorized),
                new("an empty string", "\"\"", Unauthorized),
                new("an unknown code", Quote("not-a-code-" + NewGuid(random)), Unauthorized),
                new($"{HugeLength:N0} characters", Quote(Huge), Unauthorized),
                new("NUL", "\"\\u0000\"", Unauthorized),
                new("a lone surrogate", "\"\\ud800\"", [ErrorCode.Invalid, ErrorCode.Unauthorized]),
            ],
            FieldKind.OpId => BadCharacters(random).Concat(
            [
                new("201 characters", Quote(new string('o', 201)), Invalid),
                new($"{HugeLength:N0} characters", Quote(Huge), Invalid),
            ]),
            FieldKind.Enum or FieldKind.OptionalEnum => NotNames(),
            FieldKind.Revision =>
            [
                new("0", "0", Invalid),
                new("-1", "-1", Invalid),
                new("after now", (ids.Version + 1000).ToString(CultureInfo.InvariantCulture), Invalid),
                new("long.MaxValue", long.MaxValue.ToString(CultureInfo.InvariantCulture), Invalid),
            ],
            FieldKind.QuestionNumber =>
            [
                new("0", "0", Invalid),
                new("-1", "-1", Invalid),
                new("1000", "1000", Invalid),
                new("int.MaxValue + 1", "2147483648", Invalid),
            ],
            FieldKind.OptionalDate =>
            [
                new("a day written d/m/y", "\"15/03/2026\"", Invalid),
                new("month 13", "\"2026-13-01\"", Invalid),
                new("a time", "\"2026-03-15T00:00:00Z\"", Invalid),
                new($"{HugeLength:N0} characters", Quote(Huge), Invalid),
            ],
            FieldKind.OptionalTime =>
            [
                new("a word", "\"yesterday\"", Invalid),
                new("month 13", "\"2026-13-45T00:00:00Z\"", Invalid),
                new($"{HugeLength:N0} characters", Quote(Huge), Invalid),
            ],
            FieldKind.Index or FieldKind.ChosenIndex =>
            [
                new("-1", "-1", Invalid),
                new("out of range", "1000", Invalid),
                new("int.MaxValue", int.MaxValue.ToString(CultureInfo.InvariantCulture), Invalid),
                new("int.MaxValue + 1", "2147483648", Invalid),
            ],
            _ => [],
        };
        foreach (var value in values)
            yield return value;
        if (field.Kind == FieldKind.ChosenIndex)
            yield return new FuzzValue("null where the rest makes it required", "null", Invalid);
        if (!numeric && field.Kind != FieldKind.Flag)
        {
            foreach (var bytes in NotUtf8())
                yield return bytes;
        }
    }

    /// <summary>Malformed row fields: not an object, and each rule of a field broken inside one.</summary>
    private static IEnumerable<FuzzValue> RowFields(bool required, Random random)
    {
        FuzzValue In(string field, FuzzValue value) =>
            new($"{field}: {value.Label}", [.. Encoding.UTF8.GetBytes($"{{\"{field}\":"), .. value.Json, (byte)'}'], value.Expected);
        if (required)
            yield return new("null where required", "null", Invalid);
        yield return new("a number", "42", Invalid);
        yield return new("a string", "\"Spam\"", Invalid);
        yield return new("a boolean", "true", Invalid);
        yield return new("an array", "[\"Spam\"]", Invalid);
        yield return new("arrays nested 10,000 deep", DeepJsonArray, Invalid);
        yield return new("objects nested 5,000 deep", DeepJsonObject, Invalid);
        yield return new("an empty issue", "{\"issue\":\"  \"}", Invalid);
        yield return In("status", new("a number", "42", Invalid));
        yield return In("category", new("an object", "{\"value\":\"x\"}", Invalid));
        yield return In("grouping", new("two lines", Quote("one\ntwo"), Invalid));
        yield return In("activities", new("4,001 characters", Quote(new string('a', 4_001)), TooLarge));
        yield return In("issue", new($"{HugeLength:N0} characters", Quote(Huge), TooLarge));
        foreach (var bad in BadCharacters(random))
            yield return In("status", bad);
        foreach (var bytes in NotUtf8())
            yield return In("issue", bytes);
    }

    /// <summary>Malformed lists of rows to merge.</summary>
    private static IEnumerable<FuzzValue> RowIds(FuzzIds ids, Random random)
    {
        string List(params Guid[] list) => "[" + string.Join(",", list.Select(id => Quote(id.ToString()))) + "]";
        yield return new("null where required", "null", Invalid);
        yield return new("a string", Quote(ids.Paragraph.ToString()), Invalid);
        yield return new("a number", "42", Invalid);
        yield return new("an object", "{\"value\":\"x\"}", Invalid);
        yield return new("an empty array", "[]", Invalid);
        yield return new("one row", List(ids.Paragraph), Invalid);
        yield return new("a row twice", List(ids.Paragraph, ids.Paragraph), Invalid);
        yield return new("an unknown id", List(ids.Paragraph, NewGuid(random)), NotFound);
        yield return new("the empty id", List(ids.Paragraph, Guid.Empty), NotFound);
        yield return new("a deleted row", List(ids.Paragraph, ids.Deleted), NotFound);
        yield return new("the document's id", List(ids.Paragraph, ids.Document), NotFound);
        yield return new("not a GUID inside", $"[{Quote(ids.Paragraph.ToString())},\"not-a-guid\"]", Invalid);
        yield return new("a null inside", $"[{Quote(ids.Paragraph.ToString())},null]", Invalid);
        yield return new("501 ids", List([.. Enumerable.Range(0, 501).Select(_ => NewGuid(random))]), TooLarge);
        yield return new("an array of 50,000 numbers", HugeJsonArray, Invalid);
        yield return new("arrays nested 10,000 deep", DeepJsonArray, Invalid);
    }

    private static IEnumerable<FuzzValue> WrongTypes(bool numeric, bool flag)
    {
        if (numeric)
        {
            yield return new("a string", "\"1\"", Invalid);
            yield return new("an empty string", "\"\"", Invalid);
            yield return new("a boolean", "true", Invalid);
            yield return new("a fraction", "1.5", Invalid);
            yield return new("1e400", "1e400", Invalid);
            yield return new("30 digits", "123456789012345678901234567890", Invalid);
        }
        else if (flag)
        {
            yield return new("a string", "\"true\"", Invalid);
            yield return new("a number", "1", Invalid);
        }
        else
        {
            yield return new("a number", "42", Invalid);
            yield return new("a negative fraction", "-1.5", Invalid);
            yield return new("a boolean", "true", Invalid);
        }
        yield return new("an empty object", "{}", Invalid);
        yield return new("an object", "{\"value\":\"x\"}", Invalid);
        yield return new("an empty array", "[]", Invalid);
        yield return new("an array", "[\"x\"]", Invalid);
        yield return new("an array of 50,000 numbers", HugeJsonArray, Invalid);
        yield return new("arrays nested 10,000 deep", DeepJsonArray, Invalid);
        yield return new("objects nested 5,000 deep", DeepJsonObject, Invalid);
    }

    /// <summary>Strings that are no id at all.</summary>
    private static IEnumerable<FuzzValue> NotIds(Random random) =>
    [
        new("not a GUID", "\"not-a-guid\"", Invalid),
        new("an empty string", "\"\"", Invalid),
        new("a GUID one digit short", Quote(NewGuid(random).ToString()[..35]), Invalid),
        new($"{HugeLength:N0} characters", Quote(Huge), Invalid),
        new("NUL", "\"\\u0000\"", Invalid),
        new("a lone surrogate", "\"\\ud800\"", Invalid),
        new("brackets nested 10,001 deep", Quote(DeepBrackets), Invalid),
        new("block quotes nested 10,001 deep", Quote(DeepQuote), Invalid),
    ];

    /// <summary>Well-formed ids that name nothing the field may name.</summary>
    private static IEnumerable<FuzzValue> UnknownIds(FieldKind kind, FuzzIds ids, Random random)
    {
        var expected = kind == FieldKind.JoinedDocumentRef ? Invalid : NotFound;
        yield return new("an unknown id", Quote(NewGuid(random).ToString()), expected);
        yield return new("the empty id", Quote(Guid.Empty.ToString()), expected);
        var other = kind is FieldKind.DocumentRef or FieldKind.JoinedDocumentRef ? ids.Paragraph : ids.Document;
        yield return new("the id of something else", Quote(other.ToString()), expected);
        if (kind == FieldKind.ParagraphRef)
            yield return new("a deleted paragraph", Quote(ids.Deleted.ToString()), NotFound);
        if (kind == FieldKind.ProposalRef)
            yield return new("a withdrawn proposal", Quote(ids.Withdrawn.ToString()), Invalid);
    }

    private static IEnumerable<FuzzValue> NotNames() =>
    [
        new("an unknown name", "\"bogus\"", Invalid),
        new("the name 'unknown'", "\"unknown\"", Invalid),
        new("a name in the wrong case", "\"TEXT\"", Invalid),
        new("an empty string", "\"\"", Invalid),
        new("a number as a string", "\"1\"", Invalid),
        new($"{HugeLength:N0} characters", Quote(Huge), Invalid),
        new("NUL", "\"\\u0000\"", Invalid),
        new("a lone surrogate", "\"\\udc00\"", Invalid),
    ];

    private static IEnumerable<FuzzValue> Texts(FuzzField field, Random random)
    {
        foreach (var bad in BadCharacters(random))
            yield return bad;
        var limit = field.Limit;
        yield return new($"{limit + 1:N0} characters", Quote(new string('t', limit + 1)), TooLarge);
        yield return new($"{HugeLength:N0} characters", Quote(Huge), TooLarge);
        foreach (var (label, deep) in Deep())
        {
            if (deep.Length > limit)
                yield return new(label, Quote(deep), TooLarge);
        }
        if (field.Kind is FieldKind.ParagraphText or FieldKind.Line or FieldKind.OptionalLine)
        {
            yield return new("a blank line", Quote("one\n\ntwo"), Invalid);
            yield return new("a line of spaces", Quote("one\n  \t\ntwo"), Invalid);
        }
        if (field.Kind is FieldKind.Line or FieldKind.OptionalLine)
            yield return new("two lines", Quote("one\ntwo"), Invalid);
        if (field.Kind == FieldKind.Line)
        {
            yield return new("an empty string", "\"\"", Invalid);
            yield return new("only spaces", "\"   \"", Invalid);
        }
        if (field.Kind == FieldKind.Markdown)
            yield return new("5,001 paragraphs", Quote(string.Join("\n\n", Enumerable.Repeat("P.", 5_001))), TooLarge);
        if (field.Kind == FieldKind.CommentText)
            yield return new("only spaces", "\" \\n \"", Invalid);
    }

    public static IEnumerable<(string Label, string Text)> Deep() =>
    [
        ("brackets nested 10,001 deep", DeepBrackets),
        ("block quotes nested 10,001 deep", DeepQuote),
        ("list items nested 10,001 deep", DeepList),
        ("emphasis delimiters 10,001 deep", DeepEmphasis),
        ("5,001 unfinished links", LinkOpeners),
    ];

    /// <summary>NUL, other C0 and C1 controls, DEL, lone and reversed surrogates, noncharacters: §5 refuses them all.</summary>
    private static IEnumerable<FuzzValue> BadCharacters(Random random)
    {
        var at = random.Next(1, 40);
        string Around(string bad) => Quote(new string('x', at) + bad + "y");
        char[] c0 = [.. Enumerable.Range(1, 31).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r'))];
        var control = c0[random.Next(c0.Length)];
        var c1 = (char)random.Next(0x80, 0xA0);
        yield return new("NUL", Around("\0"), Invalid);
        yield return new($"U+{(int)control:X4}", Around(control.ToString()), Invalid);
        yield return new("DEL", Around("\u007f"), Invalid);
        yield return new($"U+{(int)c1:X4}", Around(c1.ToString()), Invalid);
        yield return new("a lone high surrogate", Around("\ud800"), Invalid);
        yield return new("a lone low surrogate", Around("\udfff"), Invalid);
        yield return new("a reversed surrogate pair", Around("\udc00\ud83d"), Invalid);
        yield return new("a high surrogate at the end", Quote("end\ud83d"), Invalid);
        yield return new("U+FFFF", Around("\uffff"), Invalid);
        yield return new("U+FDD0", Around("\ufdd0"), Invalid);
        yield return new("U+10FFFF", Around("\udbff\udfff"), Invalid);
    }

    /// <summary>A string whose bytes are not UTF-8: a surrogate encoded as UTF-8, a stray byte, an overlong form.</summary>
    private static IEnumerable<FuzzValue> NotUtf8() =>
    [
        new("a UTF-8-encoded surrogate", [(byte)'"', (byte)'a', 0xED, 0xA0, 0x80, (byte)'b', (byte)'"'], Invalid),
        new("the byte 0xFF", [(byte)'"', (byte)'a', 0xFF, (byte)'b', (byte)'"'], Invalid),
        new("an overlong '/'", [(byte)'"', (byte)'a', 0xC0, 0xAF, (byte)'b', (byte)'"'], Invalid),
    ];

    public static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
