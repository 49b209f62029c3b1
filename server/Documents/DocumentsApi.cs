using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Comparing;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Exporting;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Rows;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Http;
using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Documents;

/// <summary>REST over documents (PROTOCOL.md §2). Every call needs a token; writes go through the same pipeline as the hub.</summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents").WithTags("Documents").RequireAuthorization();
        documents.MapGet("/", List);
        documents.MapPost("/", Create)
            .WithDescription("JSON { title, kind, symbol?, markdown? }; or a Word file: multipart/form-data with the .docx in the part 'file' and the fields title?, kind, symbol?");
        // The same call with a Word file, routed here by its content type; a POST without one still goes to Create.
        // Left out of the OpenAPI description, where one path and method has one operation: Create's describes both.
        documents.MapPost("/", CreateFromDocx).Accepts<IFormFile>(DocxUpload.ContentType).WithOrder(1).ExcludeFromDescription();
        documents.MapGet("/{id:guid}", Get);
        documents.MapGet("/{id:guid}/events", Events);
        documents.MapPost("/{id:guid}/events", ImportHistory)
            .WithDescription("Secretariat: a document's whole history from another server, the array GET /events gives (all pages, from version 1), replayed as it was");
        documents.MapGet("/{id:guid}/diff", Diff);
        documents.MapGet("/{id:guid}/compare", CompareApi.Compare);
        documents.MapGet("/{id:guid}/meetings", Meetings);
        documents.MapGet("/{id:guid}/revisions/{label}/concordance", Concordance);
        documents.MapGet("/{id:guid}/export", ExportApi.Export)
            .WithDescription("The document (now, or at version/revision/at) as markdown, html, docx (compareTo=X: tracked changes), akn, or csv (the rows of a table annex: No, Issue, Category, Grouping, Activities and approaches, Status, and Sources when a row has any)");
        documents.MapHistory();
        documents.MapRows();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DocumentSummary>>> List(HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(await reader.SummariesAsync(http.RequestAborted));
    }

    private static async Task<Created<DocumentView>> Create(
        CreateDocumentRequest? request, HttpContext http, CurrentParticipant current, DocumentWriter writer, DocumentViews views)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        if (request is null)
            throw new RefusedException(Refusal.Invalid("the body is a document: { title, kind, symbol?, markdown? }"));
        return await CreateAsync(request, actor, http, writer, views);
    }

    private static async Task<Created<DocumentView>> CreateFromDocx(
        HttpContext http, CurrentParticipant current, DocumentWriter writer, DocumentViews views, DocxLimits limits)
    {
        // Who may, before a byte of the upload is read.
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        return await CreateAsync(await DocxUpload.ReadAsync(http, limits), actor, http, writer, views);
    }

    private static async Task<Created<DocumentView>> CreateAsync(
        CreateDocumentRequest request, Actor actor, HttpContext http, DocumentWriter writer, DocumentViews views)
    {
        var id = Guid.CreateVersion7();
        var state = await writer.CreateAsync(id, actor, CreateDocument.Decide(request, id, Guid.CreateVersion7), http.RequestAborted);
        return TypedResults.Created($"/api/documents/{id}", views.From(state));
    }

    private static async Task<Created<DocumentView>> ImportHistory(
        Guid id, IReadOnlyList<Envelope?>? history, HttpContext http, CurrentParticipant current, DocumentWriter writer, DocumentViews views)
    {
        await current.RequireAsync(http.User, Permission.ImportHistory, http.RequestAborted);
        var (events, refusal) = Importing.HistoryImport.Decide(id, history);
        if (refusal is not null)
            throw new RefusedException(refusal);
        var state = await writer.ImportAsync(id, events, http.RequestAborted);
        return TypedResults.Created($"/api/documents/{id}", views.From(state));
    }

    private static async Task<Ok<DocumentView>> Get(
        Guid id, string? version, string? revision, string? at, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(await reader.ViewAsync(id, Point.FromSelectors(version, revision, at), http.RequestAborted));
    }

    private static async Task<Ok<IReadOnlyList<Envelope>>> Events(
        Guid id, long? after, int? limit, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(await reader.EventsAsync(id, after ?? 0, limit ?? DocumentReader.DefaultPage, http.RequestAborted));
    }

    private static async Task<Ok<DiffView>> Diff(
        Guid id, string? from, string? to, HttpContext http, CurrentParticipant current, DocumentReader reader, DocumentDiffer differ)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var (before, after) = await reader.EndsAsync(id, from, to, http.RequestAborted);
        return TypedResults.Ok(differ.Compare(before, after));
    }

    private static async Task<Ok<MeetingSummary[]>> Meetings(Guid id, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var state = await reader.StateAtAsync(id, Point.Latest, http.RequestAborted);
        return TypedResults.Ok(state.Meetings.Select(m => m.Summary()).ToArray());
    }

    /// <summary>The old → new numbers of the operative paragraphs at a revision (old = as numbered just before it).</summary>
    private static async Task<Ok<IReadOnlyList<ConcordanceEntry>>> Concordance(
        Guid id, string label, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var state = await reader.StateAtAsync(id, Point.Latest, http.RequestAborted);
        return TypedResults.Ok(state.Concordances.GetValueOrDefault(label)
            ?? throw new RefusedException(Refusal.NotFound($"no revision '{label}' in this document")));
    }
}
