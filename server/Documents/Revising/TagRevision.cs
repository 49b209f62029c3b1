using System.Globalization;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Revising;

public static class TagRevision
{
    public static Decision Decide(DocumentState state, TagRevisionRequest request)
    {
        var label = TextRules.Normalize(request.Label, TextRules.MaxRevisionLabelLength, "revision label");
        if (label.Refusal is { } bad)
            return bad;
        if (Refusal(label.Text) is { } invalid)
            return invalid;
        if (state.Revisions.Any(r => r.Label == label.Text))
            return Documents.Refusal.Invalid($"revision label '{label.Text}' is already used in this document");
        var note = TextRules.Normalize(request.Note ?? "", TextRules.MaxCommentLength, "note", allowBlankLines: true);
        if (note.Refusal is { } badNote)
            return badNote;
        var noteText = note.Text.Length == 0 ? null : note.Text;
        var live = state.Live.Select(p => (p.Id, p.Kind)).ToList();
        if (request.Renumber == false)
        {
            // Numbers stay as they are; a first tag still fixes them (they are consecutive until then).
            return Decision.Append(new RevisionTagged(label.Text, noteText, new Dictionary<Guid, string?>())
            {
                Baseline = state.Baseline is null ? Numbering.Consecutive(live) : null,
            });
        }
        // Renumbering: bis/ter give way to consecutive numbers, which stay put until the next one.
        var baseline = Numbering.Consecutive(live);
        return Decision.Append(new RevisionTagged(label.Text, noteText, Numbering.Changes(state, live, baseline: baseline))
        {
            Baseline = baseline,
            Renumbered = true,
        });
    }

    /// <summary>A label may not be empty, span lines, or read as a version number or a time: selectors stay unambiguous.</summary>
    public static Refusal? Refusal(string label) =>
        label.Length == 0 || label.Contains('\n') || label.Contains('\t')
            ? Documents.Refusal.Invalid("a revision label is one non-empty line, e.g. Rev.1")
            : long.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? Documents.Refusal.Invalid($"revision label '{label}' looks like a version number")
                : DateTimeOffset.TryParse(label, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                    ? Documents.Refusal.Invalid($"revision label '{label}' looks like a time")
                    : null;
}
