using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Proposing;

namespace WGEC.Drafting.Tests.Documents;

public class DocumentStateTests
{
    private static Decision InsertText(DocumentState s, string text) =>
        InsertParagraph.Decide(s, new InsertParagraphRequest(StateBuilder.DocumentId, null, ParagraphKind.Text, text), Guid.NewGuid());

    [Fact]
    public void ResultOf_answers_the_op_id_of_that_participant_only()
    {
        var doc = StateBuilder.Document();

        var first = doc.Run(s => InsertText(s, "First."), StateBuilder.Member, "op-1");

        Assert.Equal(first, doc.State.ResultOf(StateBuilder.Member.ParticipantId, "op-1"));
        Assert.Null(doc.State.ResultOf(StateBuilder.OtherMember.ParticipantId, "op-1"));
        Assert.Null(doc.State.ResultOf(StateBuilder.Member.ParticipantId, "op-2"));
        Assert.Null(doc.State.ResultOf(StateBuilder.Member.ParticipantId, null));
    }

    [Fact]
    public void ResultOf_keeps_the_first_result_when_a_later_event_carries_the_same_op_id()
    {
        var doc = StateBuilder.Document();
        var first = doc.Run(s => InsertText(s, "First."), StateBuilder.Member, "op-1");
        var id = doc.Ids[0];

        // The writer replays only a result of the type the call expects, so an op id reused for
        // another kind of call is appended; a retry of the first call must still get its own answer.
        doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(StateBuilder.DocumentId, id, s.Version, "Changed.")), StateBuilder.Member, "op-1");
        doc.Run(s => InsertText(s, "Third."), StateBuilder.OtherMember, "op-1");

        Assert.Equal(first, doc.State.ResultOf(StateBuilder.Member.ParticipantId, "op-1"));
    }

    [Fact]
    public void Events_without_an_op_id_record_nothing_to_replay()
    {
        var doc = StateBuilder.Document();
        doc.Insert(ParagraphKind.Text, "First.");

        Assert.Null(doc.State.ResultOf(StateBuilder.Member.ParticipantId, ""));
    }

    [Fact]
    public void LastResult_is_the_answer_each_event_type_gives()
    {
        var doc = StateBuilder.Document();
        Assert.Null(doc.State.LastResult);

        var a = doc.Insert(ParagraphKind.Operative, "Recommends cooperation.");
        Assert.Equal(new InsertParagraphResult(Outcome.Applied, doc.Version, a), doc.State.LastResult);

        doc.Edit(a, "Recommends close cooperation.");
        Assert.Equal(new ParagraphTextResult(Outcome.Applied, doc.Version, doc.Version, "Recommends close cooperation."), doc.State.LastResult);

        doc.Apply(new ParagraphEdited(a, "Recommends very close cooperation.", Merged: true));
        Assert.Equal(new ParagraphTextResult(Outcome.Merged, doc.Version, doc.Version, "Recommends very close cooperation."), doc.State.LastResult);

        var b = doc.Insert(ParagraphKind.Operative, "Decides.");
        doc.Move(b, a);
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.LastResult);

        doc.SetStatus(a, ParagraphStatus.Agreed);
        Assert.Equal(new ParagraphTextResult(Outcome.Applied, doc.Version, doc[a].Revision, doc[a].Text), doc.State.LastResult);

        var commentId = Guid.NewGuid();
        doc.Run(s => AddComment.Decide(s, new AddCommentRequest(StateBuilder.DocumentId, a, "Noted."), commentId));
        Assert.Equal(new AddCommentResult(Outcome.Applied, doc.Version, commentId), doc.State.LastResult);

        doc.Tag("Rev.1");
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.LastResult);

        doc.Delete(b);
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.LastResult);
    }

    [Fact]
    public void Apply_moves_the_version_and_the_time_of_the_last_event()
    {
        var doc = StateBuilder.Operatives(2);

        Assert.Equal(3, doc.Version);
        Assert.Equal(StateBuilder.At(3), doc.State.LastEventAt);
        Assert.Equal(StateBuilder.DocumentId, doc.State.Id);
        Assert.Equal("Draft recommendations", doc.State.Title);
    }

    [Fact]
    public void Revision_changes_on_insert_and_edit_only()
    {
        var doc = StateBuilder.Operatives(2);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        Assert.Equal(2, doc[a].Revision);

        doc.Move(a, b);
        doc.SetStatus(a, ParagraphStatus.AgreedAdRef);
        doc.SetStatus(a, ParagraphStatus.Draft);
        doc.Comment(a, "A comment.");
        doc.Tag("Rev.1");
        doc.Delete(b);
        Assert.Equal(2, doc[a].Revision);

        doc.Edit(a, "Changed.");
        Assert.Equal(doc.Version, doc[a].Revision);
    }

    [Fact]
    public void Text_history_keeps_the_current_text_and_32_before_it()
    {
        var doc = StateBuilder.Document();
        var id = doc.Insert(ParagraphKind.Text, "v0");
        var revisions = new List<long> { doc.Version };
        for (var i = 1; i <= DocumentState.MergeBases; i++)
        {
            doc.Edit(id, $"v{i}");
            revisions.Add(doc.Version);
        }

        Assert.False(doc[id].HistoryTruncated);
        Assert.Equal(revisions[0], doc[id].OldestKeptRevision);
        Assert.Equal("v0", doc[id].TextAt(revisions[0]));

        doc.Edit(id, "v33");

        Assert.True(doc[id].HistoryTruncated);
        Assert.Equal(revisions[1], doc[id].OldestKeptRevision);
        Assert.Null(doc[id].TextAt(revisions[0]));
        Assert.Equal("v1", doc[id].TextAt(revisions[1]));
        Assert.Equal("v33", doc[id].TextAt(doc.Version));
    }

    [Fact]
    public void TextAt_a_version_between_revisions_is_the_text_then_in_force()
    {
        var doc = StateBuilder.Document();
        var id = doc.Insert(ParagraphKind.Text, "first");
        var created = doc.Version;
        doc.Comment(id, "a comment");
        doc.Tag("Rev.1");
        var between = doc.Version;
        doc.Edit(id, "second");

        Assert.Null(doc[id].TextAt(created - 1));
        Assert.Equal("first", doc[id].TextAt(created));
        Assert.Equal("first", doc[id].TextAt(between));
        Assert.Equal("second", doc[id].TextAt(doc.Version));
        Assert.Equal("second", doc[id].TextAt(long.MaxValue));
    }

    [Fact]
    public void NearestLiveAtOrBefore_skips_tombstones_backwards()
    {
        var doc = StateBuilder.Operatives(4);
        var (a, b, c, d) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3]);
        doc.Delete(a);
        doc.Delete(c);

        Assert.Equal(b, doc.State.NearestLiveAtOrBefore(b));
        Assert.Equal(b, doc.State.NearestLiveAtOrBefore(c));
        Assert.Equal(d, doc.State.NearestLiveAtOrBefore(d));
        Assert.Null(doc.State.NearestLiveAtOrBefore(a));
    }

    [Fact]
    public void Insert_after_a_paragraph_lands_before_the_tombstones_that_follow_it()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        doc.Delete(b);

        var x = doc.Insert(ParagraphKind.Operative, "New.", a);

        Assert.Equal([a, x, b, c], doc.State.Order.Select(p => p.Id));
        Assert.Equal(["1", "2", "3"], doc.State.Live.Select(p => p.Number));
    }

    [Theory]
    [InlineData(ProposalAction.Replace, ProposalForm.Bracketed)]
    [InlineData(ProposalAction.InsertAfter, ProposalForm.Clean)]
    [InlineData(ProposalAction.Delete, ProposalForm.Clean)]
    public void ResultOf_a_multi_event_call_is_the_answer_of_its_last_event(ProposalAction action, ProposalForm form)
    {
        var doc = StateBuilder.Operatives(2);
        var id = doc.Propose(action, doc.Ids[0], action == ProposalAction.Delete ? null : "Recommends more.");
        var before = doc.Version;

        doc.DecideProposal(id, ProposalDecision.Accept, form, clientOpId: "decide-1");

        Assert.Equal(before + 2, doc.Version);
        Assert.Equal(new WriteResult(Outcome.Applied, doc.Version), doc.State.ResultOf(StateBuilder.Chair.ParticipantId, "decide-1"));
    }

    [Fact]
    public void Only_events_that_carry_an_op_id_record_a_result()
    {
        var doc = StateBuilder.Operatives(1);
        var target = doc.Ids[0];
        var id = doc.Propose(ProposalAction.Replace, target, "Recommends more.");

        // As the writer stores a call of two events: the op id on the last one only.
        doc.Apply(new ParagraphEdited(target, "Recommends more.", Merged: false) { By = StateBuilder.Chair });
        var edited = doc.Version;
        doc.Apply(new ProposalDecided(id, target, ProposalDecision.Accept, ProposalForm.Clean) { By = StateBuilder.Chair, ClientOpId = "op" });

        Assert.Equal(new WriteResult(Outcome.Applied, edited + 1), doc.State.ResultOf(StateBuilder.Chair.ParticipantId, "op"));
    }

    [Fact]
    public void Stamped_events_of_one_call_all_carry_the_actor_and_only_the_last_the_op_id()
    {
        var doc = StateBuilder.Operatives(2);
        var id = doc.Propose(ProposalAction.InsertAfter, doc.Ids[0], "Recommends more.", StateBuilder.OtherMember);

        doc.DecideProposal(id, ProposalDecision.Accept, ProposalForm.Bracketed, clientOpId: "decide-1");

        var (inserted, decided) = (doc.Events[^2], doc.Events[^1]);
        Assert.IsType<ParagraphInserted>(inserted);
        Assert.IsType<ProposalDecided>(decided);
        Assert.Equal((StateBuilder.Chair, (string?)null), (inserted.By, inserted.ClientOpId));
        Assert.Equal((StateBuilder.Chair, (string?)"decide-1"), (decided.By, decided.ClientOpId));
        Assert.Equal(StateBuilder.OtherMember, doc.Events[^3].By);
    }

    [Fact]
    public void Events_are_stamped_with_the_meeting_open_when_they_happen()
    {
        var doc = StateBuilder.Operatives(1);
        var id = doc.Ids[0];
        doc.Edit(id, "Before.");
        doc.OpenMeeting("Third meeting");
        doc.Edit(id, "During.");
        var proposal = doc.Propose(ProposalAction.Replace, id, "Proposed.");
        doc.DecideProposal(proposal, ProposalDecision.Accept, ProposalForm.Bracketed);
        doc.CloseMeeting();
        doc.Edit(id, "After.");

        Assert.Equal(
            [
                (nameof(DocumentCreated), null), (nameof(ParagraphInserted), null), (nameof(ParagraphEdited), null),
                (nameof(MeetingOpened), "Third meeting"), (nameof(ParagraphEdited), "Third meeting"), (nameof(ProposalTabled), "Third meeting"),
                (nameof(ParagraphEdited), "Third meeting"), (nameof(ProposalDecided), "Third meeting"),
                (nameof(MeetingClosed), "Third meeting"), (nameof(ParagraphEdited), (string?)null),
            ],
            doc.Events.Select(e => (e.GetType().Name, e.Meeting)));
    }

    [Fact]
    public void Proposals_are_folded_from_tabling_votes_and_decision()
    {
        var doc = StateBuilder.Operatives(1);
        var id = doc.Propose(ProposalAction.Replace, doc.Ids[0], "Recommends more.", StateBuilder.Member);
        doc.Support(id, StateBuilder.OtherMember);
        doc.Oppose(id, StateBuilder.ThirdMember);
        Assert.Equal(ProposalState.Open, doc.State.Proposals[id].State);

        doc.DecideProposal(id, ProposalDecision.Reject);

        var view = doc.State.Proposals[id].View();
        Assert.Equal((ProposalState.Rejected, "Brazil", "Recommends more."), (view.State, view.By.Delegation, view.Text));
        Assert.Equal(["ISOC"], view.Supporters);
        Assert.Equal(["China"], view.Opponents);
    }
}
