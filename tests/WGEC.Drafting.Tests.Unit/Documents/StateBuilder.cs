using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Proposing;
using WGEC.Drafting.Documents.Revising;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>
/// Builds a <see cref="DocumentState"/> the way the writer does: decide, stamp every event as
/// <c>DocumentWriter.Stamp</c> does (the actor on each, the clientOpId on the last only, the open
/// meeting's name or, for a meeting-opened, its own), apply with the next version. The clock is fixed: version N happens at
/// <see cref="Start"/> + N minutes, so tests can name times between versions.
/// </summary>
public sealed class StateBuilder
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid DocumentId = Guid.Parse("0b7d4c1e-0000-4000-8000-000000000001");
    public static readonly Actor Chair = new(Guid.Parse("c0000000-0000-4000-8000-000000000001"), "Chair", "WGEC", Role.Chair);
    public static readonly Actor Member = new(Guid.Parse("a0000000-0000-4000-8000-000000000001"), "Ana", "Brazil", Role.Member);
    public static readonly Actor OtherMember = new(Guid.Parse("b0000000-0000-4000-8000-000000000001"), "Ben", "ISOC", Role.Member);
    public static readonly Actor ThirdMember = new(Guid.Parse("d0000000-0000-4000-8000-000000000001"), "Chen", "China", Role.Member);

    /// <summary>A second participant of <see cref="Member"/>'s delegation.</summary>
    public static readonly Actor MemberColleague = new(Guid.Parse("a0000000-0000-4000-8000-000000000002"), "Bruno", "Brazil", Role.Member);

    public static readonly Actor Secretariat = new(Guid.Parse("e0000000-0000-4000-8000-000000000001"), "Sam", "UNCTAD", Role.Secretariat);

    private readonly List<(DocumentEvent Event, long Version, DateTimeOffset At)> applied = [];

    private StateBuilder()
    {
    }

    public DocumentState State { get; } = new();

    public long Version => State.Version;

    /// <summary>Live paragraph ids in document order.</summary>
    public IReadOnlyList<Guid> Ids => [.. State.Live.Select(p => p.Id)];

    public static DateTimeOffset At(long version) => Start.AddMinutes(version);

    /// <summary>A new document, its paragraphs imported from <paramref name="markdown"/> (operatives as "1. text").</summary>
    public static StateBuilder Document(string markdown = "", DocumentKind kind = DocumentKind.Recommendations)
    {
        var builder = new StateBuilder();
        builder.Run(_ => CreateDocument.Decide(new CreateDocumentRequest("Draft recommendations", kind, null, markdown), DocumentId, Guid.NewGuid), Chair);
        return builder;
    }

    /// <summary>A document of <paramref name="count"/> operative paragraphs "Operative 1." … .</summary>
    public static StateBuilder Operatives(int count) =>
        Document(string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"{i}. Operative {i}.")));

    public ParagraphState this[Guid id] => State.Find(id) ?? throw new KeyNotFoundException(id.ToString());

    /// <summary>Decides and applies; a refusal fails the test. Returns the caller's answer.</summary>
    public object? Run(Func<DocumentState, Decision> decide, Actor? by = null, string? clientOpId = null)
    {
        var decision = decide(State);
        if (decision.Refusal is { } refusal)
            Assert.Fail($"refused: {refusal}");
        if (decision.Events.Count == 0)
            return decision.Unchanged;
        var events = decision.Events;
        // Stamped against the state before the call, as the writer stamps a whole batch at once.
        var meeting = State.Meeting?.Name;
        for (var i = 0; i < events.Count; i++)
        {
            Apply(events[i] with
            {
                By = by ?? Member,
                ClientOpId = i == events.Count - 1 ? clientOpId : null,
                Meeting = events[i] is MeetingOpened opened ? opened.Name : meeting,
            });
        }
        return State.LastResult;
    }

    /// <summary>Every event applied so far, as stored (stamped).</summary>
    public IReadOnlyList<DocumentEvent> Events => [.. applied.Select(a => a.Event)];

    /// <summary>Applies an event as stored, with no decision: for states no decision would produce.</summary>
    public void Apply(DocumentEvent e)
    {
        var version = State.Version + 1;
        State.Apply(e, version, At(version));
        applied.Add((e, version, At(version)));
    }

    /// <summary>A fresh state folded from the events up to <paramref name="version"/> (the document as it was then).</summary>
    public DocumentState Replay(long version)
    {
        var state = new DocumentState();
        foreach (var (e, v, at) in applied.Where(a => a.Version <= version))
            state.Apply(e, v, at);
        return state;
    }

    public Guid Insert(ParagraphKind kind, string text, Guid? after = null)
    {
        var id = Guid.NewGuid();
        Run(s => InsertParagraph.Decide(s, new InsertParagraphRequest(DocumentId, after, kind, text, id), Guid.NewGuid()));
        return id;
    }

    public void Edit(Guid id, string text) =>
        Run(s => EditParagraph.Decide(s, new EditParagraphRequest(DocumentId, id, s.Version, text)));

    public void Move(Guid id, Guid? after) =>
        Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(DocumentId, id, after)));

    public void Delete(Guid id) =>
        Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(DocumentId, id)));

    public void SetStatus(Guid id, ParagraphStatus status, string? note = null) =>
        Run(s => SetParagraphStatus.Decide(s, new SetParagraphStatusRequest(DocumentId, id, s.Version, status, note)), Chair);

    public void Comment(Guid id, string text) =>
        Run(s => AddComment.Decide(s, new AddCommentRequest(DocumentId, id, text), Guid.NewGuid()));

    public void Tag(string label, string? note = null, bool? renumber = null) =>
        Run(s => TagRevision.Decide(s, new TagRevisionRequest(DocumentId, label, note, Renumber: renumber)), Chair);

    public void OpenMeeting(string name) =>
        Run(s => global::WGEC.Drafting.Documents.Meetings.OpenMeeting.Decide(s, new OpenMeetingRequest(DocumentId, name)), Chair);

    public void CloseMeeting() =>
        Run(global::WGEC.Drafting.Documents.Meetings.CloseMeeting.Decide, Chair);

    /// <summary>Tables a proposal by <paramref name="by"/> (default <see cref="Member"/>, Brazil) and returns its id.</summary>
    public Guid Propose(ProposalAction action, Guid? paragraphId, string? text = null, Actor? by = null, ParagraphKind? kind = null, string? note = null)
    {
        var id = Guid.NewGuid();
        Run(s => TableProposal.Decide(s, new TableProposalRequest(DocumentId, paragraphId, action, text, note, kind), id), by);
        return id;
    }

    public void Support(Guid proposalId, Actor by) =>
        Run(s => ProposalVotes.Support(s, new ProposalRequest(DocumentId, proposalId), by), by);

    public void Oppose(Guid proposalId, Actor by) =>
        Run(s => ProposalVotes.Oppose(s, new ProposalRequest(DocumentId, proposalId), by), by);

    public void Withdraw(Guid proposalId, Actor by) =>
        Run(s => ProposalVotes.Withdraw(s, new ProposalRequest(DocumentId, proposalId), by), by);

    /// <summary>The chair decides a proposal; returns the id an accepted insert gives its paragraph.</summary>
    public Guid DecideProposal(Guid proposalId, ProposalDecision decision, ProposalForm form = ProposalForm.Unknown, string? clientOpId = null)
    {
        var newId = Guid.NewGuid();
        Run(s => global::WGEC.Drafting.Documents.Proposing.DecideProposal.Decide(s, new DecideProposalRequest(DocumentId, proposalId, decision, form), newId), Chair, clientOpId);
        return newId;
    }

    public Guid Comment(Guid id, string text, Actor by, Guid? replyTo = null)
    {
        var commentId = Guid.NewGuid();
        Run(s => AddComment.Decide(s, new AddCommentRequest(DocumentId, id, text, ReplyTo: replyTo), commentId), by);
        return commentId;
    }
}
