using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Documents.Rows;

/// <summary>
/// A member changes fields of a mapping-table row. Like <see cref="EditParagraph"/>, but three-way
/// per field: a field only one side changed since <c>baseRevision</c> takes that side's value; a field
/// both changed is merged word by word, and overlapping changes to one field are a conflict.
/// </summary>
public static class EditRow
{
    public static Decision Decide(DocumentState state, EditRowRequest request)
    {
        if (Paragraphs.FindUnlocked(state, request.ParagraphId, out var row) is { } refused)
            return refused;
        if (row.Kind != ParagraphKind.Row)
            return Refusal.Invalid("this paragraph is not a table row: its text is changed with EditParagraph");
        if (Paragraphs.CheckBase(state, request.BaseRevision) is { } badBase)
            return badBase;
        var current = row.Fields!;
        var baseFields = request.BaseRevision >= row.Revision ? current : row.FieldsAt(request.BaseRevision);
        if (baseFields is null)
        {
            return row.HistoryTruncated
                ? Decision.Nothing(Answer(Outcome.Conflict, state, row))
                : Refusal.Invalid($"the row did not exist at baseRevision {request.BaseRevision}");
        }
        // Fields left out are the ones the caller did not change: their value at the base.
        var mine = RowText.Normalize(request.Fields, keep: baseFields);
        if (mine.Refusal is { } bad)
            return bad;
        if (mine.Fields == current)
            return Decision.Nothing(Answer(Outcome.Applied, state, row));
        if (baseFields == current)
            return Decision.Append(new RowEdited(row.Id, mine.Fields, RowText.Of(mine.Fields), Merged: false));

        var merged = Merge(baseFields, current, mine.Fields);
        if (merged is null)
            return Decision.Nothing(Answer(Outcome.Conflict, state, row));
        var check = RowText.Normalize(merged, keep: null);
        if (check.Refusal is { } invalid)
            return invalid;
        return check.Fields == current
            ? Decision.Nothing(Answer(Outcome.Merged, state, row))
            : Decision.Append(new RowEdited(row.Id, check.Fields, RowText.Of(check.Fields), Merged: true));
    }

    /// <summary>Per-field three-way merge; null when both sides changed one field in overlapping ways.</summary>
    public static RowFields? Merge(RowFields baseFields, RowFields theirs, RowFields mine)
    {
        var (b, t, m) = (RowText.Values(baseFields), RowText.Values(theirs), RowText.Values(mine));
        var merged = new string[b.Length];
        for (var i = 0; i < b.Length; i++)
        {
            if (m[i] == b[i] || m[i] == t[i])
                merged[i] = t[i];
            else if (t[i] == b[i])
                merged[i] = m[i];
            else if (EditParagraph.Merge(b[i], t[i], m[i]) is { } both)
                merged[i] = both;
            else
                return null;
        }
        return RowText.FromValues(merged);
    }

    private static RowResult Answer(Outcome outcome, DocumentState state, ParagraphState row) =>
        new(outcome, state.Version, row.Revision, row.Fields!);
}
