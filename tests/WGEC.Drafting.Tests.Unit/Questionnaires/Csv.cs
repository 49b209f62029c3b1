using System.Text;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>Import files for the unit tests, written as a spreadsheet would (quoted where needed).</summary>
internal static class Csv
{
    public const string Header = "Respondent,Stakeholder type,Country,Question,Group,Question text,Contribution,Received";

    public static string File(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static string Row(string respondent, string type, string? country, int question, string group, string questionText, string contribution, string? received = null) =>
        string.Join(',', new[] { respondent, type, country ?? "", $"{question}", group, questionText, contribution, received ?? "" }.Select(Quote));

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Utf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
