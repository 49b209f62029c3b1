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
        string Proposal(ProposalRecord p) => p.By.Delegation + (p.ParagraphId is not { } id ? " to insert at the top"
            : state.Find(id) is { Deleted: false } on ? $" on {Name(on)}"
            : " on a deleted paragraph");

        var blockers = new List<string>();
        var notAgreed = live.Where(p => p.Status != Contracts.ParagraphStatus.Agreed).ToList();
        if (notAgreed.Count > 0)
            blockers.Add($"{notAgreed.Count} not agreed ({List(notAgreed.Select(Name))})");
        var bracketed = live.Where(p => Brackets.CountOpen(p.Text) > 0).ToList();
        if (bracketed.Count > 0)
            blockers.Add($"open brackets in {List(bracketed.Select(Name))}");
        var undecided = state.Proposals.Values.Where(p => p.IsOpen).OrderBy(p => p.TabledVersion).ToList();
        if (undecided.Count > 0)
            blockers.Add($"{undecided.Count} undecided proposal{(undecided.Count == 1 ? "" : "s")} ({List(undecided.Select(Proposal))})");
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
