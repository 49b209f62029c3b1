namespace WGEC.Drafting.Diffing;

/// <summary>
/// Splits text into the units that diffs and merges work on. Concatenating the tokens must give the
/// text back exactly, or a merge would alter text nobody edited.
/// </summary>
public interface ITokenizer
{
    IReadOnlyList<string> Tokenize(string text);
}
