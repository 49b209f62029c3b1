using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Evidence;

/// <summary>A live client of one document: what it joined with, folded forward with every envelope it is sent.</summary>
public sealed class Follower(DraftingConnection hub, Replica replica) : IAsyncDisposable
{
    public DraftingConnection Hub => hub;

    public Replica Replica => replica;

    public static async Task<Follower> JoinAsync(Participant participant, Guid documentId)
    {
        var hub = await participant.ConnectAsync();
        var joined = await hub.JoinDocumentAsync(new JoinDocumentRequest(documentId));
        return new Follower(hub, Replica.From(joined.Document!));
    }

    /// <summary>Applies envelopes as they come until the replica reaches <paramref name="version"/>.</summary>
    public async Task<Replica> AtAsync(long version)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (replica.Version < version)
            replica.Apply(await hub.Applied.ReadAsync(timeout.Token));
        return replica;
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();
}

/// <summary>An annex holding the sample mapping table (../shared/samples/mapping.csv), put in row by row through the hub.</summary>
public static class MappingTable
{
    /// <summary>
    /// The sample's rows: issue, category, grouping, activities, status (the "No" column is the server's number), read
    /// without the server's CSV reader, so that tests of that reader compare it with something else.
    /// </summary>
    public static IReadOnlyList<RowFields> SampleRows() =>
        [.. Samples.Read("mapping.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
        {
            var cells = System.Text.RegularExpressions.Regex.Matches(line.TrimEnd('\r'), "(?:^|,)(\"[^\"]*\"|[^,]*)")
                .Select(m => m.Groups[1].Value.Trim('"')).ToArray();
            return new RowFields(cells[1], cells[2], cells[3], cells[4], cells[5]);
        })];

    public static async Task<DocumentView> CreateAsync(Participant chair, DraftingConnection hub, IReadOnlyList<RowFields>? rows = null)
    {
        var annex = await chair.Api.CreateDocumentAsync("Mapping of international public policy issues", DocumentKind.Annex);
        Guid? after = null;
        foreach (var fields in rows ?? SampleRows())
        {
            var inserted = await hub.InsertParagraphAsync(new InsertParagraphRequest(annex.Id, after, ParagraphKind.Row, null, Fields: fields));
            after = inserted.ParagraphId;
        }
        return await chair.Api.DocumentAsync(annex.Id);
    }

    /// <summary>A questionnaire with one contribution: Brazil (government) answering question 3.</summary>
    public static async Task<(QuestionnaireView Questionnaire, ContributionView Contribution)> ContributionAsync(Participant chair)
    {
        var questionnaire = await chair.Api.CreateQuestionnaireAsync("Questionnaire on enhanced cooperation");
        var question = await chair.Api.AddQuestionAsync(questionnaire.Id, 3, "A", "What are the high-level characteristics of enhanced cooperation?");
        var brazil = await chair.Api.AddRespondentAsync(questionnaire.Id, "Brazil", StakeholderType.Government, "Brazil");
        return (questionnaire, await chair.Api.AddContributionAsync(questionnaire.Id, brazil.Id, question.Id, "Cooperation among governments on an equal footing."));
    }
}
