using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Importing;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>The check of a history brought from another server: kept as it was, or refused whole, saying which event and why.</summary>
public class HistoryImportTests
{
    private static readonly Guid Document = Guid.NewGuid();
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Actor Chair = new(Guid.NewGuid(), "Maria", "Chair", Role.Chair);
    private static readonly Actor Brazil = new(Guid.NewGuid(), "Ana", "Brazil", Role.Member);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<Guid, string?> NoNumbers = [];

    private static List<Envelope?> History(params (string Type, object Data, Actor By)[] events) =>
        [.. events.Select((e, i) => (Envelope?)new Envelope(Document, i + 1, e.Type, e.Data, e.By, Start.AddMinutes(i), $"op-{i}") { Meeting = i > 2 ? "Second meeting" : null })];

    private static (string, object, Actor) Created() => (EnvelopeTypes.DocumentCreated, new DocumentCreatedData("Draft", DocumentKind.Recommendations, "E/2026/1"), Chair);

    private static (string, object, Actor) Inserted(Guid id, Guid? after, string text) =>
        (EnvelopeTypes.ParagraphInserted, new ParagraphInsertedData(id, after, ParagraphKind.Operative, text, "", NoNumbers), Chair);

    private static (string, object, Actor) Edited(Guid id, string text) => (EnvelopeTypes.ParagraphEdited, new ParagraphEditedData(id, text, "", false, 0), Brazil);

    private static Refusal Refused(List<Envelope?> history, ErrorCode code = ErrorCode.Invalid)
    {
        var (events, refusal) = HistoryImport.Decide(Document, history);
        Assert.Empty(events);
        Assert.Equal(code, refusal?.Code);
        return refusal!;
    }

    [Fact]
    public void A_history_is_kept_as_it_was_who_when_under_which_op_and_in_which_meeting()
    {
        var (events, refusal) = HistoryImport.Decide(Document, History(
            Created(), Inserted(First, null, "Recommends [action];"), Inserted(Second, First, "Invites all."),
            (EnvelopeTypes.MeetingOpened, new MeetingData("Second meeting"), Chair), Edited(First, "Recommends action;"),
            (EnvelopeTypes.ParagraphStatusChanged, new ParagraphStatusChangedData(First, ParagraphStatus.Agreed, null), Chair),
            (EnvelopeTypes.RevisionTagged, new RevisionTaggedData("Rev.1", null, NoNumbers, true) { Baseline = new Dictionary<Guid, int> { [First] = 1, [Second] = 2 } }, Chair)));

        Assert.Null(refusal);
        Assert.Equal(7, events.Count);
        Assert.Equal(new DocumentCreated(Document, "Draft", DocumentKind.Recommendations, "E/2026/1") { By = Chair, ClientOpId = "op-0" }, events[0].Event);
        Assert.Equal(new ParagraphEdited(First, "Recommends action;", false) { By = Brazil, ClientOpId = "op-4", Meeting = "Second meeting" }, events[4].Event);
        Assert.Equal(Start.AddMinutes(4), events[4].At);
        Assert.Equal(2, ((RevisionTagged)events[6].Event).Baseline![Second]);
    }

    [Fact]
    public void Nothing_may_follow_an_adoption()
    {
        var refusal = Refused(History(Created(), Inserted(First, null, "Text."), (EnvelopeTypes.DocumentAdopted, new DocumentAdoptedData(), Chair), Edited(First, "Later.")));

        Assert.Equal("event 4: the document was adopted before it; nothing follows an adoption", refusal.Message);
    }

    [Fact]
    public void A_paragraph_deleted_is_not_there_for_what_comes_after()
    {
        var refusal = Refused(History(Created(), Inserted(First, null, "Text."),
            (EnvelopeTypes.ParagraphDeleted, new ParagraphDeletedData(First, NoNumbers), Brazil), Edited(First, "Ghost.")));

        Assert.Contains($"event 4: no paragraph {First}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_the_limit_is_too_large_not_invalid()
    {
        var refusal = Refused(History(Created(), Inserted(First, null, new string('a', TextRules.MaxParagraphLength + 1))), ErrorCode.TooLarge);

        Assert.StartsWith("event 2: ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_label_tagged_twice_and_a_meeting_closed_that_was_never_opened_are_invalid()
    {
        var tag = (EnvelopeTypes.RevisionTagged, (object)new RevisionTaggedData("Rev.1", null, NoNumbers, false), Chair);
        Assert.Contains("Rev.1 is tagged already", Refused(History(Created(), tag, tag)).Message, StringComparison.Ordinal);
        Assert.Contains("no meeting is open", Refused(History(Created(), (EnvelopeTypes.MeetingClosed, new MeetingData("Never"), Chair))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_must_be_to_a_comment_on_the_same_paragraph()
    {
        var comment = Guid.NewGuid();
        var refusal = Refused(History(Created(), Inserted(First, null, "One."), Inserted(Second, First, "Two."),
            (EnvelopeTypes.CommentAdded, new CommentAddedData(First, comment, "Why?", null), Brazil),
            (EnvelopeTypes.CommentAdded, new CommentAddedData(Second, Guid.NewGuid(), "Because.", comment), Chair)));

        Assert.Contains($"comment {comment} is not on that paragraph", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enum_value_is_invalid()
    {
        Assert.Contains("unknown document kind", Refused(History((EnvelopeTypes.DocumentCreated, new DocumentCreatedData("Draft", DocumentKind.Unknown, null), Chair))).Message, StringComparison.Ordinal);
    }
}
