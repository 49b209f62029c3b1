using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace WGEC.Drafting.Questionnaires;

// Kept inline, in the transaction that appends the events: the list of questionnaires (which streams are
// questionnaires, and their counts) and, per contribution, the questionnaire that holds it, so a paragraph's
// evidence link finds a contribution with one lookup, on any node, without folding every questionnaire.

public sealed class QuestionnaireRow
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    public long Version { get; set; }
    public int Questions { get; set; }
    public int Respondents { get; set; }
    public int Contributions { get; set; }
    public int Late { get; set; }
}

public sealed class ContributionIndexRow
{
    public Guid Id { get; set; }
    public Guid QuestionnaireId { get; set; }
}

public sealed class QuestionnaireRowProjection : SingleStreamProjection<QuestionnaireRow, Guid>
{
    public QuestionnaireRowProjection()
    {
        foreach (var type in QuestionnaireEventTypes.All)
            IncludeType(type);
    }

    public override QuestionnaireRow Evolve(QuestionnaireRow? row, Guid id, IEvent e)
    {
        row ??= new QuestionnaireRow { Id = id };
        switch (e.Data)
        {
            case QuestionnaireCreated c:
                (row.Title, row.Deadline) = (c.Title, c.Deadline);
                break;
            case QuestionAdded:
                row.Questions++;
                break;
            case RespondentAdded:
                row.Respondents++;
                break;
            case ContributionReceived c:
                row.Contributions++;
                row.Late += Lateness.IsLate(row.Deadline, c.ReceivedAt) ? 1 : 0;
                break;
        }
        row.Version = e.Version;
        return row;
    }
}

public sealed class ContributionIndexProjection : MultiStreamProjection<ContributionIndexRow, Guid>
{
    public ContributionIndexProjection() => Identity<ContributionReceived>(e => e.ContributionId);

    public override ContributionIndexRow Evolve(ContributionIndexRow? row, Guid id, IEvent e) =>
        row ?? new ContributionIndexRow { Id = id, QuestionnaireId = e.StreamId };
}

public static class QuestionnaireStorage
{
    /// <summary>The questionnaires' part of the Marten configuration (StorageExtensions calls it).</summary>
    public static void Configure(StoreOptions options)
    {
        options.Events.AddEventTypes(QuestionnaireEventTypes.All);
        options.Projections.Add(new QuestionnaireRowProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ContributionIndexProjection(), ProjectionLifecycle.Inline);
    }
}
