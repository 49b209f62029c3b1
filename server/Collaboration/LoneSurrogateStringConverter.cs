using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WGEC.Drafting.Collaboration;

/// <summary>
/// Reads the hub's JSON strings so that a lone surrogate escaped as <c>\ud800</c> (what a browser's
/// <c>JSON.stringify</c> sends for one) reaches the text rules, which refuse it with <c>invalid</c>
/// (PROTOCOL.md §5). System.Text.Json alone fails the argument binding, and the caller gets an
/// error without a code instead. Bytes that are not UTF-8 are not text at all: they fail the binding
/// (<c>invalid</c>) rather than turn into U+FFFD.
/// </summary>
public sealed class LoneSurrogateStringConverter : JsonConverter<string>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException) when (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            string escaped;
            try
            {
                escaped = StrictUtf8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            }
            catch (DecoderFallbackException notUtf8)
            {
                throw new JsonException("a string is not UTF-8", notUtf8);
            }
            return Unescape(escaped);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>JSON string escapes undone char by char, lone surrogates kept as they are.</summary>
    private static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\' || i + 1 >= escaped.Length)
            {
                text.Append(escaped[i]);
                continue;
            }
            var c = escaped[++i];
            text.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' when i + 4 < escaped.Length => (char)Convert.ToUInt16(escaped.Substring(i + 1, 4), 16),
                _ => c,
            });
            if (c == 'u')
                i += 4;
        }
        return text.ToString();
    }
}
