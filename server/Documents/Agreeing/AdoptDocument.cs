using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Agreeing;

/// <summary>
/// "Nothing is agreed until everything is agreed": the chair adopts the text only when every
/// paragraph is agreed, no bracket is open and no proposal is undecided. The refusal names what blocks.
/// </summary>
public static class AdoptDocument
{
    public static Decision Decide(DocumentState state)
    {
        var live = state.Live.ToList();
        var labels = Numbering.Labels(live.Select(p => (p.Id, p.Kind)), state.Baseline, state.Assigned);
        string Name(ParagraphState p) => p.Number is { } n ? $"paragraph {n}" : labels[p.Id] ?? $"paragraph {live.IndexOf(p) + 1}";

        var blockers = new List<string>();
        var notAgreed = live.Where(p => p.Status != Contracts.ParagraphStatus.Agreed).ToList();
        if (notAgreed.Count > 0)
            blockers.Add($"{notAgreed.Count} not agreed ({List(notAgreed.Select(Name))})");
        var bracketed = live.Where(p => Brackets.CountOpen(p.Text) > 0).ToList();
        if (bracketed.Count > 0)
            blockers.Add($"open brackets in {List(bracketed.Select(Name))}");
        var undecided = state.Proposals.Values.Count(p => p.IsOpen);
        if (undecided > 0)
            blockers.Add($"{undecided} undecided proposal{(undecided == 1 ? "" : "s")}");
        return blockers.Count > 0
            ? Refusal.Invalid("the text cannot be adopted yet: " + string.Join("; ", blockers))
            : Decision.Append(new DocumentAdopted());
    }

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 10 ? string.Join(", ", all) : string.Join(", ", all.Take(10)) + $" and {all.Count - 10} more";
    }
}
