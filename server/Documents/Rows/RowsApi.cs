using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// The mapping table over REST: a CSV file appended as rows (through the writer, so joined clients get the inserts
/// live like any other, and the import is all or nothing), and the rows filtered and sorted (<see cref="RowQuery"/>).
/// </summary>
public static class RowsApi
{
    private const string OpIdName = "clientOpId";

    public static RouteGroupBuilder MapRows(this RouteGroupBuilder documents)
    {
        documents.MapPost("/{id:guid}/rows", Import).Accepts<string>(Csv.MediaType)
            .WithDescription("Secretariat, chair: appends the rows of a CSV file (text/csv, UTF-8) to a table annex, after its last paragraph, " +
                "in file order, all or none. Header: No, Issue, Category, Grouping, Activities and approaches, Status, in any order and case; " +
                "Issue required; No is ignored (numbers are the server's); an optional Sources column holds contribution ids separated by ';'. " +
                "A bad row is invalid, naming its line. ?clientOpId= makes a retry safe. Answers { version, rows }.");
        documents.MapGet("/{id:guid}/rows", List)
            .WithDescription("The rows of a table annex: ?issue=, category=, grouping=, activities=, status= keep the rows whose field contains the value " +
                "(case-insensitive), q= the rows with any field that does, all together; sort=number|issue|category|grouping|activities|status, " +
                "'-' before a key for descending, several separated by commas; version/revision/at as for GET /documents/{id}. An unknown parameter is invalid.");
        return documents;
    }

    private static async Task<Ok<ImportRowsResult>> Import(
        Guid id, HttpContext http, CurrentParticipant current, DocumentWriter writer, DocxLimits limits)
    {
        var actor = await current.RequireAsync(http.User, Permission.CreateDocument, http.RequestAborted);
        string? clientOpId = null;
        foreach (var (name, values) in http.Request.Query)
        {
            if (!name.Equals(OpIdName, StringComparison.OrdinalIgnoreCase) || values.Count != 1)
                throw new RefusedException(Refusal.Invalid($"the one parameter of this call is {OpIdName}, given once"));
            clientOpId = values[0] is { Length: > 0 } op ? op : null;
        }
        var (rows, refusal) = RowsCsv.Read(await Http.CsvBody.ReadAsync(http, limits.MaxUploadBytes));
        if (refusal is not null)
            throw new RefusedException(refusal);
        // A retry (this op id was applied before) appends nothing and is answered with the first call's version.
        var last = await writer.ExecuteAsync<InsertParagraphResult>(
            id, actor, clientOpId, state => ImportRows.Decide(state, rows, Guid.CreateVersion7), http.RequestAborted);
        return TypedResults.Ok(new ImportRowsResult(last.Version, rows.Count));
    }

    private static async Task<Ok<IReadOnlyList<RowView>>> List(Guid id, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var query = RowQuery.Parse(http.Request.Query);
        var document = await reader.ViewAsync(id, Point.FromSelectors(query.Version, query.Revision, query.At), http.RequestAborted);
        if (document.Kind != DocumentKind.Annex)
            throw new RefusedException(Refusal.Invalid($"rows are in table annexes (documents of kind annex), not in a {ProtocolJson.Name(document.Kind)}"));
        return TypedResults.Ok(query.Apply(document));
    }
}
