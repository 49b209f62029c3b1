using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Contracts;
using static WGEC.Drafting.Tests.Reliability.MatrixRows;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Who may make which call, as PROTOCOL.md §1–§4 says, written down once. One row per hub method and per REST
/// endpoint; the columns are the caller: the four roles, then a caller with no token, with an expired token and
/// a revoked participant (both of the secretariat, so that nothing but the credential can be the reason).
/// A cell is <c>ok</c> (the call succeeds), <c>403</c> (<c>forbidden</c>: a problem+json 403, or a HubException
/// "forbidden: …") or <c>401</c> (<c>unauthorized</c>: a problem+json 401; on the hub the connection itself is
/// refused with 401 at negotiate, so no method is reached). The cells come from the protocol, not from the
/// server's Permissions.cs: the tests check the server against the contract. Each row ends with the request a
/// caller allowed to make it would make; adding a call is adding its line.
/// Where the protocol is silent the row follows the server and says so.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlyList<HubRow> HubMethods =
    [
        // hub method (§3)                         secr chair member obs | none expd revk   the request
        Hub(nameof(DraftingHub.JoinDocument),       "ok   ok   ok   ok  | 401  401  401", (s, _) => new JoinDocumentRequest(s.Id)),
        Hub(nameof(DraftingHub.LeaveDocument),      "ok   ok   ok   ok  | 401  401  401", async (s, c) => new LeaveDocumentRequest(await s.JoinedAsync(c))),
        // Presence is not a write; an observer's focus is kept but never shown (observers are only counted). Protocol silent.
        Hub(nameof(DraftingHub.SetFocus),           "ok   ok   ok   ok  | 401  401  401", async (s, c) => new SetFocusRequest(await s.JoinedAsync(c), s.Paragraph(1).Id)),
        Hub(nameof(DraftingHub.InsertParagraph),    "ok   ok   ok   403 | 401  401  401", (s, _) => new InsertParagraphRequest(s.Id, s.Paragraph(1).Id, ParagraphKind.Operative, "Requests the secretariat to report on progress")),
        Hub(nameof(DraftingHub.EditParagraph),      "ok   ok   ok   403 | 401  401  401", (s, _) => new EditParagraphRequest(s.Id, s.Paragraph(1).Id, s.Paragraph(1).Revision, MatrixStage.EditedText)),
        Hub(nameof(DraftingHub.MoveParagraph),      "ok   ok   ok   403 | 401  401  401", (s, _) => new MoveParagraphRequest(s.Id, s.Paragraph(2).Id, null)),
        Hub(nameof(DraftingHub.DeleteParagraph),    "ok   ok   ok   403 | 401  401  401", (s, _) => new DeleteParagraphRequest(s.Id, s.Paragraph(2).Id)),
        Hub(nameof(DraftingHub.EditRow),            "ok   ok   ok   403 | 401  401  401", async (s, _) => await s.RowEditAsync()),
        Hub(nameof(DraftingHub.MergeRows),          "ok   ok   ok   403 | 401  401  401", async (s, _) => await s.RowMergeAsync()),
        Hub(nameof(DraftingHub.LinkEvidence),       "ok   ok   ok   403 | 401  401  401", async (s, _) => new EvidenceRequest(s.Id, s.Paragraph(1).Id, EvidenceKind.Row, (await s.AnnexAsync()).First.Id)),
        Hub(nameof(DraftingHub.UnlinkEvidence),     "ok   ok   ok   403 | 401  401  401", async (s, _) => new EvidenceRequest(s.Id, s.Paragraph(1).Id, EvidenceKind.Row, await s.CitedRowAsync())),
        Hub(nameof(DraftingHub.AddComment),         "ok   ok   ok   403 | 401  401  401", (s, _) => new AddCommentRequest(s.Id, s.Paragraph(1).Id, "We would like to discuss the word 'improve'")),
        // Resolving is part of commenting: a member resolves their own comment (the chair and secretariat anyone's). Protocol silent.
        Hub(nameof(DraftingHub.ResolveComment),     "ok   ok   ok   403 | 401  401  401", async (s, c) => new ResolveCommentRequest(s.Id, await s.CommentToResolveAsync(c))),
        Hub(nameof(DraftingHub.TableProposal),      "ok   ok   ok   403 | 401  401  401", (s, _) => new TableProposalRequest(s.Id, s.Paragraph(1).Id, ProposalAction.Replace, MatrixStage.EditedText)),
        Hub(nameof(DraftingHub.SupportProposal),    "ok   ok   ok   403 | 401  401  401", async (s, _) => new ProposalRequest(s.Id, await s.ProposalAsync(MatrixStage.OtherDelegation))),
        Hub(nameof(DraftingHub.OpposeProposal),     "ok   ok   ok   403 | 401  401  401", async (s, _) => new ProposalRequest(s.Id, await s.ProposalAsync(MatrixStage.OtherDelegation))),
        Hub(nameof(DraftingHub.WithdrawProposal),   "ok   ok   ok   403 | 401  401  401", async (s, c) => new ProposalRequest(s.Id, await s.ProposalAsync(c.Delegation))),
        Hub(nameof(DraftingHub.SetParagraphStatus), "ok   ok   403  403 | 401  401  401", (s, _) => new SetParagraphStatusRequest(s.Id, s.Paragraph(1).Id, s.Paragraph(1).Revision, ParagraphStatus.Agreed)),
        Hub(nameof(DraftingHub.TagRevision),        "ok   ok   403  403 | 401  401  401", (s, _) => new TagRevisionRequest(s.Id, "Rev.1", "after the first reading")),
        Hub(nameof(DraftingHub.OpenMeeting),        "ok   ok   403  403 | 401  401  401", (s, _) => new OpenMeetingRequest(s.Id, "First session")),
        Hub(nameof(DraftingHub.CloseMeeting),       "ok   ok   403  403 | 401  401  401", async (s, _) => new CloseMeetingRequest(await s.MeetingOpenAsync())),
        Hub(nameof(DraftingHub.FollowMe),           "ok   ok   403  403 | 401  401  401", (s, _) => new FollowMeRequest(s.Id, s.Paragraph(1).Id)),
        Hub(nameof(DraftingHub.DecideProposal),     "ok   ok   403  403 | 401  401  401", async (s, _) => new DecideProposalRequest(s.Id, await s.ProposalAsync(MatrixStage.OtherDelegation), ProposalDecision.Accept, ProposalForm.Bracketed)),
        Hub(nameof(DraftingHub.ResolveBracket),     "ok   ok   403  403 | 401  401  401", (s, _) => new ResolveBracketRequest(s.Id, s.Paragraph(0).Id, s.Paragraph(0).Revision, 0, BracketKeep.Alternative, 1)),
        Hub(nameof(DraftingHub.AdoptDocument),      "ok   ok   403  403 | 401  401  401", async (s, _) => new AdoptDocumentRequest(await s.AgreedDocumentAsync())),
    ];

    public static readonly IReadOnlyList<RestRow> RestCalls =
    [
        // REST call (§1, §2)                                     secr chair member obs | none expd revk   the request
        Rest("GET /health",                                        "ok   ok   ok   ok  | ok   ok   ok ", (_, _) => Get("health")),
        Rest("GET /metrics",                                       "ok   ok   ok   ok  | ok   ok   ok ", (_, _) => Get("metrics")),
        // Signing in takes no token; the revoked participant's code is refused (§1).
        Rest("POST /api/auth/token (application/json)",            "ok   ok   ok   ok  | ok   ok   401", (_, c) => Post("api/auth/token", new TokenRequest(c.InviteCode))),
        Rest("POST /api/auth/refresh",                             "ok   ok   ok   ok  | 401  401  401", (_, _) => Post("api/auth/refresh")),
        // Listing participants (names, delegations, roles; never codes) is a read. Protocol silent on who.
        Rest("GET /api/participants",                              "ok   ok   ok   ok  | 401  401  401", (_, _) => Get("api/participants")),
        Rest("POST /api/participants (application/json)",          "ok   403  403  403 | 401  401  401", (_, _) => Post("api/participants", new CreateParticipantRequest("Ana Silva", "Brazil", Role.Member))),
        Rest("DELETE /api/participants/{id:guid}",                 "ok   403  403  403 | 401  401  401", async (s, _) => Delete($"api/participants/{await s.ParticipantToRevokeAsync()}")),
        Rest("GET /api/documents",                                 "ok   ok   ok   ok  | 401  401  401", (_, _) => Get("api/documents")),
        Rest("POST /api/documents (application/json)",             "ok   ok   403  403 | 401  401  401", (_, _) => Post("api/documents", new CreateDocumentRequest("Draft report", DocumentKind.Report, null, "The group met twice."))),
        Rest("POST /api/documents (multipart/form-data)",          "ok   ok   403  403 | 401  401  401", (_, _) => Upload("api/documents", MatrixStage.WordFile())),
        Rest("GET /api/documents/{id:guid}",                       "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}?version=1")),
        Rest("GET /api/documents/{id:guid}/events",                "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/events?after=0")),
        Rest("POST /api/documents/{id:guid}/events (application/json)", "ok 403  403  403 | 401  401  401", (_, _) => MovedHistory(Guid.NewGuid())),
        Rest("GET /api/documents/{id:guid}/paragraphs/{pid:guid}/history", "ok ok ok ok | 401 401 401", (s, _) => Get($"api/documents/{s.Id}/paragraphs/{s.Paragraph(1).Id}/history")),
        Rest("GET /api/documents/{id:guid}/diff",                  "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/diff?from=1")),
        Rest("GET /api/documents/{id:guid}/compare",               "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/compare?from=1")),
        Rest("GET /api/documents/{id:guid}/export",                "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/export?format=docx")),
        Rest("GET /api/documents/{id:guid}/progress",              "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/progress")),
        Rest("GET /api/documents/{id:guid}/timeline",              "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/timeline?after=0")),
        Rest("GET /api/documents/{id:guid}/activity",              "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/activity")),
        Rest("GET /api/documents/{id:guid}/meetings",              "ok   ok   ok   ok  | 401  401  401", (s, _) => Get($"api/documents/{s.Id}/meetings")),
        Rest("GET /api/documents/{id:guid}/revisions/{label}/concordance", "ok ok ok ok | 401 401 401", async (s, _) => Get($"api/documents/{s.Id}/revisions/{await s.RevisionAsync()}/concordance")),
        // The mapping table (issue 10): importing rows is creating content in bulk, as creating a document is; listing them is a read.
        Rest("POST /api/documents/{id:guid}/rows (text/csv)",      "ok   ok   403  403 | 401  401  401", async (s, _) => Csv($"api/documents/{(await s.AnnexAsync()).Id}/rows", "Issue,Category\nSpam,Cybersecurity\n")),
        Rest("GET /api/documents/{id:guid}/rows",                  "ok   ok   ok   ok  | 401  401  401", async (s, _) => Get($"api/documents/{(await s.AnnexAsync()).Id}/rows?issue=spam&sort=-issue")),
        // Questionnaires (issue 10): any role reads; the secretariat and the chair enter the evidence, as they create documents.
        Rest("GET /api/questionnaires",                            "ok   ok   ok   ok  | 401  401  401", (_, _) => Get("api/questionnaires")),
        Rest("POST /api/questionnaires (application/json)",        "ok   ok   403  403 | 401  401  401", (_, _) => Post("api/questionnaires", new CreateQuestionnaireRequest("Questionnaire", new DateOnly(2026, 3, 15)))),
        Rest("GET /api/questionnaires/{id:guid}",                  "ok   ok   ok   ok  | 401  401  401", async (s, _) => Get($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}")),
        Rest("POST /api/questionnaires/{id:guid}/questions (application/json)", "ok ok 403 403 | 401 401 401", async (s, _) => Post($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/questions", new AddQuestionRequest(2, "A", "Who takes part?"))),
        Rest("POST /api/questionnaires/{id:guid}/respondents (application/json)", "ok ok 403 403 | 401 401 401", async (s, _) => Post($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/respondents", new AddRespondentRequest("Kenya", StakeholderType.Government, "Kenya"))),
        Rest("POST /api/questionnaires/{id:guid}/contributions (application/json)", "ok ok 403 403 | 401 401 401", async (s, _) =>
        {
            var q = await s.QuestionnaireAsync();
            return Post($"api/questionnaires/{q.Id}/contributions", new AddContributionRequest(q.Respondent, q.Question, "A process, revised."));
        }),
        Rest("GET /api/questionnaires/{id:guid}/contributions/{contributionId:guid}", "ok ok ok ok | 401 401 401", async (s, _) =>
        {
            var q = await s.QuestionnaireAsync();
            return Get($"api/questionnaires/{q.Id}/contributions/{q.Contribution}");
        }),
        Rest("POST /api/questionnaires/{id:guid}/import (text/csv)", "ok   ok   403  403 | 401  401  401", async (s, _) => Csv($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/import", MatrixQuestionnaire.Csv)),
        Rest("GET /api/questionnaires/{id:guid}/by-question",      "ok   ok   ok   ok  | 401  401  401", async (s, _) => Get($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/by-question")),
        Rest("GET /api/questionnaires/{id:guid}/by-respondent",    "ok   ok   ok   ok  | 401  401  401", async (s, _) => Get($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/by-respondent")),
        Rest("GET /api/questionnaires/{id:guid}/export",           "ok   ok   ok   ok  | 401  401  401", async (s, _) => Get($"api/questionnaires/{(await s.QuestionnaireAsync()).Id}/export?format=docx&by=respondent")),
        // The hub's own endpoints (§1): refused at negotiate; a connection id negotiated by someone else lets no one in.
        Rest("POST /hubs/drafting/negotiate",                      "ok   ok   ok   ok  | 401  401  401", (_, _) => Post("hubs/drafting/negotiate?negotiateVersion=1")),
        Rest("GET /hubs/drafting",                                 "ok   ok   ok   ok  | 401  401  401", async (s, c) => Get($"hubs/drafting?id={await s.NegotiateAsync(c)}")),
        // Public by design, outside the protocol: the API's description and the web client's pages (which then sign in).
        Rest("GET /openapi/{documentName}.json",                   "ok   ok   ok   ok  | ok   ok   ok ", (_, _) => Get("openapi/v1.json")),
        Rest("GET /",                                              "ok   ok   ok   ok  | ok   ok   ok ", (_, _) => Get("")),
        Rest("GET /join/{code}",                                   "ok   ok   ok   ok  | ok   ok   ok ", (_, c) => Get($"join/{c.InviteCode}")),
        Rest("GET /documents/{**rest}",                            "ok   ok   ok   ok  | ok   ok   ok ", (s, _) => Get($"documents/{s.Id}")),
        Rest("GET /participants",                                  "ok   ok   ok   ok  | ok   ok   ok ", (_, _) => Get("participants")),
        Rest("GET /questionnaires/{**rest}",                       "ok   ok   ok   ok  | ok   ok   ok ", (s, _) => Get($"questionnaires/{s.Id}")),
    ];
}
