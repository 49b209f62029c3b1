using JasperFx.Events;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Agreeing;
using WGEC.Drafting.Documents.Editing;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Rendering;
using static WGEC.Drafting.Tests.Documents.StateBuilder;

namespace WGEC.Drafting.Tests.Documents.Reading;

public class HistoryTests
{
    [Fact]
    public void A_paragraphs_life_gives_its_text_status_and_number_after_each_event_that_touched_it()
    {
        var doc = Operatives(2);
        var x = doc.Insert(ParagraphKind.Operative, "Draft [text].", after: doc.Ids[1]);
        doc.Edit(x, "Draft text.");
        doc.Edit(doc.Ids[0], "Operative one, edited.");
        doc.Edit(x, "Final text.");
        doc.SetStatus(x, ParagraphStatus.Agreed);
        doc.SetStatus(x, ParagraphStatus.Draft);
        doc.Comment(x, "Why final?");
        doc.Move(x, null);
        doc.Delete(x);

        var life = History.ParagraphLife(doc.Recorded(), x);

        Assert.Equal(
            [
                new ParagraphMoment(4, "Draft [text].", ParagraphStatus.Draft, "3", false),
                new ParagraphMoment(5, "Draft text.", ParagraphStatus.Draft, "3", false),
                new ParagraphMoment(7, "Final text.", ParagraphStatus.Draft, "3", false),
                new ParagraphMoment(8, "Final text.", ParagraphStatus.Agreed, "3", false),
                new ParagraphMoment(9, "Final text.", ParagraphStatus.Draft, "3", false),
                new ParagraphMoment(10, "Final text.", ParagraphStatus.Draft, "3", false),
                new ParagraphMoment(11, "Final text.", ParagraphStatus.Draft, "1", false),
                new ParagraphMoment(12, "Final text.", ParagraphStatus.Draft, null, true),
            ],
            life);
    }

    [Fact]
    public void A_paragraph_never_in_the_document_has_no_life() =>
        Assert.Empty(History.ParagraphLife(Operatives(2).Recorded(), Guid.NewGuid()));

    [Fact]
    public void Progress_has_a_point_per_revision_per_meeting_at_its_close_and_now()
    {
        var doc = Document("1. One [a].\n\n2. Two.");
        var (one, two) = (doc.Ids[0], doc.Ids[1]);
        doc.Tag("Rev.1");
        doc.OpenMeeting("First session");
        doc.SetStatus(two, ParagraphStatus.Agreed);
        var proposal = doc.Propose(ProposalAction.Replace, one, "One b.");
        doc.CloseMeeting();
        doc.Insert(ParagraphKind.Operative, "Three [b] [c].", after: two);
        doc.Tag("Rev.2");
        doc.OpenMeeting("Second session");
        doc.DecideProposal(proposal, ProposalDecision.Reject);
        doc.Run(s => ResolveBracket.Decide(s, new ResolveBracketRequest(DocumentId, one, s.Version, 0, BracketKeep.Content)), Chair);
        doc.SetStatus(one, ParagraphStatus.AgreedAdRef);

        var progress = History.Progress(doc.Recorded());

        Assert.Equal(
            [
                new ProgressPoint(ProgressKind.Revision, "Rev.1", 4, At(4), 2, 0, 0, 1, 0),
                new ProgressPoint(ProgressKind.Meeting, "First session", 8, At(8), 2, 1, 0, 1, 1),
                new ProgressPoint(ProgressKind.Revision, "Rev.2", 10, At(10), 3, 1, 0, 3, 1),
                new ProgressPoint(ProgressKind.Meeting, "Second session", 14, At(14), 3, 1, 1, 2, 0),
                new ProgressPoint(ProgressKind.Now, null, 14, At(14), 3, 1, 1, 2, 0),
            ],
            progress);
    }

    [Fact]
    public void Progress_of_a_new_document_is_now_only_and_deleted_paragraphs_do_not_count()
    {
        var doc = Document("One [a].\n\nTwo.", DocumentKind.Report);
        doc.Delete(doc.Ids[0]);

        Assert.Equal([new ProgressPoint(ProgressKind.Now, null, 4, At(4), 1, 0, 0, 0, 0)], History.Progress(doc.Recorded()));
        Assert.Empty(History.Progress([]));
    }

    [Fact]
    public void Activity_counts_each_delegations_edits_proposals_and_comments()
    {
        var doc = Document("1. One [a / b].\n\n2. Two.");
        var (one, two) = (doc.Ids[0], doc.Ids[1]);
        var three = doc.Insert(ParagraphKind.Operative, "Three.", after: two);
        doc.Run(s => EditParagraph.Decide(s, new EditParagraphRequest(DocumentId, three, s.Version, "Three, edited.")), MemberColleague);
        doc.Comment(one, "Brazil asks.", Member);
        doc.Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(DocumentId, three, null)), OtherMember);
        doc.Comment(one, "ISOC asks.", OtherMember);
        doc.Comment(two, "ISOC asks again.", OtherMember);
        var accepted = doc.Propose(ProposalAction.Replace, two, "Two, better.", Member);
        var rejected = doc.Propose(ProposalAction.Delete, two, by: Member);
        var withdrawn = doc.Propose(ProposalAction.Delete, three, by: OtherMember);
        var chinas = doc.Propose(ProposalAction.InsertAfter, two, "Four.", ThirdMember);
        doc.Support(accepted, OtherMember);
        doc.Withdraw(withdrawn, OtherMember);
        doc.DecideProposal(accepted, ProposalDecision.Accept, ProposalForm.Clean);
        doc.DecideProposal(rejected, ProposalDecision.Reject);
        doc.DecideProposal(chinas, ProposalDecision.Accept, ProposalForm.Clean);
        doc.Run(s => ResolveBracket.Decide(s, new ResolveBracketRequest(DocumentId, one, s.Version, 0, BracketKeep.Alternative, 1)), Chair);
        doc.Run(s => DeleteParagraph.Decide(s, new DeleteParagraphRequest(DocumentId, three)), ThirdMember);
        doc.Tag("Rev.1");

        Assert.Equal(
            [
                new DelegationActivity("Brazil", Edits: 2, ProposalsTabled: 2, ProposalsAccepted: 1, Comments: 1),
                new DelegationActivity("China", Edits: 1, ProposalsTabled: 1, ProposalsAccepted: 1, Comments: 0),
                new DelegationActivity("ISOC", Edits: 1, ProposalsTabled: 1, ProposalsAccepted: 0, Comments: 2),
                // The import (2 inserts), both accepted proposals applied and the bracket resolution are the chair's edits.
                new DelegationActivity("WGEC", Edits: 5, ProposalsTabled: 0, ProposalsAccepted: 0, Comments: 0),
            ],
            History.Activity(doc.Recorded()));
    }

    [Fact]
    public void The_timeline_names_each_events_type_actor_meeting_and_paragraph()
    {
        var doc = Operatives(1);
        doc.OpenMeeting("First session");
        doc.Edit(doc.Ids[0], "Edited.");

        var timeline = doc.Recorded().Select(History.Entry).ToList();

        Assert.Equal(
            [
                new TimelineEntry(1, At(1), EnvelopeTypes.DocumentCreated, Chair, null, null),
                new TimelineEntry(2, At(2), EnvelopeTypes.ParagraphInserted, Chair, null, doc.Ids[0]),
                new TimelineEntry(3, At(3), EnvelopeTypes.MeetingOpened, Chair, "First session", null),
                new TimelineEntry(4, At(4), EnvelopeTypes.ParagraphEdited, Member, "First session", doc.Ids[0]),
            ],
            timeline);
    }

    [Fact]
    public void Every_stored_event_type_has_its_protocol_envelope_type_in_envelopes_and_on_the_timeline()
    {
        var envelopes = new Envelopes(new DocumentViews(new MarkdownRenderer()));
        var p = Guid.NewGuid();
        DocumentEvent[] events =
        [
            new DocumentCreated(DocumentId, "T", DocumentKind.Report, null),
            new ParagraphInserted(p, null, ParagraphKind.Text, "x", new Dictionary<Guid, string?>()),
            new ParagraphEdited(p, "y", false),
            new ParagraphMoved(p, null, new Dictionary<Guid, string?>()),
            new ParagraphDeleted(p, new Dictionary<Guid, string?>()),
            new ParagraphStatusChanged(p, ParagraphStatus.Agreed, null),
            new CommentAdded(p, Guid.NewGuid(), "c"),
            new CommentResolved(p, Guid.NewGuid()),
            new RevisionTagged("Rev.1", null, new Dictionary<Guid, string?>()),
            new MeetingOpened("m"),
            new MeetingClosed("m"),
            new ProposalTabled(Guid.NewGuid(), p, ProposalAction.Delete, null, null, ParagraphKind.Text),
            new ProposalSupported(Guid.NewGuid(), p),
            new ProposalOpposed(Guid.NewGuid(), p),
            new ProposalWithdrawn(Guid.NewGuid(), p),
            new ProposalDecided(Guid.NewGuid(), p, ProposalDecision.Reject, ProposalForm.Unknown),
            new DocumentAdopted(),
            new RowEdited(p, new RowFields("i", "", "", "", ""), "i |  |  |  | ", false),
            new RowsMerged(p, [Guid.NewGuid()], new RowFields("i", "", "", "", ""), "i |  |  |  | ", [], [], new Dictionary<Guid, string?>()),
            new EvidenceLinked(p, EvidenceKind.Row, Guid.NewGuid(), Guid.NewGuid(), "i"),
            new EvidenceUnlinked(p, EvidenceKind.Row, Guid.NewGuid(), Guid.NewGuid()),
        ];
        Assert.Equal(DocumentEventTypes.All.Length, events.Select(e => e.GetType()).Distinct().Count());

        // The wire names of PROTOCOL.md §3 and work item 3, in the order of the events above.
        string[] types =
        [
            "document-created", "paragraph-inserted", "paragraph-edited", "paragraph-moved", "paragraph-deleted",
            "paragraph-status-changed", "comment-added", "comment-resolved", "revision-tagged", "meeting-opened",
            "meeting-closed", "proposal-tabled", "proposal-supported", "proposal-opposed", "proposal-withdrawn",
            "proposal-decided", "document-adopted", "row-edited", "rows-merged", "evidence-linked", "evidence-unlinked",
        ];
        Assert.Equal(types, events.Select(e => envelopes.From(new Event<DocumentEvent>(e) { Version = 1 }).Type));
        Assert.Equal(types, events.Select(e => History.Entry(new Recorded(e, 1, At(1))).Type));
    }
}
