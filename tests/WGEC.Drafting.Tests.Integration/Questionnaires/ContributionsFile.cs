using System.Globalization;
using System.Text;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Questionnaires;

/// <summary>
/// A realistic import file, made from a seed: 69 respondents (governments, private sector, civil society, the technical
/// and academic community, intergovernmental organisations, in the proportions of the working group's questionnaire)
/// × 18 questions in groups A–E = 1,242 answers in shuffled order, each received on a day around the deadline (some
/// after it), with commas, quotes, line breaks, Markdown, non-ASCII names and one answer that holds raw HTML. Stakeholder
/// types are written in their human forms as a spreadsheet would. <see cref="Answers"/> is what the file says.
/// </summary>
public sealed class ContributionsFile
{
    public static readonly DateOnly Deadline = new(2026, 3, 15);

    public const string Script = "We propose <script>alert('x')</script> and <b>bold</b> text.";

    public sealed record Question(int Number, string Group, string Text);

    public sealed record Respondent(string Name, StakeholderType Type, string? Country);

    public sealed record Answer(Respondent Respondent, Question Question, string Text, DateTimeOffset Received, int Line)
    {
        public bool Late => Received >= new DateTimeOffset(Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static readonly (StakeholderType Type, int Count)[] Proportions =
    [
        (StakeholderType.Government, 31), (StakeholderType.PrivateSector, 9), (StakeholderType.CivilSociety, 15),
        (StakeholderType.TechnicalAndAcademicCommunity, 10), (StakeholderType.IntergovernmentalOrganisation, 4),
    ];

    private static readonly string[] Countries =
    [
        "Argentina", "Australia", "Brazil", "Canada", "Chile", "China", "Côte d'Ivoire", "Cuba", "Egypt", "Finland", "France", "Germany",
        "Ghana", "India", "Indonesia", "Iran (Islamic Republic of)", "Japan", "Kenya", "Mexico", "Nigeria", "Pakistan", "Peru",
        "Republic of Korea", "Russian Federation", "Saudi Arabia", "South Africa", "Sweden", "Switzerland", "Türkiye",
        "United Kingdom of Great Britain and Northern Ireland", "United States of America", "Uruguay", "Viet Nam",
    ];

    private static readonly Dictionary<StakeholderType, string[]> Organisations = new()
    {
        [StakeholderType.PrivateSector] =
            ["Microsoft", "Google", "Meta", "Telefónica", "Orange", "GSMA", "ETNO", "International Chamber of Commerce", "Huawei", "Nokia", "Cisco"],
        [StakeholderType.CivilSociety] =
        [
            "Association for Progressive Communications", "Access Now", "Derechos Digitales", "Article 19", "Global Partners Digital", "IT for Change",
            "Third World Network", "Center for Democracy & Technology", "KICTANet", "Web Foundation", "Hivos", "Freedom House",
            "Consumers International", "Wikimedia Foundation", "Mozilla Foundation", "Paradigm Initiative",
        ],
        [StakeholderType.TechnicalAndAcademicCommunity] =
        [
            "Internet Society", "ICANN", "RIPE NCC", "LACNIC", "AFRINIC", "Internet Governance Project", "DiploFoundation", "Oxford Internet Institute",
            "Research ICT Africa", "CIGI", "APNIC",
        ],
        [StakeholderType.IntergovernmentalOrganisation] = ["UNESCO", "ITU", "OECD", "Council of Europe", "UNCTAD", "African Union Commission"],
    };

    private static readonly string[] Groups = ["A", "A", "A", "A", "B", "B", "B", "B", "C", "C", "C", "D", "D", "D", "D", "E", "E", "E"];

    private static readonly string[] Phrases =
    [
        "Enhanced cooperation should enable governments, on an equal footing, to carry out their roles",
        "The multistakeholder model has served the Internet well",
        "Capacity building in developing countries remains a priority",
        "We support a \"light-touch\" approach, with clear roles",
        "Existing forums such as the IGF should be strengthened, not duplicated",
        "Public policy issues pertaining to the Internet need an inclusive process",
        "Transparency and accountability are essential",
        "The working group could map existing mechanisms first",
        "Affordable access is the precondition for participation",
        "**Human rights** apply online as they do offline",
    ];

    private ContributionsFile(int seed, IReadOnlyList<Question> questions, IReadOnlyList<Respondent> respondents, IReadOnlyList<Answer> answers, string csv) =>
        (Seed, Questions, Respondents, Answers, Csv) = (seed, questions, respondents, answers, csv);

    public int Seed { get; }

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<Respondent> Respondents { get; }

    public IReadOnlyList<Answer> Answers { get; }

    public string Csv { get; }

    public static ContributionsFile Generate(int seed)
    {
        var random = new Random(seed);
        var questions = Enumerable.Range(1, 18)
            .Select(n => new Question(n, Groups[n - 1], $"Question {n}: {Phrases[n % Phrases.Length].Replace("**", "", StringComparison.Ordinal)}. What is your view, and why?"))
            .ToList();
        var countries = Countries.OrderBy(_ => random.Next()).ToList();
        var organisations = Organisations.ToDictionary(o => o.Key, o => o.Value.OrderBy(_ => random.Next()).ToArray());
        var respondents = new List<Respondent>();
        foreach (var (type, count) in Proportions)
        {
            for (var i = 0; i < count; i++)
            {
                if (type == StakeholderType.Government)
                {
                    var country = countries[respondents.Count(r => r.Type == type) % countries.Count];
                    respondents.Add(new Respondent(country, type, country));
                }
                else
                {
                    var name = organisations[type][i];
                    respondents.Add(new Respondent(name, type, type == StakeholderType.IntergovernmentalOrganisation ? null : Countries[random.Next(Countries.Length)]));
                }
            }
        }
        var pairs = respondents.SelectMany(r => questions.Select(q => (r, q))).OrderBy(_ => random.Next()).ToList();
        var answers = new List<Answer>();
        var csv = new StringBuilder("Contribution,Respondent,Country,Stakeholder type,Question,Group,Question text,Received\r\n");
        var line = 2;
        var scriptAt = random.Next(pairs.Count);
        foreach (var (respondent, question) in pairs)
        {
            var text = answers.Count == scriptAt ? Script : Text(random, respondent, question);
            // Most arrive in the weeks before the deadline; about one in twelve a few days after it; some are given as times.
            var day = Deadline.AddDays(random.Next(12) == 0 ? random.Next(1, 6) : -random.Next(0, 30));
            var received = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var written = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (random.Next(4) == 0)
            {
                received = received.AddMinutes(random.Next(24 * 60));
                written = received.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
            answers.Add(new Answer(respondent, question, text, received, line));
            csv.Append(string.Join(',', new[]
            {
                text, respondent.Name, respondent.Country ?? "", Human(respondent.Type, random), $"{question.Number}", question.Group, question.Text, written,
            }.Select(Quote))).Append("\r\n");
            line += 1 + text.Count(c => c == '\n');
        }
        return new ContributionsFile(seed, questions, respondents, answers, csv.ToString());
    }

    private static string Text(Random random, Respondent respondent, Question question)
    {
        var sentences = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Phrases[random.Next(Phrases.Length)] + ".").ToList();
        var text = $"{respondent.Name}, on question {question.Number}: " + string.Join(' ', sentences);
        return random.Next(5) == 0 ? text + "\n\nIn addition, we refer to our earlier submission, \"Annex 2\"." : text;
    }

    private static string Human(StakeholderType type, Random random) => (type, random.Next(3)) switch
    {
        (StakeholderType.Government, _) => "Government",
        (StakeholderType.PrivateSector, 0) => "private-sector",
        (StakeholderType.PrivateSector, _) => "Private sector",
        (StakeholderType.CivilSociety, _) => "Civil society",
        (StakeholderType.TechnicalAndAcademicCommunity, _) => "Technical and academic community",
        (StakeholderType.IntergovernmentalOrganisation, 0) => "IGO",
        (StakeholderType.IntergovernmentalOrganisation, 1) => "Intergovernmental organization",
        _ => "Intergovernmental organisation",
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
