using System.Globalization;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// Rows from a CSV file (<see cref="RowsCsv"/>) appended after the last paragraph of a table annex, in file order, as
/// one decision: one <see cref="ParagraphInserted"/> per row, each after the one before, as <see cref="InsertParagraph"/>
/// would record the rows inserted one by one (the same rules of a row, <see cref="RowText"/>; the same numbers, from
/// <see cref="Numbering"/>). A bad row refuses the whole file, naming its line.
/// </summary>
/// <remarks>
/// Not one <see cref="InsertParagraph"/> per row: that renumbers the whole document for each row, some seven seconds for
/// 5,000 rows while the document's writes wait. Here the numbers are read once: rows appended at the end change no
/// number before them, so each row's number in the final sequence is the one it is given when inserted.
/// </remarks>
public static class ImportRows
{
    public static Decision Decide(DocumentState state, IReadOnlyList<ImportedRow> rows, Func<Guid> newId)
    {
        if (state.Kind != DocumentKind.Annex)
            return Refusal.Invalid($"rows are imported into a table annex (a document of kind annex), not a {ProtocolJson.Name(state.Kind)}");
        if (state.LiveCount + rows.Count > TextRules.MaxParagraphs)
        {
            return Refusal.TooLarge(string.Create(CultureInfo.InvariantCulture,
                $"the document has {state.LiveCount:N0} paragraphs and the file {rows.Count:N0} rows; a document holds at most {TextRules.MaxParagraphs:N0} paragraphs"));
        }
        if (rows.Count == 0)
            return Decision.Nothing(new InsertParagraphResult(Outcome.Applied, state.Version, Guid.Empty));

        // After a revision a new row is given a position ("20 bis", "20 ter" …) that depends on those given before
        // it: Numbering.Assign reads them from a copy of the state that the rows before it are applied to.
        var scratch = state.Baseline is null ? null : DocumentState.FromSnapshot(state.ToSnapshot());
        var after = state.Live.LastOrDefault()?.Id;
        var inserted = new List<ParagraphInserted>(rows.Count);
        foreach (var row in rows)
        {
            var fields = RowText.Normalize(row.Fields, keep: null);
            if ((fields.Refusal ?? RowText.CheckSources(row.Sources)) is { } refusal)
                return refusal with { Message = string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {refusal.Message}") };
            var id = newId();
            var position = scratch is null
                ? null
                : Numbering.Assign(scratch, scratch.Live.Select(p => (p.Id, p.Kind)).Append((id, ParagraphKind.Row)), id, ParagraphKind.Row);
            var insert = new ParagraphInserted(id, after, ParagraphKind.Row, RowText.Of(fields.Fields), new Dictionary<Guid, string?>())
            {
                Position = position,
                Fields = fields.Fields,
                Sources = [.. row.Sources ?? []],
            };
            scratch?.Apply(insert, scratch.Version + 1, state.LastEventAt);
            inserted.Add(insert);
            after = id;
        }

        var sequence = state.Live.Select(p => (p.Id, p.Kind)).Concat(inserted.Select(i => (i.ParagraphId, ParagraphKind.Row)));
        var numbers = Numbering.Of(sequence, state.Baseline, scratch?.Assigned ?? state.Assigned);
        return Decision.Append([.. inserted.Select(i => i with { Numbers = new Dictionary<Guid, string?> { [i.ParagraphId] = numbers[i.ParagraphId] } })]);
    }
}
