using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Questionnaires.Entering;

/// <summary>What a pure decision about a questionnaire answers: a refusal, or the events to append (none: nothing changes) and what the caller is told.</summary>
public sealed record QuestionnaireDecision
{
    public Refusal? Refusal { get; private init; }

    public IReadOnlyList<QuestionnaireEvent> Events { get; private init; } = [];

    /// <summary>What the decision worked out for the answer (the id it gave, an import's counts).</summary>
    public object? Result { get; private init; }

    public static QuestionnaireDecision Append(IReadOnlyList<QuestionnaireEvent> events, object? result = null) => new() { Events = events, Result = result };

    public static implicit operator QuestionnaireDecision(Refusal refusal) => new() { Refusal = refusal };
}

/// <summary>The rules of a questionnaire's fields (PROTOCOL.md §5 for texts), shared by entry by hand and the CSV import.</summary>
public static class QuestionnaireRules
{
    public const int MaxNameLength = TextRules.MaxTitleLength;
    public const int MaxTextLength = TextRules.MaxParagraphLength;
    public const int MaxQuestionNumber = 999;
    public const int MaxRespondents = 5_000;

    public static TextCheck Title(string? title) => TextRules.NormalizeLine(title, MaxNameLength, "title");

    public static Refusal? Number(int number) =>
        number is < 1 or > MaxQuestionNumber ? Refusal.Invalid($"a question number is 1 to {MaxQuestionNumber}, not {number}") : null;

    public static TextCheck Group(string? group) => TextRules.NormalizeLine(group, MaxNameLength, "group");

    /// <summary>Question and contribution texts are Markdown of one or more paragraphs: blank lines are fine; empty is not.</summary>
    public static TextCheck Text(string? text, string what)
    {
        var check = TextRules.Normalize(text, MaxTextLength, what, allowBlankLines: true);
        return check.IsValid && check.Text.Length == 0 ? TextCheck.Refused(Refusal.Invalid($"{what} is empty")) : check;
    }

    public static TextCheck Name(string? name) => TextRules.NormalizeLine(name, MaxNameLength, "name");

    /// <summary>An optional country: empty means none (null).</summary>
    public static TextCheck Country(string? country) =>
        country is null ? TextCheck.Valid("") : TextRules.NormalizeLine(country, MaxNameLength, "country", required: false);

    public static Refusal? Type(Contracts.StakeholderType type) =>
        type == Contracts.StakeholderType.Unknown
            ? Refusal.Invalid("stakeholderType is one of " + string.Join(", ", StakeholderTypes.Known.Select(Contracts.ProtocolJson.Name)))
            : null;

    /// <summary>Stored in UTC to the microsecond, as PostgreSQL keeps times.</summary>
    public static DateTimeOffset Received(DateTimeOffset at) => Timestamps.Trim(at.ToUniversalTime());
}
