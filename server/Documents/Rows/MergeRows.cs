using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// Several mapping items become one issue (the working group's 483 items became some 215): the first
/// row stays with the fields given, the others go, and the row keeps every contribution they came from.
/// </summary>
public static class MergeRows
{
    public const int MaxRows = 500;

    public static Decision Decide(DocumentState state, MergeRowsRequest request)
    {
        if (request.ParagraphIds is not { Count: >= 2 } ids)
            return Refusal.Invalid("paragraphIds names two or more rows to merge, the one to keep first");
        if (ids.Count > MaxRows)
            return Refusal.TooLarge($"at most {MaxRows} rows are merged at once");
        if (ids.Distinct().Count() != ids.Count)
            return Refusal.Invalid("a row is named twice in paragraphIds");
        var rows = new List<ParagraphState>(ids.Count);
        foreach (var id in ids)
        {
            if (Paragraphs.FindUnlocked(state, id, out var row) is { } refused)
                return refused;
            if (row.Kind != ParagraphKind.Row)
                return Refusal.Invalid($"paragraph {id} is not a table row; only rows are merged");
            rows.Add(row);
        }
        var kept = rows[0];
        var fields = RowText.Normalize(request.Fields ?? new RowFields(), keep: kept.Fields);
        if (fields.Refusal is { } bad)
            return bad;
        var sources = rows.SelectMany(r => r.Sources).Distinct().ToList();
        if (RowText.CheckSources(sources) is { } tooMany)
            return tooMany;

        var merged = rows.Skip(1).Select(r => r.Id).ToList();
        var gone = merged.ToHashSet();
        var next = state.Live.Where(p => !gone.Contains(p.Id)).Select(p => (p.Id, p.Kind));
        var numbers = new Dictionary<Guid, string?>(Numbering.Changes(state, next));
        foreach (var id in merged)
            numbers[id] = null;
        var mergedFrom = kept.MergedFrom.Concat(rows.Skip(1).SelectMany(r => r.MergedFrom.Prepend(r.Id))).ToList();
        return Decision.Append(new RowsMerged(kept.Id, merged, fields.Fields, RowText.Of(fields.Fields), sources, mergedFrom, numbers));
    }
}
