using System.Runtime.InteropServices;
using System.Text;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>How a stretch of Word text looks, as far as Markdown can say it: bold, italic, a link.</summary>
public readonly record struct InlineFormat(bool Bold, bool Italic, string? Link);

/// <summary>
/// The text of one Word paragraph with the format of each character. Line breaks are <c>\n</c> and
/// carry no format, so bold or a link never spans lines. Kept per character so that trimming and
/// dropping a typed number cannot cut a format in the wrong place; as a small index into the few
/// formats a paragraph uses, since a document may hold tens of millions of characters.
/// </summary>
public sealed class InlineText(int capacity = int.MaxValue)
{
    private readonly StringBuilder text = new();
    private readonly List<ushort> formatIds = [];
    private readonly List<InlineFormat> formats = [default];
    private readonly Dictionary<InlineFormat, ushort> ids = new() { [default] = 0 };
    private string? plain;

    public int Length => text.Length;

    /// <summary>More text came than <c>capacity</c> allows; the rest was not kept (the paragraph is refused anyway).</summary>
    public bool Overflowed { get; private set; }

    public string Plain => plain ??= text.ToString();

    public char this[int index] => Plain[index];

    public InlineFormat FormatAt(int index) => formats[formatIds[index]];

    public void Append(string value, InlineFormat format) => Append(value.AsSpan(), Id(format));

    public void Append(char value, InlineFormat format) => Append([value], Id(format));

    public void Append(InlineText other) => AppendRange(other, 0, other.Length);

    public void Break() => Append('\n', default);

    /// <summary>
    /// Each line trimmed, empty lines dropped (a Word line break must never make a blank line: it
    /// would split the paragraph), from <paramref name="start"/> on.
    /// </summary>
    public InlineText Tidy(int start = 0)
    {
        var tidy = new InlineText();
        var source = Plain;
        var lineStart = start;
        for (var i = start; i <= source.Length; i++)
        {
            if (i < source.Length && source[i] != '\n')
                continue;
            var (from, to) = (lineStart, i);
            while (from < to && char.IsWhiteSpace(source[from]))
                from++;
            while (to > from && char.IsWhiteSpace(source[to - 1]))
                to--;
            if (to > from)
            {
                if (tidy.Length > 0)
                    tidy.Break();
                tidy.AppendRange(this, from, to);
            }
            lineStart = i + 1;
        }
        return tidy;
    }

    /// <summary>The same text on one line: line breaks become spaces (a heading is one Markdown line).</summary>
    public InlineText OneLine()
    {
        var line = new InlineText();
        line.AppendRange(this, 0, Length);
        line.text.Replace('\n', ' ');
        return line;
    }

    private void AppendRange(InlineText source, int from, int to)
    {
        if (Full(to - from))
            return;
        text.Append(source.Plain, from, to - from);
        plain = null;
        Span<int> ids = stackalloc int[Math.Min(source.formats.Count, 64)];
        ids.Fill(-1);
        for (var i = from; i < to; i++)
        {
            var sourceId = source.formatIds[i];
            if (sourceId >= ids.Length)
                formatIds.Add(Id(source.formats[sourceId]));
            else
                formatIds.Add((ushort)(ids[sourceId] >= 0 ? ids[sourceId] : ids[sourceId] = Id(source.formats[sourceId])));
        }
    }

    private void Append(ReadOnlySpan<char> value, ushort id)
    {
        if (Full(value.Length))
            return;
        text.Append(value);
        plain = null;
        var count = formatIds.Count;
        CollectionsMarshal.SetCount(formatIds, count + value.Length);
        CollectionsMarshal.AsSpan(formatIds)[count..].Fill(id);
    }

    /// <summary>Hashed, not searched: a hostile paragraph can link each character somewhere else.</summary>
    private ushort Id(InlineFormat format)
    {
        if (ids.TryGetValue(format, out var id))
            return id;
        if (formats.Count == ushort.MaxValue)
            return 0; // more formats than any paragraph has: the rest read as plain text
        formats.Add(format);
        return ids[format] = (ushort)(formats.Count - 1);
    }

    private bool Full(int adding) => Overflowed |= text.Length + (long)adding > capacity;
}
