namespace WGEC.Drafting.Diffing;

/// <summary>The outcome of a three-way merge of one paragraph's text.</summary>
public abstract record MergeResult
{
    private MergeResult()
    {
    }

    /// <summary>Both sides' changes are in <see cref="Text"/> (also when one side changed nothing).</summary>
    public sealed record Merged(string Text) : MergeResult;

    /// <summary>The changes overlap; <see cref="Reason"/> says where, for people.</summary>
    public sealed record Conflict(string Reason) : MergeResult;
}
