using System.Text.Json;
using System.Text.Json.Serialization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>
/// A snapshot must give back everything the reads use (the view, meetings, concordances, proposals,
/// the comment index), and a snapshot plus the events after it must fold to the same state as the
/// whole stream (DESIGN.md "Time travel is bounded").
/// </summary>
public class SnapshotTests
{
    private static readonly DocumentViews Views = new(new MarkdownRenderer());

    // As Marten stores documents (UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase)).
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_snapshot_of_every_kind_of_event_reads_back_the_same()
    {
        var doc = EveryKindOfEvent();

        var restored = DocumentState.FromSnapshot(doc.State.ToSnapshot());

        AssertReadsAlike(doc.State, restored);
        Assert.True(restored.IsRestored);
        Assert.False(doc.State.IsRestored);
    }

    [Fact]
    public void A_snapshot_survives_being_stored_as_json()
    {
        var doc = EveryKindOfEvent();

        var json = JsonSerializer.Serialize(doc.State.ToSnapshot(), Stored);
        var restored = DocumentState.FromSnapshot(JsonSerializer.Deserialize<DocumentSnapshot>(json, Stored)!);

        AssertReadsAlike(doc.State, restored);
        Assert.Contains("\"agreedAdRef\"", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_snapshot_at_any_version_plus_the_later_events_folds_to_the_full_replay()
    {
        var doc = EveryKindOfEvent();
        var events = doc.Events;

        for (var at = 1; at <= events.Count; at++)
        {
            var state = DocumentState.FromSnapshot(doc.Replay(at).ToSnapshot());
            for (var v = at + 1; v <= events.Count; v++)
                state.Apply(events[v - 1], v, StateBuilder.At(v));
            AssertReadsAlike(doc.State, state);
        }
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_state_goes_on()
    {
        var doc = EveryKindOfEvent(adopt: false);
        var snapshot = doc.State.ToSnapshot();
        var before = JsonSerializer.Serialize(snapshot, Stored);

        var open = doc.State.Live.First(p => !p.IsLocked).Id;
        doc.Comment(open, "Later comment.");
        doc.Edit(open, "Later text.");
        doc.Propose(ProposalAction.Delete, open);
        doc.Tag("Rev.9");
        doc.CloseMeeting();

        Assert.Equal(before, JsonSerializer.Serialize(snapshot, Stored));
    }

    [Fact]
    public void A_restored_state_keeps_no_idempotency_results_and_no_older_merge_bases()
    {
        var doc = StateBuilder.Operatives(2);
        var id = doc.Ids[0];
        doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(StateBuilder.DocumentId, id, s.Version, "Edited once.")),
            clientOpId: "op-1");
        doc.Edit(id, "Edited twice.");

        var restored = DocumentState.FromSnapshot(doc.State.ToSnapshot());

        Assert.NotNull(doc.State.ResultOf(StateBuilder.Member.ParticipantId, "op-1"));
        Assert.Null(restored.ResultOf(StateBuilder.Member.ParticipantId, "op-1"));
        Assert.Equal("Edited twice.", restored.Find(id)!.TextAt(restored.Version));
        Assert.True(restored.Find(id)!.HistoryTruncated);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    [InlineData(5000, true)]
    public void Snapshots_are_kept_every_thousand_versions(long version, bool expected) =>
        Assert.Equal(expected, SnapshotPolicy.IsSnapshotPoint(new ParagraphEdited(Guid.NewGuid(), "x", false), version));

    [Fact]
    public void Snapshots_are_kept_at_every_revision_tag() =>
        Assert.True(SnapshotPolicy.IsSnapshotPoint(new RevisionTagged("Rev.1", null, new Dictionary<Guid, string?>()), 17));

    /// <summary>
    /// Every event type, with tombstones, renumbering ("bis" positions after a tag), comments with a
    /// reply and a resolution, closed and open meetings, proposals in every state (one about a deleted paragraph).
    /// </summary>
    private static StateBuilder EveryKindOfEvent(bool adopt = true)
    {
        var doc = StateBuilder.Document("Recalling [its resolution],\n\n1. Decides [shall/should].\n\n2. Requests.\n\n3. Invites.\n\n4. Urges.");
        var ids = doc.Ids;
        var (preamble, first, second, third, fourth) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        var comment = doc.Comment(first, "Too strong?", StateBuilder.Member);
        doc.Comment(first, "Agreed, soften it.", StateBuilder.OtherMember, replyTo: comment);
        doc.Run(s => ResolveComment.Decide(s, new ResolveCommentRequest(StateBuilder.DocumentId, comment), StateBuilder.Chair), StateBuilder.Chair);
        doc.Tag("Rev.1", "first reading");
        doc.OpenMeeting("First session");
        var inserted = doc.Insert(ParagraphKind.Operative, "Encourages all stakeholders.", first);
        doc.Edit(second, "Requests the secretariat [to report].");
        doc.Move(fourth, first);
        doc.SetStatus(third, ParagraphStatus.AgreedAdRef);
        doc.Run(s => ResolveBracket.Decide(s, new ResolveBracketRequest(StateBuilder.DocumentId, first, s.Find(first)!.Revision, 0, BracketKeep.Content)), StateBuilder.Chair);
        doc.Propose(ProposalAction.Replace, inserted, "Encourages some stakeholders.");
        doc.Delete(inserted);
        doc.CloseMeeting();
        doc.Tag("Rev.2", "renumbered", renumber: true);
        doc.OpenMeeting("Second session");
        var supported = doc.Propose(ProposalAction.Replace, second, "Requests the secretariat to report annually.");
        doc.Support(supported, StateBuilder.OtherMember);
        doc.Oppose(supported, StateBuilder.ThirdMember);
        var withdrawn = doc.Propose(ProposalAction.Delete, first, by: StateBuilder.OtherMember);
        doc.Withdraw(withdrawn, StateBuilder.OtherMember);
        var rejected = doc.Propose(ProposalAction.Delete, fourth);
        doc.DecideProposal(rejected, ProposalDecision.Reject);
        var atTop = doc.Propose(ProposalAction.InsertAfter, null, "Noting the report,", kind: ParagraphKind.Preambular);
        doc.DecideProposal(atTop, ProposalDecision.Accept, ProposalForm.Clean);
        doc.Propose(ProposalAction.InsertAfter, preamble, "Welcoming the work,", kind: ParagraphKind.Preambular);
        doc.Insert(ParagraphKind.Operative, "Decides to continue.", second);
        doc.SetStatus(fourth, ParagraphStatus.Agreed);
        if (adopt)
        {
            // Adoption needs everything agreed and no open proposals: a separate ending on its own text.
            var ending = StateBuilder.Document("1. Decides.");
            ending.SetStatus(ending.Ids[0], ParagraphStatus.Agreed);
            ending.Run(AdoptDocument.Decide, StateBuilder.Chair);
            foreach (var e in ending.Events.Skip(1))
                doc.Apply(e);
        }
        return doc;
    }

    private static void AssertReadsAlike(DocumentState expected, DocumentState actual)
    {
        Assert.Equal(Json(Views.From(expected)), Json(Views.From(actual)));
        Assert.Equal(Json(expected.Meetings.Select(m => m.Summary())), Json(actual.Meetings.Select(m => m.Summary())));
        Assert.Equal(Json(expected.Meeting?.Summary()), Json(actual.Meeting?.Summary()));
        Assert.Equal(Json(expected.Concordances), Json(actual.Concordances));
        Assert.Equal(Json(expected.Proposals.Values), Json(actual.Proposals.Values));
        Assert.Equal(Json(expected.Revisions), Json(actual.Revisions));
        Assert.Equal(Json(expected.Baseline), Json(actual.Baseline));
        Assert.Equal(Json(expected.Assigned), Json(actual.Assigned));
        Assert.Equal(
            Json(expected.Order.Select(p => new { p.Id, p.Kind, p.Text, p.Revision, p.Status, p.Number, p.Deleted, p.Comments })),
            Json(actual.Order.Select(p => new { p.Id, p.Kind, p.Text, p.Revision, p.Status, p.Number, p.Deleted, p.Comments })));
        foreach (var comment in expected.Order.SelectMany(p => p.Comments))
            Assert.Equal(expected.ParagraphOfComment(comment.Id), actual.ParagraphOfComment(comment.Id));
        Assert.Equal(
            (expected.Id, expected.Title, expected.Kind, expected.Symbol, expected.Version, expected.LastEventAt, expected.AdoptedAt, expected.LiveCount),
            (actual.Id, actual.Title, actual.Kind, actual.Symbol, actual.Version, actual.LastEventAt, actual.AdoptedAt, actual.LiveCount));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ProtocolJson.Options);
}
