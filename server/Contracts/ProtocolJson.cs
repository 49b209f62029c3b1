using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WGEC.Drafting.Contracts;

/// <summary>The JSON conventions of PROTOCOL.md: camelCase members, kebab-case enums, open enums.</summary>
public static class ProtocolJson
{
    public static readonly JsonNamingPolicy EnumNaming = JsonNamingPolicy.KebabCaseLower;

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Insert(0, new OpenEnumConverterFactory());
        return options;
    }

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The wire name of an enum value, e.g. <c>agreed-ad-ref</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => OpenEnumNames<T>.ToName(value);

    /// <summary>Parses a wire name; anything unknown (or null) gives <c>Unknown</c> (0).</summary>
    public static T Parse<T>(string? name) where T : struct, Enum => OpenEnumNames<T>.FromName(name);
}

internal static class OpenEnumNames<T> where T : struct, Enum
{
    private static readonly ConcurrentDictionary<T, string> Names = new();
    private static readonly Dictionary<string, T> Values =
        Enum.GetValues<T>().ToDictionary(v => ProtocolJson.EnumNaming.ConvertName(v.ToString()), StringComparer.Ordinal);

    public static string ToName(T value) => Names.GetOrAdd(value, v => ProtocolJson.EnumNaming.ConvertName(v.ToString()));

    public static T FromName(string? name) => name is not null && Values.TryGetValue(name, out var v) ? v : default;
}

/// <summary>Reads and writes enums as kebab-case strings; an unknown string reads as the enum's 0 (Unknown).</summary>
public sealed class OpenEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OpenEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class OpenEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? OpenEnumNames<T>.FromName(reader.GetString()) : SkipToUnknown(ref reader);

        private static T SkipToUnknown(ref Utf8JsonReader reader)
        {
            reader.Skip();
            return default;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(OpenEnumNames<T>.ToName(value));
    }
}
