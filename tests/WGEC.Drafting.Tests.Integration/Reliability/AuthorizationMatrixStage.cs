using System.Net;
using System.Text.Json;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Documents.Creating;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// What one cell of the matrix needs, fresh for each cell so that no call sees another's writes: a new
/// recommendations document (paragraph 0 has a bracket, 1 and 2 none), and on demand the comment, proposal,
/// meeting, revision or participant the call acts on. Set up by the built-in secretariat, or by the delegation
/// a rule names (a proposal is withdrawn by its own delegation and supported by others).
/// </summary>
public sealed class MatrixStage
{
    public const string OtherDelegation = "Kenya";
    public const string EditedText = "Encourages all Member States to improve the participation of developing countries";
    private const string RevisionLabel = "Rev.1";

    private const string Markdown = """
        1. Recommends that [enhanced / strengthened] cooperation be implemented without further delay

        2. Encourages Member States to improve the participation of developing countries

        3. Invites all stakeholders to contribute to the work of the group
        """;

    private readonly AuthorizationMatrixServer server;

    private MatrixStage(AuthorizationMatrixServer server, DocumentView document) => (this.server, Document) = (server, document);

    public DocumentView Document { get; }

    public Guid Id => Document.Id;

    public ParagraphView Paragraph(int index) => Document.Paragraphs[index];

    public static async Task<MatrixStage> CreateAsync(AuthorizationMatrixServer server) =>
        new(server, await server.Admin.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations, Markdown));

    /// <summary>A small Word file to create a document from.</summary>
    public static MultipartFormDataContent WordFile() =>
        DraftingApi.DocxForm(new MemoryStream(DocxFiles.Word(DocxFiles.P("The group met twice."))), DocumentKind.Report, "Draft report");

    /// <summary>The caller has joined the document (to set a focus in it, or leave it).</summary>
    public async Task<Guid> JoinedAsync(MatrixCaller caller)
    {
        await caller.Hub.JoinDocumentAsync(new JoinDocumentRequest(Id));
        return Id;
    }

    /// <summary>A comment the caller wrote; an observer cannot write one, so theirs is another delegation's.</summary>
    public async Task<Guid> CommentToResolveAsync(MatrixCaller caller) =>
        caller.Role == Role.Observer ? await OtherDelegationsCommentAsync() : await CommentAsync(caller.Hub);

    public async Task<Guid> OtherDelegationsCommentAsync() => await CommentAsync(await server.DelegationAsync(OtherDelegation));

    private async Task<Guid> CommentAsync(DraftingConnection author) =>
        (await author.AddCommentAsync(new AddCommentRequest(Id, Paragraph(1).Id, "Could the secretariat check this figure?"))).CommentId;

    /// <summary>An open proposal tabled by a member of <paramref name="delegation"/>: to replace paragraph 1.</summary>
    public async Task<Guid> ProposalAsync(string delegation)
    {
        var tabler = await server.DelegationAsync(delegation);
        var tabled = await tabler.TableProposalAsync(new TableProposalRequest(Id, Paragraph(1).Id, ProposalAction.Replace, $"{delegation} proposes: {EditedText}"));
        return tabled.ProposalId;
    }

    public async Task<Guid> MeetingOpenAsync()
    {
        await server.AdminHub.OpenMeetingAsync(new OpenMeetingRequest(Id, "First session"));
        return Id;
    }

    public async Task<string> RevisionAsync()
    {
        await server.AdminHub.TagRevisionAsync(new TagRevisionRequest(Id, RevisionLabel));
        return RevisionLabel;
    }

    /// <summary>Another document, ready to adopt: its one paragraph agreed, no bracket, no proposal.</summary>
    public async Task<Guid> AgreedDocumentAsync()
    {
        var document = await server.Admin.Api.CreateDocumentAsync("Agreed recommendations", DocumentKind.Recommendations, "1. Recommends that cooperation be enhanced");
        var paragraph = document.Paragraphs[0];
        await server.AdminHub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, paragraph.Id, paragraph.Revision, ParagraphStatus.Agreed));
        return document.Id;
    }

    /// <summary>A mapping annex with two rows, made by the secretariat.</summary>
    public async Task<(Guid Id, ParagraphView First, ParagraphView Second)> AnnexAsync()
    {
        var annex = await server.Admin.Api.CreateDocumentAsync("Mapping of issues", DocumentKind.Annex);
        Guid? after = null;
        foreach (var issue in new[] { "Spam", "Junk mail" })
            after = (await server.AdminHub.InsertParagraphAsync(new InsertParagraphRequest(annex.Id, after, ParagraphKind.Row, null, Fields: new RowFields(issue)))).ParagraphId;
        var rows = (await server.Admin.Api.DocumentAsync(annex.Id)).Paragraphs;
        return (annex.Id, rows[0], rows[1]);
    }

    public async Task<object> RowEditAsync()
    {
        var annex = await AnnexAsync();
        return new EditRowRequest(annex.Id, annex.First.Id, annex.First.Revision, new RowFields(Status: "Addressed"));
    }

    public async Task<object> RowMergeAsync()
    {
        var annex = await AnnexAsync();
        return new MergeRowsRequest(annex.Id, [annex.First.Id, annex.Second.Id]);
    }

    /// <summary>A row of a new annex that paragraph 1 cites (linked by the secretariat).</summary>
    public async Task<Guid> CitedRowAsync()
    {
        var row = (await AnnexAsync()).First.Id;
        await server.AdminHub.LinkEvidenceAsync(new EvidenceRequest(Id, Paragraph(1).Id, EvidenceKind.Row, row));
        return row;
    }

    /// <summary>A questionnaire with one question, one respondent and their answer.</summary>
    public Task<MatrixQuestionnaire> QuestionnaireAsync() => MatrixQuestionnaire.CreateAsync(server);

    public async Task<Guid> ParticipantToRevokeAsync() =>
        (await server.Admin.Api.CreateParticipantAsync("Jo Doe", "Chile", Role.Member)).Participant.Id;

    /// <summary>
    /// A hub connection id, negotiated with the caller's own token; a caller with no valid token uses one
    /// negotiated by someone who has (knowing a connection id must not be a way in).
    /// </summary>
    public async Task<string> NegotiateAsync(MatrixCaller caller)
    {
        var token = caller.Connection is null ? server.Admin.Api.Token : caller.Token;
        using var negotiated = await server.Http.SendAsync(HttpMethod.Post, "hubs/drafting/negotiate?negotiateVersion=1", token);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        using var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("connectionToken").GetString()!;
    }
}
