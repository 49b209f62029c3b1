using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Work item 4 and PROTOCOL.md §2: how consensus grew (progress) and who did what (activity).</summary>
public sealed class RestProgressTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Progress_has_a_point_per_revision_per_meeting_at_its_close_and_now_with_exact_counts()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member);
        var document = await chair.Api.CreateDocumentAsync("Progress", DocumentKind.Recommendations, "1. One [a].\n\n2. Two.");
        var (one, two) = (document.Paragraphs[0], document.Paragraphs[1]);
        await using var chairHub = await chair.ConnectAsync();
        await using var memberHub = await member.ConnectAsync();
        await chairHub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
        await chairHub.OpenMeetingAsync(new OpenMeetingRequest(document.Id, "First session"));
        await chairHub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, two.Id, two.Revision, ParagraphStatus.Agreed));
        var proposal = await memberHub.TableProposalAsync(new TableProposalRequest(document.Id, one.Id, ProposalAction.Replace, "One b."));
        await chairHub.CloseMeetingAsync(new CloseMeetingRequest(document.Id));
        await memberHub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, two.Id, ParagraphKind.Operative, "Three [b] [c]."));
        await chairHub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.2"));
        await chairHub.OpenMeetingAsync(new OpenMeetingRequest(document.Id, "Second session"));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(document.Id, proposal.ProposalId, ProposalDecision.Reject));
        var resolved = await chairHub.ResolveBracketAsync(new ResolveBracketRequest(document.Id, one.Id, one.Revision, 0, BracketKeep.Content));
        await chairHub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, one.Id, resolved.Revision, ParagraphStatus.AgreedAdRef));

        var progress = await member.Api.ProgressAsync(document.Id);

        var at = (await member.Api.EventsAsync(document.Id)).ToDictionary(e => e.Version, e => e.At);
        Assert.Equal(
            [
                new ProgressPoint(ProgressKind.Revision, "Rev.1", 4, at[4], 2, 0, 0, 1, 0),
                new ProgressPoint(ProgressKind.Meeting, "First session", 8, at[8], 2, 1, 0, 1, 1),
                new ProgressPoint(ProgressKind.Revision, "Rev.2", 10, at[10], 3, 1, 0, 3, 1),
                new ProgressPoint(ProgressKind.Meeting, "Second session", 14, at[14], 3, 1, 1, 2, 0),
                new ProgressPoint(ProgressKind.Now, null, 14, at[14], 3, 1, 1, 2, 0),
            ],
            progress);
    }

    [Fact]
    public async Task Progress_is_sent_with_kebab_case_kinds()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Wire", DocumentKind.Report, "One.");

        using var response = await app.Api().Http.GetAsync($"api/documents/{document.Id}/progress", chair.Api.Token);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"kind\":\"now\"", json, StringComparison.Ordinal);
        Assert.Contains("\"agreedAdRef\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"openProposals\":0", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_counts_edits_proposals_tabled_and_accepted_and_comments_per_delegation()
    {
        var chair = await app.JoinAsync(Role.Chair, delegation: "WGEC");
        var (brazil, brazil2) = (await app.JoinAsync(Role.Member, delegation: "Brazil"), await app.JoinAsync(Role.Member, delegation: "Brazil"));
        var isoc = await app.JoinAsync(Role.Member, delegation: "ISOC");
        var china = await app.JoinAsync(Role.Member, delegation: "China");
        var document = await chair.Api.CreateDocumentAsync("Activity", DocumentKind.Recommendations, "1. One [a / b].\n\n2. Two.");
        var (one, two) = (document.Paragraphs[0].Id, document.Paragraphs[1].Id);
        await using var chairHub = await chair.ConnectAsync();
        await using var brazilHub = await brazil.ConnectAsync();
        await using var brazil2Hub = await brazil2.ConnectAsync();
        await using var isocHub = await isoc.ConnectAsync();
        await using var chinaHub = await china.ConnectAsync();

        var three = (await brazilHub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, two, ParagraphKind.Operative, "Three."))).ParagraphId;
        await brazil2Hub.EditParagraphAsync(new EditParagraphRequest(document.Id, three, 4, "Three, edited."));
        await brazilHub.AddCommentAsync(new AddCommentRequest(document.Id, one, "Brazil asks."));
        await isocHub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, three, null));
        await isocHub.AddCommentAsync(new AddCommentRequest(document.Id, one, "ISOC asks."));
        await isocHub.AddCommentAsync(new AddCommentRequest(document.Id, two, "ISOC asks again."));
        var accepted = await brazilHub.TableProposalAsync(new TableProposalRequest(document.Id, two, ProposalAction.Replace, "Two, better."));
        var rejected = await brazil2Hub.TableProposalAsync(new TableProposalRequest(document.Id, two, ProposalAction.Delete));
        var withdrawn = await isocHub.TableProposalAsync(new TableProposalRequest(document.Id, three, ProposalAction.Delete));
        var chinas = await chinaHub.TableProposalAsync(new TableProposalRequest(document.Id, two, ProposalAction.InsertAfter, "Four."));
        await isocHub.SupportProposalAsync(new ProposalRequest(document.Id, accepted.ProposalId));
        await isocHub.WithdrawProposalAsync(new ProposalRequest(document.Id, withdrawn.ProposalId));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(document.Id, accepted.ProposalId, ProposalDecision.Accept, ProposalForm.Clean));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(document.Id, rejected.ProposalId, ProposalDecision.Reject));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(document.Id, chinas.ProposalId, ProposalDecision.Accept, ProposalForm.Clean));
        await chairHub.ResolveBracketAsync(new ResolveBracketRequest(document.Id, one, document.Paragraphs[0].Revision, 0, BracketKeep.Alternative, 1));
        await chinaHub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, three));

        var activity = await isoc.Api.ActivityAsync(document.Id);

        Assert.Equal(
            [
                new DelegationActivity("Brazil", Edits: 2, ProposalsTabled: 2, ProposalsAccepted: 1, Comments: 1),
                new DelegationActivity("China", Edits: 1, ProposalsTabled: 1, ProposalsAccepted: 1, Comments: 0),
                new DelegationActivity("ISOC", Edits: 1, ProposalsTabled: 1, ProposalsAccepted: 0, Comments: 2),
                // The import (2 inserts), the two accepted proposals applied and the bracket resolution.
                new DelegationActivity("WGEC", Edits: 5, ProposalsTabled: 0, ProposalsAccepted: 0, Comments: 0),
            ],
            activity);
    }
}
