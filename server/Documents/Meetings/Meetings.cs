using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Meetings;

public static class OpenMeeting
{
    public static Decision Decide(DocumentState state, OpenMeetingRequest request)
    {
        var name = TextRules.NormalizeLine(request.Name, TextRules.MaxTitleLength, "meeting name");
        if (name.Refusal is { } bad)
            return bad;
        if (state.Meeting is { } open)
            return Refusal.Invalid($"the meeting '{open.Name}' is open; close it before opening another");
        return Decision.Append(new MeetingOpened(name.Text));
    }
}

public static class CloseMeeting
{
    public static Decision Decide(DocumentState state) =>
        state.Meeting is { } open
            ? Decision.Append(new MeetingClosed(open.Name))
            : Refusal.Invalid("no meeting is open");
}
