using System.Text;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>How a stretch of Word text looks, as far as Markdown can say it: bold, italic, a link.</summary>
public readonly record struct InlineFormat(bool Bold, bool Italic, string? Link);

/// <summary>
/// The text of one Word paragraph with the format of each character. Line breaks are <c>\n</c> and
/// carry no format, so bold or a link never spans lines. Kept per character so that trimming and
/// dropping a typed number cannot cut a format in the wrong place.
/// </summary>
public sealed class InlineText(int capacity = int.MaxValue)
{
    private readonly StringBuilder text = new();
    private readonly List<InlineFormat> formats = [];

    public int Length => text.Length;

    /// <summary>More text came than <c>capacity</c> allows; the rest was not kept (the paragraph is refused anyway).</summary>
    public bool Overflowed { get; private set; }

    public string Plain => text.ToString();

    public char this[int index] => text[index];

    public InlineFormat FormatAt(int index) => formats[index];

    public void Append(string value, InlineFormat format)
    {
        if (Full(value.Length))
            return;
        text.Append(value);
        formats.AddRange(Enumerable.Repeat(format, value.Length));
    }

    public void Append(char value, InlineFormat format)
    {
        if (Full(1))
            return;
        text.Append(value);
        formats.Add(format);
    }

    public void Append(InlineText other)
    {
        if (Full(other.Length))
            return;
        text.Append(other.text);
        formats.AddRange(other.formats);
    }

    public void Break() => Append('\n', default);

    private bool Full(int adding) => Overflowed |= text.Length + (long)adding > capacity;

    /// <summary>
    /// Each line trimmed, empty lines dropped (a Word line break must never make a blank line: it
    /// would split the paragraph), from <paramref name="start"/> on.
    /// </summary>
    public InlineText Tidy(int start = 0)
    {
        var tidy = new InlineText();
        var lineStart = start;
        for (var i = start; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
                continue;
            var (from, to) = (lineStart, i);
            while (from < to && char.IsWhiteSpace(text[from]))
                from++;
            while (to > from && char.IsWhiteSpace(text[to - 1]))
                to--;
            if (to > from)
            {
                if (tidy.Length > 0)
                    tidy.Break();
                for (var c = from; c < to; c++)
                    tidy.Append(text[c], formats[c]);
            }
            lineStart = i + 1;
        }
        return tidy;
    }

    /// <summary>The same text on one line: line breaks become spaces (a heading is one Markdown line).</summary>
    public InlineText OneLine()
    {
        var line = new InlineText();
        for (var i = 0; i < text.Length; i++)
            line.Append(text[i] == '\n' ? ' ' : text[i], formats[i]);
        return line;
    }
}
