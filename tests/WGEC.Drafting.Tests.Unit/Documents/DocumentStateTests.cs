using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Editing;

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
}
