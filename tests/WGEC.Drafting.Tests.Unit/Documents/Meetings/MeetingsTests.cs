using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Meetings;

namespace WGEC.Drafting.Tests.Documents.Meetings;

public class MeetingsTests
{
    private static Decision Open(StateBuilder doc, string? name) =>
        OpenMeeting.Decide(doc.State, new OpenMeetingRequest(StateBuilder.DocumentId, name));

    [Fact]
    public void Opening_a_meeting_appends_it_with_its_normalised_name()
    {
        var doc = StateBuilder.Operatives(1);
        Assert.Equal("Third meeting, 2014-02-24", Decided.Appended<MeetingOpened>(Open(doc, "  Third meeting, 2014-02-24 ")).Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Third meeting\nsecond line")]
    [InlineData("Third meeting\r\n2014-02-24")]
    public void Meeting_name_that_is_not_one_non_empty_line_is_invalid(string? name)
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(Open(doc, name), ErrorCode.Invalid);
    }

    [Fact]
    public void Meeting_name_over_300_characters_is_too_large()
    {
        var doc = StateBuilder.Operatives(1);

        Decided.Appended<MeetingOpened>(Open(doc, new string('m', TextRules.MaxTitleLength)));
        Decided.Refused(Open(doc, new string('m', TextRules.MaxTitleLength + 1)), ErrorCode.TooLarge);
    }

    [Fact]
    public void Opening_a_meeting_while_one_is_open_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        doc.OpenMeeting("First meeting");

        Decided.Refused(Open(doc, "Second meeting"), ErrorCode.Invalid);
    }

    [Fact]
    public void A_meeting_may_be_opened_again_once_the_previous_one_is_closed()
    {
        var doc = StateBuilder.Operatives(1);
        doc.OpenMeeting("First meeting");
        doc.CloseMeeting();

        Decided.Appended<MeetingOpened>(Open(doc, "Second meeting"));
    }

    [Fact]
    public void Closing_when_no_meeting_is_open_is_invalid()
    {
        var doc = StateBuilder.Operatives(1);
        Decided.Refused(CloseMeeting.Decide(doc.State), ErrorCode.Invalid);

        doc.OpenMeeting("First meeting");
        doc.CloseMeeting();
        Decided.Refused(CloseMeeting.Decide(doc.State), ErrorCode.Invalid);
    }

    [Fact]
    public void Closing_names_the_open_meeting()
    {
        var doc = StateBuilder.Operatives(1);
        doc.OpenMeeting("First meeting");

        Assert.Equal("First meeting", Decided.Appended<MeetingClosed>(CloseMeeting.Decide(doc.State)).Name);
    }

    [Fact]
    public void State_shows_the_open_meeting_and_none_once_it_is_closed()
    {
        var doc = StateBuilder.Operatives(1);
        Assert.Null(doc.State.Meeting);

        doc.OpenMeeting("First meeting");
        Assert.Equal("First meeting", doc.State.Meeting?.Name);

        doc.CloseMeeting();
        Assert.Null(doc.State.Meeting);
    }

    [Fact]
    public void Meetings_record_their_versions_and_times()
    {
        var doc = StateBuilder.Operatives(1);
        doc.OpenMeeting("First meeting");
        var opened = doc.Version;
        doc.Edit(doc.Ids[0], "Changed.");
        doc.CloseMeeting();
        var closed = doc.Version;
        doc.OpenMeeting("Second meeting");
        var reopened = doc.Version;

        Assert.Equal(
            [
                new MeetingSummary("First meeting", StateBuilder.At(opened), StateBuilder.At(closed), opened, closed, 1, 0),
                new MeetingSummary("Second meeting", StateBuilder.At(reopened), null, reopened, null, 0, 0),
            ],
            doc.State.Meetings.Select(m => m.Summary()));
    }

    [Fact]
    public void Edits_count_inserts_edits_moves_and_deletes_while_the_meeting_is_open()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        doc.OpenMeeting("First meeting");

        var x = doc.Insert(ParagraphKind.Operative, "New.", a);
        doc.Edit(b, "Changed.");
        doc.Move(c, null);
        doc.Delete(x);
        // Not edits: status, comments, revisions.
        doc.SetStatus(a, ParagraphStatus.AgreedAdRef);
        doc.Comment(a, "A comment.");
        doc.Tag("Rev.1");

        Assert.Equal(4, doc.State.Meeting!.Edits);
    }

    [Fact]
    public void Agreed_counts_status_changes_to_agreed_or_agreed_ad_ref_while_the_meeting_is_open()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        doc.OpenMeeting("First meeting");

        doc.SetStatus(a, ParagraphStatus.AgreedAdRef);
        doc.SetStatus(b, ParagraphStatus.Agreed);
        doc.SetStatus(c, ParagraphStatus.Agreed);
        // Reopening is not agreeing; agreeing again is.
        doc.SetStatus(c, ParagraphStatus.Draft);
        doc.SetStatus(c, ParagraphStatus.AgreedAdRef);

        Assert.Equal(4, doc.State.Meeting!.Agreed);
        Assert.Equal(0, doc.State.Meeting.Edits);
    }

    [Fact]
    public void Nothing_is_counted_outside_meetings()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        doc.Edit(a, "Before.");
        doc.SetStatus(b, ParagraphStatus.Agreed);
        doc.OpenMeeting("First meeting");
        doc.Edit(a, "During.");
        doc.CloseMeeting();
        doc.Edit(a, "After.");
        doc.Insert(ParagraphKind.Operative, "After.", a);
        doc.SetStatus(c, ParagraphStatus.Agreed);

        var meeting = Assert.Single(doc.State.Meetings);
        Assert.Equal((1, 0), (meeting.Edits, meeting.Agreed));
    }

    [Fact]
    public void Each_meeting_counts_only_its_own_work()
    {
        var doc = StateBuilder.Operatives(2);
        var (a, b) = (doc.Ids[0], doc.Ids[1]);
        doc.OpenMeeting("First meeting");
        doc.Edit(a, "One.");
        doc.Edit(a, "Two.");
        doc.CloseMeeting();
        doc.OpenMeeting("Second meeting");
        doc.SetStatus(b, ParagraphStatus.Agreed);

        Assert.Equal([(2, 0), (0, 1)], doc.State.Meetings.Select(m => (m.Edits, m.Agreed)));
    }

    [Fact]
    public void An_accepted_proposal_counts_as_an_edit_but_tabling_and_deciding_it_do_not()
    {
        var doc = StateBuilder.Operatives(1);
        doc.OpenMeeting("First meeting");
        var replaced = doc.Propose(ProposalAction.Replace, doc.Ids[0], "Recommends more.");
        var rejected = doc.Propose(ProposalAction.Delete, doc.Ids[0]);

        doc.DecideProposal(replaced, ProposalDecision.Accept, ProposalForm.Clean);
        doc.DecideProposal(rejected, ProposalDecision.Reject);

        Assert.Equal(1, doc.State.Meeting!.Edits);
    }
}
