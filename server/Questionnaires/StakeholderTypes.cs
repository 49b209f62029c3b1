using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Questionnaires;

/// <summary>The stakeholder types in the order the secretariat publishes them, their names for people, and the forms a spreadsheet writes them in.</summary>
public static class StakeholderTypes
{
    public static readonly IReadOnlyList<StakeholderType> Known = [.. Enum.GetValues<StakeholderType>().Where(t => t != StakeholderType.Unknown)];

    /// <summary>"Private sector": a heading, a table row.</summary>
    public static string Title(StakeholderType type) => type switch
    {
        StakeholderType.Government => "Government",
        StakeholderType.PrivateSector => "Private sector",
        StakeholderType.CivilSociety => "Civil society",
        StakeholderType.TechnicalAndAcademicCommunity => "Technical and academic community",
        StakeholderType.IntergovernmentalOrganisation => "Intergovernmental organisation",
        _ => "Other",
    };

    /// <summary>"private sector": inside a sentence or a label.</summary>
    public static string Label(StakeholderType type) => Title(type).ToLowerInvariant();

    /// <summary>Where a type sorts: the published order; an unknown one last.</summary>
    public static int Rank(StakeholderType type) => type == StakeholderType.Unknown ? int.MaxValue : (int)type;

    /// <summary>
    /// The wire name (<c>private-sector</c>) or a human form ("Private sector", "Intergovernmental organization",
    /// "IGO"), in any case and spacing; anything else is <see cref="StakeholderType.Unknown"/>.
    /// </summary>
    public static StakeholderType Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return StakeholderType.Unknown;
        var words = string.Join('-', text.Trim().ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return words switch
        {
            "igo" or "intergovernmental-organization" => StakeholderType.IntergovernmentalOrganisation,
            "technical-&-academic-community" => StakeholderType.TechnicalAndAcademicCommunity,
            _ => ProtocolJson.Parse<StakeholderType>(words),
        };
    }
}
