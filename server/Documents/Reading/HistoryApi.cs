using JasperFx.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Documents.Reading;

/// <summary>
/// History that delegations read (PROTOCOL.md §2): a timeline for a slider, one paragraph's life, progress
/// at each revision and meeting, and who did what. The work is in <see cref="History"/>; these only read the stream.
/// </summary>
public static class HistoryApi
{
    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder documents)
    {
        documents.MapGet("/{id:guid}/timeline", Timeline);
        documents.MapGet("/{id:guid}/paragraphs/{pid:guid}/history", ParagraphHistory);
        documents.MapGet("/{id:guid}/progress", Progress);
        documents.MapGet("/{id:guid}/activity", Activity);
        return documents;
    }

    /// <summary>Paged exactly like <c>/events</c>: <c>version &gt; after</c>, at most <c>limit</c>.</summary>
    private static async Task<Ok<IReadOnlyList<TimelineEntry>>> Timeline(
        Guid id, long? after, int? limit, HttpContext http, CurrentParticipant current, DocumentReader reader)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var events = await reader.PageAsync(id, after ?? 0, limit ?? DocumentReader.DefaultPage, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<TimelineEntry>>([.. events.Select(e => History.Entry(Recorded.From(e)))]);
    }

    private static async Task<Ok<IReadOnlyList<ParagraphHistoryEntry>>> ParagraphHistory(
        Guid id, Guid pid, HttpContext http, CurrentParticipant current, DocumentStreams streams, Envelopes envelopes)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        var events = await StreamAsync(streams, id, http.RequestAborted);
        var moments = History.ParagraphLife(events.Select(Recorded.From), pid);
        if (moments.Count == 0)
            throw new RefusedException(Refusal.NotFound($"paragraph {pid} was never in this document"));
        var touched = events.Where(e => Envelopes.Touches(e.Data, pid)).Select(envelopes.From);
        return TypedResults.Ok<IReadOnlyList<ParagraphHistoryEntry>>([.. touched.Zip(moments, (e, m) =>
            new ParagraphHistoryEntry(e.DocumentId, e.Version, e.Type, e.Data, e.Actor, e.At, e.ClientOpId, e.Meeting, m.Text, m.Status, m.Number, m.Deleted))]);
    }

    private static async Task<Ok<IReadOnlyList<ProgressPoint>>> Progress(Guid id, HttpContext http, CurrentParticipant current, DocumentStreams streams)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(History.Progress((await StreamAsync(streams, id, http.RequestAborted)).Select(Recorded.From)));
    }

    private static async Task<Ok<IReadOnlyList<DelegationActivity>>> Activity(Guid id, HttpContext http, CurrentParticipant current, DocumentStreams streams)
    {
        await current.RequireAsync(http.User, Permission.Read, http.RequestAborted);
        return TypedResults.Ok(History.Activity((await StreamAsync(streams, id, http.RequestAborted)).Select(Recorded.From)));
    }

    private static async Task<IReadOnlyList<IEvent>> StreamAsync(DocumentStreams streams, Guid id, CancellationToken ct)
    {
        var events = await streams.ReadAsync(id, ct: ct);
        return events.Count > 0 ? events : throw new RefusedException(Refusal.NotFound($"document {id} does not exist"));
    }
}
