using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using WordNumbering = DocumentFormat.OpenXml.Wordprocessing.Numbering;

namespace WGEC.Drafting.Documents.Creating;

/// <summary>A numbered or bulleted paragraph: the number Word would show, and whether it is a top-level arabic number.</summary>
public sealed record ListItem(string Label, bool IsBullet, bool IsTopLevelNumber);

/// <summary>
/// Word list numbering (numbering.xml), just far enough to know which paragraphs are operative (an
/// arabic number at the first level) and to keep the labels of the others ("(a)", "(ii)"), which a
/// reader needs and the server does not number. Counters run per abstract list, as Word's do; a
/// start override restarts its level at the first paragraph of that instance. Walk paragraphs in order.
/// </summary>
public sealed class WordLists
{
    private const int Levels = 9;
    private const int MaxLabel = 64;
    private readonly Dictionary<int, NumberingInstance> instances = [];
    private readonly Dictionary<int, AbstractNum> abstracts = [];
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<(int, int)> restarted = [];

    public WordLists(WordNumbering? numbering)
    {
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (instance.NumberID?.Value is { } id)
                instances.TryAdd(id, instance);
        }
        foreach (var list in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (list.AbstractNumberId?.Value is { } id)
                abstracts.TryAdd(id, list);
        }
    }

    /// <summary>The level of a list that names a paragraph style (how Word numbers headings through their styles).</summary>
    public int? LevelForStyle(int numberingId, string styleId) =>
        AbstractOf(numberingId)?.Elements<Level>()
            .FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;

    /// <summary>Counts the paragraph in its list; null when the list or its level is not defined (Word shows no number then).</summary>
    public ListItem? Next(ListReference reference)
    {
        var level = Math.Clamp(reference.Level, 0, Levels - 1);
        if (!instances.TryGetValue(reference.NumberingId, out var instance)
            || AbstractOf(reference.NumberingId) is not { } list
            || Definition(list, instance, level) is not { } definition)
        {
            return null;
        }
        var abstractId = list.AbstractNumberId!.Value;
        var values = counters.TryGetValue(abstractId, out var existing) ? existing : counters[abstractId] = new int?[Levels];
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
        if (overridden?.StartOverrideNumberingValue?.Val?.Value is { } restart && restarted.Add((reference.NumberingId, level)))
            values[level] = restart - 1;
        values[level] = (values[level] ?? Start(definition) - 1) + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
            values[deeper] = null;

        var format = definition.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
        if (format == NumberFormatValues.Bullet)
            return new ListItem("", IsBullet: true, IsTopLevelNumber: false);
        var label = format == NumberFormatValues.None ? "" : Label(list, instance, definition.LevelText?.Val?.Value ?? "", values);
        return new ListItem(label.Length > MaxLabel ? label[..MaxLabel].Trim() : label.Trim(), IsBullet: false, IsTopLevelNumber: level == 0 && (format == NumberFormatValues.Decimal || format == NumberFormatValues.DecimalZero));
    }

    /// <summary>
    /// The abstract list of an instance. One that only names a list style (w:numStyleLink) takes its
    /// levels, and its counters, from the abstract list that defines that style (w:styleLink).
    /// </summary>
    private AbstractNum? AbstractOf(int numberingId)
    {
        if (instances.GetValueOrDefault(numberingId)?.AbstractNumId?.Val?.Value is not { } id || abstracts.GetValueOrDefault(id) is not { } list)
            return null;
        if (list.GetFirstChild<NumberingStyleLink>()?.Val?.Value is not { } style || list.Elements<Level>().Any())
            return list;
        return abstracts.Values.FirstOrDefault(a => a.GetFirstChild<StyleLink>()?.Val?.Value == style) ?? list;
    }

    /// <summary>An instance may redefine a level outright; otherwise the abstract list's level applies.</summary>
    private static Level? Definition(AbstractNum list, NumberingInstance instance, int level) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.GetFirstChild<Level>()
        ?? list.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

    private static int Start(Level? definition) => definition?.StartNumberingValue?.Val?.Value ?? 1;

    /// <summary>The level text with each %N replaced by level N's current value in level N's format ("%1.%2." → "3.2.").</summary>
    private static string Label(AbstractNum list, NumberingInstance instance, string levelText, int?[] values)
    {
        var label = new StringBuilder();
        // Stops at a length no label reaches: a level text or a start value can be made to blow a label up.
        for (var i = 0; i < levelText.Length && label.Length < MaxLabel; i++)
        {
            if (levelText[i] == '%' && i + 1 < levelText.Length && levelText[i + 1] is >= '1' and <= '9')
            {
                var level = levelText[++i] - '1';
                var definition = Definition(list, instance, level);
                label.Append(Format(values[level] ?? Start(definition), definition?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal));
            }
            else
            {
                label.Append(levelText[i]);
            }
        }
        return label.ToString();
    }

    private static string Format(int value, NumberFormatValues format)
    {
        if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
        {
            // Word goes a…z, then aa…zz, then aaa…
            var letter = (char)('a' + ((Math.Max(value, 1) - 1) % 26));
            var text = new string(letter, Math.Min(((Math.Max(value, 1) - 1) / 26) + 1, MaxLabel));
            return format == NumberFormatValues.UpperLetter ? text.ToUpperInvariant() : text;
        }
        if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
        {
            var roman = Roman(value);
            return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
        }
        return value.ToString(format == NumberFormatValues.DecimalZero ? "00" : "0", CultureInfo.InvariantCulture);
    }

    private static string Roman(int value)
    {
        ReadOnlySpan<(int Value, string Text)> numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        var rest = Math.Clamp(value, 1, 3999);
        foreach (var (numeral, symbol) in numerals)
        {
            for (; rest >= numeral; rest -= numeral)
                text.Append(symbol);
        }
        return text.ToString();
    }
}
