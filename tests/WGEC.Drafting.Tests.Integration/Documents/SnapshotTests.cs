using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Meetings;
using WGEC.Drafting.Documents.Proposing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Revising;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Storage;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>
/// One long document (a 300-paragraph import, then thousands of seeded random writes of every
/// kind through the writer, as the hub would make them), generated once for the class.
/// </summary>
public sealed class LongHistoryApp : DraftingApp, IAsyncLifetime
{
    public const int Paragraphs = 300;
    public const int Writes = 3600;

    private static readonly string[] Words = ["shall", "should", "[may]", "stakeholders", "Recalling", "the", "Internet", "*governance*", "cooperation", "[all / some]", "enhanced", "Member States"];

    private static readonly Actor[] Actors =
    [
        new(Guid.Parse("c0000000-0000-4000-8000-000000000001"), "Chair", "WGEC", Role.Chair),
        new(Guid.Parse("a0000000-0000-4000-8000-000000000001"), "Ana", "Brazil", Role.Member),
        new(Guid.Parse("b0000000-0000-4000-8000-000000000001"), "Ben", "ISOC", Role.Member),
        new(Guid.Parse("d0000000-0000-4000-8000-000000000001"), "Chen", "China", Role.Member),
    ];

    public Guid DocumentId { get; private set; }
    public Participant Chair { get; private set; } = null!;
    public long LastVersion { get; private set; }
    public List<string> Labels { get; } = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Chair = await JoinAsync(Role.Chair);
        var markdown = string.Join("\n\n", Enumerable.Range(1, Paragraphs).Select(i =>
            i % 10 == 1 ? $"Recalling resolution {i}," : $"{i}. Decides [to consider] item {i}."));
        DocumentId = (await Chair.Api.CreateDocumentAsync("Long history", DocumentKind.Recommendations, markdown)).Id;
        var writer = Services.GetRequiredService<DocumentWriter>();
        var random = new Random(20140514);
        var proposals = new List<Guid>();
        for (var step = 0; step < Writes; step++)
        {
            var actor = Actors[random.Next(Actors.Length)];
            var roll = random.Next(100);
            try
            {
                await writer.ExecuteAsync<object>(DocumentId, actor, null, s => Decide(s, step, roll, random, actor, proposals), CancellationToken.None);
            }
            catch (RefusedException)
            {
                // Locked paragraphs, bracketed agreements, decided proposals: the rules refuse, the history goes on.
            }
        }
        LastVersion = (await Chair.Api.DocumentAsync(DocumentId)).Version;
    }

    private Decision Decide(DocumentState s, int step, int roll, Random random, Actor actor, List<Guid> proposals)
    {
        var live = s.Live.ToList();
        var target = live[random.Next(live.Count)];
        var id = DocumentId;
        if (step % 450 == 449)
        {
            var label = $"Rev.{Labels.Count + 1}";
            Labels.Add(label);
            return TagRevision.Decide(s, new TagRevisionRequest(id, label, "end of session", Renumber: random.Next(2) == 0));
        }
        return roll switch
        {
            < 30 => EditParagraph.Decide(s, new EditParagraphRequest(id, target.Id, target.Revision, Sentence(random))),
            < 40 => InsertParagraph.Decide(s, new InsertParagraphRequest(id, target.Id, (ParagraphKind)random.Next(1, 5), Sentence(random)), Guid.NewGuid()),
            < 46 => MoveParagraph.Decide(s, new MoveParagraphRequest(id, target.Id, random.Next(4) == 0 ? null : live[random.Next(live.Count)].Id)),
            < 51 when live.Count > 100 => DeleteParagraph.Decide(s, new DeleteParagraphRequest(id, target.Id)),
            < 60 => SetParagraphStatus.Decide(s, new SetParagraphStatusRequest(id, target.Id, target.Revision, (ParagraphStatus)random.Next(1, 4), "decided")),
            < 70 => AddComment.Decide(s, new AddCommentRequest(id, target.Id, Sentence(random)), Guid.NewGuid()),
            < 72 when target.Comments.Count > 0 => ResolveComment.Decide(s, new ResolveCommentRequest(id, target.Comments[0].Id), Actors[0]),
            < 80 => Table(s, target, random, proposals),
            < 86 when proposals.Count > 0 => random.Next(2) == 0
                ? ProposalVotes.Support(s, new ProposalRequest(id, proposals[random.Next(proposals.Count)]), actor)
                : ProposalVotes.Oppose(s, new ProposalRequest(id, proposals[random.Next(proposals.Count)]), actor),
            < 88 when proposals.Count > 0 => ProposalVotes.Withdraw(s, new ProposalRequest(id, proposals[random.Next(proposals.Count)]), actor),
            < 92 when proposals.Count > 0 => DecideProposal.Decide(s, new DecideProposalRequest(id, proposals[random.Next(proposals.Count)],
                (ProposalDecision)random.Next(1, 3), (ProposalForm)random.Next(1, 3)), Guid.NewGuid()),
            < 96 => s.Meeting is null
                ? OpenMeeting.Decide(s, new OpenMeetingRequest(id, $"Session {step}"))
                : CloseMeeting.Decide(s),
            _ => EditParagraph.Decide(s, new EditParagraphRequest(id, target.Id, target.Revision, Sentence(random))),
        };
    }

    private Decision Table(DocumentState s, ParagraphState target, Random random, List<Guid> proposals)
    {
        var proposalId = Guid.NewGuid();
        var decision = random.Next(3) switch
        {
            0 => TableProposal.Decide(s, new TableProposalRequest(DocumentId, target.Id, ProposalAction.Replace, Sentence(random), "better", ParagraphKind.Unknown), proposalId),
            1 => TableProposal.Decide(s, new TableProposalRequest(DocumentId, target.Id, ProposalAction.Delete, null, null, ParagraphKind.Unknown), proposalId),
            _ => TableProposal.Decide(s, new TableProposalRequest(DocumentId, target.Id, ProposalAction.InsertAfter, Sentence(random), null, ParagraphKind.Operative), proposalId),
        };
        if (decision.Refusal is null)
            proposals.Add(proposalId);
        return decision;
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 8)).Select(_ => Words[random.Next(Words.Length)])) + ";";
}

/// <summary>
/// The snapshot path of time travel (DESIGN.md "Time travel is bounded"): the document at version,
/// revision or time N equals a full replay of the stream to N, and no read folds more than 1,000 events.
/// </summary>
public sealed class SnapshotTests(LongHistoryApp app) : IClassFixture<LongHistoryApp>
{
    private DocumentStreams Streams => app.Services.GetRequiredService<DocumentStreams>();
    private DocumentReader Reader => app.Services.GetRequiredService<DocumentReader>();

    [Fact]
    public async Task The_generated_history_is_long_and_has_every_kind_of_event()
    {
        Assert.True(app.LastVersion > 3000, $"only {app.LastVersion} versions");
        var types = (await Streams.ReadAsync(app.DocumentId)).Select(e => e.Data.GetType()).ToHashSet();
        Assert.Superset(
            new HashSet<Type>
            {
                typeof(DocumentCreated), typeof(ParagraphInserted), typeof(ParagraphEdited), typeof(ParagraphMoved), typeof(ParagraphDeleted),
                typeof(ParagraphStatusChanged), typeof(CommentAdded), typeof(CommentResolved), typeof(RevisionTagged), typeof(MeetingOpened),
                typeof(MeetingClosed), typeof(ProposalTabled), typeof(ProposalSupported), typeof(ProposalOpposed), typeof(ProposalWithdrawn),
                typeof(ProposalDecided),
            },
            types);
    }

    [Fact]
    public async Task The_writer_keeps_a_snapshot_every_thousand_versions_and_at_every_revision_tag()
    {
        var versions = await SnapshotVersionsAsync();
        var tags = (await Streams.ReadAsync(app.DocumentId)).Where(e => e.Data is RevisionTagged).Select(e => e.Version);
        var thousands = Enumerable.Range(1, (int)(app.LastVersion / SnapshotPolicy.Interval)).Select(i => (long)i * SnapshotPolicy.Interval);
        Assert.Equal(thousands.Concat(tags).Distinct().Order(), versions);
    }

    [Fact]
    public async Task The_document_at_random_versions_equals_a_full_replay()
    {
        var random = new Random(4);
        var versions = Enumerable.Range(0, 40).Select(_ => (long)random.Next(1, (int)app.LastVersion + 1))
            .Append(1).Append(LongHistoryApp.Paragraphs + 1).Append(SnapshotPolicy.Interval).Append(SnapshotPolicy.Interval + 1).Append(app.LastVersion);
        foreach (var version in versions)
        {
            var read = await ReadAsync($"api/documents/{app.DocumentId}?version={version}");
            Assert.Equal(await ReplayedAsync(to: version), read);
            Assert.True((await Reader.FoldAtAsync(app.DocumentId, new Point.AtVersion(version), default)).FoldedEvents < SnapshotPolicy.Interval);
        }
    }

    [Fact]
    public async Task The_document_at_every_revision_equals_a_full_replay()
    {
        Assert.True(app.Labels.Count >= 7);
        var revisions = (await Streams.ReadAsync(app.DocumentId)).Where(e => e.Data is RevisionTagged).ToList();
        foreach (var tag in revisions)
        {
            var label = ((RevisionTagged)tag.Data).Label;
            var read = await ReadAsync($"api/documents/{app.DocumentId}?revision={Uri.EscapeDataString(label)}");
            Assert.Equal(await ReplayedAsync(to: tag.Version), read);
            // Tags are snapshot points: reading a revision folds nothing.
            Assert.Equal(0, (await Reader.FoldAtAsync(app.DocumentId, new Point.AtRevision(label), default)).FoldedEvents);
        }
    }

    [Fact]
    public async Task The_document_at_random_times_equals_a_full_replay()
    {
        var random = new Random(5);
        var events = await Streams.ReadAsync(app.DocumentId);
        for (var i = 0; i < 25; i++)
        {
            var index = random.Next(events.Count - 1);
            var (at, next) = (events[index].Timestamp, events[index + 1].Timestamp);
            // Exactly at an event's time, and between it and the next one.
            foreach (var time in new[] { at, at + ((next - at) / 2) })
            {
                var read = await ReadAsync($"api/documents/{app.DocumentId}?at={Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture))}");
                Assert.Equal(await ReplayedAsync(at: time), read);
            }
        }
    }

    [Fact]
    public async Task Time_travel_still_refuses_what_it_refused()
    {
        var first = (await Streams.ReadAsync(app.DocumentId, to: 1))[0].Timestamp;
        await AssertNotFoundAsync($"api/documents/{app.DocumentId}?version={app.LastVersion + 1}", $"the document is at version {app.LastVersion}");
        await AssertNotFoundAsync($"api/documents/{app.DocumentId}?version={app.LastVersion + 5000}", $"the document is at version {app.LastVersion}");
        await AssertNotFoundAsync($"api/documents/{app.DocumentId}?revision=Rev.99", "no revision");
        await AssertNotFoundAsync(
            $"api/documents/{app.DocumentId}?at={Uri.EscapeDataString(first.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture))}", "did not exist");
        await AssertNotFoundAsync($"api/documents/{Guid.NewGuid()}?version=1", "did not exist");
    }

    [Fact]
    public async Task Reading_the_last_version_folds_at_most_a_thousand_events()
    {
        var fold = await Reader.FoldAtAsync(app.DocumentId, new Point.AtVersion(app.LastVersion), default);
        Assert.True(fold.FoldedEvents <= SnapshotPolicy.Interval, $"{fold.FoldedEvents} events folded");
        Assert.True(fold.SnapshotVersion >= app.LastVersion / SnapshotPolicy.Interval * SnapshotPolicy.Interval);
        Assert.Equal(app.LastVersion, fold.SnapshotVersion + fold.FoldedEvents);
        var now = await Reader.FoldAtAsync(app.DocumentId, Point.Latest, default);
        Assert.True(now.FoldedEvents <= SnapshotPolicy.Interval);
        Assert.Equal(app.LastVersion, now.State.Version);
    }

    [Fact]
    public async Task A_reader_that_folds_more_than_a_thousand_events_stores_the_snapshots_it_passed()
    {
        // An old stream: another document, its snapshots gone (e.g. written before snapshots existed).
        var other = (await app.Chair.Api.CreateDocumentAsync("Old stream", DocumentKind.Recommendations,
            string.Join("\n\n", Enumerable.Range(1, 2500).Select(i => $"{i}. Paragraph {i}.")))).Id;
        Assert.Equal(new long[] { 1000, 2000 }, await SnapshotVersionsAsync(other));
        await using (var session = Streams.Store.LightweightSession())
        {
            session.DeleteWhere<DocumentSnapshotRow>(r => r.DocumentId == other);
            await session.SaveChangesAsync();
        }

        var first = await Reader.FoldAtAsync(other, new Point.AtVersion(2400), default);
        var second = await Reader.FoldAtAsync(other, new Point.AtVersion(2400), default);

        Assert.Equal((0L, 2400), (first.SnapshotVersion, first.FoldedEvents));
        Assert.Equal((2000L, 400), (second.SnapshotVersion, second.FoldedEvents));
        Assert.Equal(JsonOf(first.State), JsonOf(second.State));
        Assert.Equal(new long[] { 1000, 2000 }, await SnapshotVersionsAsync(other));
    }

    private async Task<List<long>> SnapshotVersionsAsync(Guid? documentId = null)
    {
        var id = documentId ?? app.DocumentId;
        await using var session = Streams.Store.QuerySession();
        return [.. (await session.Query<DocumentSnapshotRow>().Where(r => r.DocumentId == id).ToListAsync()).Select(r => r.Version).Order()];
    }

    /// <summary>The view of a fresh state folded from the whole stream up to a version or a time: no snapshot involved.</summary>
    private async Task<string> ReplayedAsync(long to = 0, DateTimeOffset? at = null)
    {
        var state = new DocumentState();
        foreach (var e in await Streams.ReadAsync(app.DocumentId, to: to, at: at))
            state.Apply((DocumentEvent)e.Data, e.Version, Timestamps.Trim(e.Timestamp));
        Assert.False(state.IsRestored);
        return JsonOf(state);
    }

    private string JsonOf(DocumentState state) =>
        // With the server's own JSON options, so the text compares with what GET answers.
        JsonSerializer.Serialize(app.Services.GetRequiredService<DocumentViews>().From(state),
            app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);

    private async Task<string> ReadAsync(string path)
    {
        using var response = await app.Api().Http.GetAsync(path, app.Chair.Api.Token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task AssertNotFoundAsync(string path, string message)
    {
        using var response = await app.Api().Http.GetAsync(path, app.Chair.Api.Token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }
}

/// <summary>Snapshots are an optimisation: when one cannot be stored, the user's write still succeeds and reads fold further.</summary>
public sealed class SnapshotFailureTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task A_snapshot_that_cannot_be_stored_does_not_fail_the_write()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Fragile", DocumentKind.Recommendations, "1. Decides.\n\n2. Requests.");
        await using var hub = await chair.ConnectAsync();
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1", "stored"));
        Assert.Equal([4L], await SnapshotVersionsAsync(document.Id));

        // From now on the database refuses every snapshot (the table stays, so reads still find the old ones).
        await ExecuteAsync($"""
            create function {app.Schema}.refuse_snapshots() returns trigger language plpgsql as $$ begin raise exception 'no snapshots today'; end $$;
            create trigger refuse_snapshots before insert or update on {app.Schema}.mt_doc_documentsnapshotrow
                for each row execute function {app.Schema}.refuse_snapshots();
            """);
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "Decides firmly."));
        var tagged = await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2", "not stored"));

        Assert.Equal(6, tagged.Version);
        Assert.Equal([4L], await SnapshotVersionsAsync(document.Id));
        var atRev2 = await chair.Api.DocumentAsync(document.Id, "revision=Rev.2");
        Assert.Equal((6L, "Decides firmly."), (atRev2.Version, atRev2.Paragraphs[0].Text));
        var fold = await app.Services.GetRequiredService<DocumentReader>().FoldAtAsync(document.Id, new Point.AtRevision("Rev.2"), default);
        Assert.Equal((4L, 2), (fold.SnapshotVersion, fold.FoldedEvents));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await TestPostgres.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> SnapshotVersionsAsync(Guid documentId)
    {
        await using var session = app.Services.GetRequiredService<DocumentStreams>().Store.QuerySession();
        return [.. (await session.Query<DocumentSnapshotRow>().Where(r => r.DocumentId == documentId).ToListAsync()).Select(r => r.Version).Order()];
    }
}
