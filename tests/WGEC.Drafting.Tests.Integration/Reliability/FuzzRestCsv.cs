using System.Text;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Reliability.Fuzz;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>The questionnaire a fuzz run's questionnaire calls name: question 1 (group A), a respondent, and their answer.</summary>
internal sealed record FuzzQuestionnaire(Guid Id, Guid Question, Guid Respondent, Guid Contribution)
{
    public static async Task<FuzzQuestionnaire> CreateAsync(DraftingApi api)
    {
        var questionnaire = await api.CreateQuestionnaireAsync("Fuzz questionnaire", new DateOnly(2026, 3, 15));
        var question = await api.AddQuestionAsync(questionnaire.Id, 1, "A", "What is enhanced cooperation?");
        var respondent = await api.AddRespondentAsync(questionnaire.Id, "Brazil", StakeholderType.Government, "Brazil");
        var contribution = await api.AddContributionAsync(questionnaire.Id, respondent.Id, question.Id, "A process.");
        return new FuzzQuestionnaire(questionnaire.Id, question.Id, respondent.Id, contribution.Id);
    }
}

/// <summary>
/// Malformed import files for <c>POST /api/questionnaires/{id}/import</c>, each one fault in the valid file: its CSV
/// (quoting, field counts, the header), a field a rule refuses, rows that disagree, bytes that are not UTF-8, and the
/// request's content type. Every one refuses the whole file.
/// </summary>
internal static class FuzzRestCsv
{
    public const string ContentType = "text/csv";
    private const string Header = "Respondent,Stakeholder type,Country,Question,Group,Question text,Contribution,Received";
    private static readonly ErrorCode[] Invalid = [ErrorCode.Invalid];
    private static readonly ErrorCode[] TooLarge = [ErrorCode.TooLarge];

    /// <summary>Adds question 5 and a respondent, answers question 1 for Brazil (a revision) and question 5 for both.</summary>
    public static readonly string Valid = File(
        "Brazil,Government,Brazil,1,A,What is enhanced cooperation?,\"A process, revised.\",2026-03-10",
        "Brazil,Government,,5,B,Who takes part?,Everyone.,2026-03-16T08:00:00Z",
        "Internet Society,Technical and academic community,,5,B,Who takes part?,\"All, \"\"equally\"\".\",");

    private static string File(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    private static string Row(string contribution = "Fine.", string respondent = "Chile", string type = "Government", string question = "3", string group = "C", string text = "Why?", string received = "") =>
        string.Join(',', respondent, type, "", question, group, text, contribution, received);

    private static string Quoted(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static IEnumerable<(string Label, byte[]? Body, string? ContentType, ErrorCode[] Expected)> Bodies()
    {
        var texts = new (string Label, string Csv, ErrorCode[] Expected)[]
        {
            ("an empty file", "", Invalid),
            ("no header row", Row() + "\r\n", Invalid),
            ("a header without Contribution", "Respondent,Stakeholder type,Question,Group,Question text\r\nChile,Government,3,C,Why?\r\n", Invalid),
            ("an unknown column", Header + ",Notes\r\n" + Row() + ",x\r\n", Invalid),
            ("a column twice", Header + ",Country\r\n" + Row() + ",\r\n", Invalid),
            ("a quote never closed", File(Row(contribution: "\"Fine.")), Invalid),
            ("text after a closing quote", File(Row(contribution: "\"Fine.\"x")), Invalid),
            ("a quote inside an unquoted field", File(Row(contribution: "Fi\"ne.")), Invalid),
            ("a row with a field too few", File("Chile,Government,,3,C,Why?,Fine."), Invalid),
            ("a row with a field too many", File(Row() + ",x"), Invalid),
            ("an unknown stakeholder type", File(Row(type: "Goverment")), Invalid),
            ("an empty stakeholder type", File(Row(type: "")), Invalid),
            ("question 0", File(Row(question: "0")), Invalid),
            ("question 1000", File(Row(question: "1000")), Invalid),
            ("a question that is no number", File(Row(question: "three")), Invalid),
            ("a negative question", File(Row(question: "-3")), Invalid),
            ("an empty respondent", File(Row(respondent: "")), Invalid),
            ("an empty group", File(Row(group: "")), Invalid),
            ("an empty question text", File(Row(text: "")), Invalid),
            ("a received day that is no day", File(Row(received: "15/03/2026")), Invalid),
            ("a received time of month 13", File(Row(received: "2026-13-45T00:00:00Z")), Invalid),
            ("a NUL in a contribution", File(Row(contribution: "Fi\0ne.")), Invalid),
            ("a control character in a name", File(Row(respondent: "Chi\u0007le")), Invalid),
            ("a name of two lines", File(Row(respondent: Quoted("Chi\nle"))), Invalid),
            ("a name of 301 characters", File(Row(respondent: new string('n', 301))), TooLarge),
            ("a contribution of 20,001 characters", File(Row(contribution: new string('c', 20_001))), TooLarge),
            ($"a contribution of {HugeLength:N0} characters", File(Row(contribution: Huge)), TooLarge),
            ("a contribution of brackets nested 10,001 deep", File(Row(contribution: DeepBrackets)), TooLarge),
            ("a question text of 20,001 characters", File(Row(text: new string('q', 20_001))), TooLarge),
            ("one respondent answering a question twice", File(Row(), Row(contribution: "Again.")), Invalid),
            ("one respondent of two stakeholder types", File(Row(), Row(type: "Civil society", question: "4")), Invalid),
            ("one question in two groups", File(Row(), Row(respondent: "Peru", group: "D")), Invalid),
            ("a stored question given another group", File(Row(question: "1", group: "E", text: "What is enhanced cooperation?")), Invalid),
            ("a stored question given another text", File(Row(question: "1", group: "A", text: "What is it?")), Invalid),
            ("a stored respondent given another stakeholder type", File(Row(respondent: "BRAZIL", type: "Private sector")), Invalid),
            ("50,001 rows", File([.. Enumerable.Range(0, 50_001).Select(i => $"R{i},Government,,1,A,What is enhanced cooperation?,x")]), TooLarge),
        };
        foreach (var (label, csv, expected) in texts)
            yield return ("csv: " + label, Encoding.UTF8.GetBytes(csv), ContentType, expected);
        var valid = Encoding.UTF8.GetBytes(Valid);
        yield return ("csv: a UTF-8-encoded surrogate", [.. valid[..^2], 0xED, 0xA0, 0x80, (byte)'\r', (byte)'\n'], ContentType, Invalid);
        yield return ("csv: the byte 0xFF", [.. valid[..40], 0xFF, .. valid[40..]], ContentType, Invalid);
        yield return ("csv: Latin-1 declared", valid, "text/csv; charset=iso-8859-1", Invalid);
        yield return ("content type application/json", valid, "application/json", Invalid);
        yield return ("content type text/plain", valid, "text/plain", Invalid);
        yield return ("no content type", valid, null, Invalid);
    }
}
