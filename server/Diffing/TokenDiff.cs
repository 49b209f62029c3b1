using DiffPlex;
using DiffPlex.Chunkers;

namespace WGEC.Drafting.Diffing;

/// <summary>One changed stretch: tokens <c>[FromStart, FromEnd)</c> became <c>[ToStart, ToEnd)</c>.</summary>
internal readonly record struct Hunk(int FromStart, int FromEnd, int ToStart, int ToEnd)
{
    public bool IsInsertion => FromStart == FromEnd;
}

/// <summary>A token-level two-way diff, DiffPlex's result mapped to our own records (STYLE.md rule 7).</summary>
internal sealed record TokenDiff(IReadOnlyList<string> From, IReadOnlyList<string> To, IReadOnlyList<Hunk> Hunks)
{
    public static TokenDiff Compute(string from, string to, ITokenizer tokenizer)
    {
        var chunker = new CustomFunctionChunker(tokenizer.Tokenize);
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var hunks = result.DiffBlocks
            .Select(b => new Hunk(b.DeleteStartA, b.DeleteStartA + b.DeleteCountA, b.InsertStartB, b.InsertStartB + b.InsertCountB))
            .OrderBy(h => h.FromStart)
            .ToList();
        return new TokenDiff(result.PiecesOld, result.PiecesNew, hunks);
    }

    public static string Join(IReadOnlyList<string> tokens, int start, int end)
    {
        var count = end - start;
        return count switch
        {
            0 => "",
            1 => tokens[start],
            _ => string.Concat(tokens.Skip(start).Take(count)),
        };
    }
}
