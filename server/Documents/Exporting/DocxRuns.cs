using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WGEC.Drafting.Documents.Exporting;

public enum MarkKind { Inserted, Deleted, MovedFrom, MovedTo }

/// <summary>A tracked change around some text; <see cref="Inner"/> nests one in it (a deletion inside moved text).</summary>
public sealed record Mark(MarkKind Kind, Stamp By, Mark? Inner = null)
{
    public bool Deletes => Kind == MarkKind.Deleted || Inner?.Deletes == true;
}

public readonly record struct MarkedPiece(TextPiece Piece, Mark? Mark);

/// <summary>Pieces to runs: one run per stretch of one style and mark, wrapped in its tracked change, links as hyperlinks.</summary>
internal static class DocxRuns
{
    public static IEnumerable<OpenXmlElement> Build(DocxContext context, IEnumerable<MarkedPiece> pieces)
    {
        foreach (var linked in Groups(pieces, p => p.Piece.Style.Link))
        {
            var content = Groups(linked, p => p.Mark).SelectMany(marked => Wrap(context, marked[0].Mark, Runs(marked))).ToList();
            if (linked[0].Piece.Style.Link is { } url)
                yield return new Hyperlink(content) { Id = context.Link(url), History = true };
            else
                foreach (var element in content)
                    yield return element;
        }
    }

    public static T Stamped<T>(T change, DocxContext context, Stamp by)
        where T : TrackChangeType
    {
        (change.Id, change.Author, change.Date) = (context.NextId(), by.Author, DocxContext.Date(by.At));
        return change;
    }

    private static IEnumerable<OpenXmlElement> Wrap(DocxContext context, Mark? mark, IEnumerable<OpenXmlElement> runs)
    {
        if (mark is null)
            return runs;
        RunTrackChangeType change = mark.Kind switch
        {
            MarkKind.Inserted => new InsertedRun(),
            MarkKind.Deleted => new DeletedRun(),
            MarkKind.MovedFrom => new MoveFromRun(),
            _ => new MoveToRun(),
        };
        (change.Id, change.Author, change.Date) = (context.NextId(), mark.By.Author, DocxContext.Date(mark.By.At));
        change.Append(mark.Inner is { } inner ? Wrap(context, inner, runs) : runs);
        return [change];
    }

    private static List<OpenXmlElement> Runs(List<MarkedPiece> pieces)
    {
        var deletes = pieces[0].Mark?.Deletes == true;
        return [.. Groups(pieces, p => p.Piece.Style).Select(same => Run(same, deletes))];
    }

    private static Run Run(List<MarkedPiece> pieces, bool deleted)
    {
        var style = pieces[0].Piece.Style;
        var run = new Run();
        var characterStyle = style.CharacterStyle ?? (style.Link is null ? null : "Hyperlink");
        if (characterStyle is not null || style.Bold || style.Italic)
        {
            // Schema order: rStyle, b, i.
            var properties = new RunProperties();
            if (characterStyle is not null)
                properties.Append(new RunStyle { Val = characterStyle });
            if (style.Bold)
                properties.Append(new Bold());
            if (style.Italic)
                properties.Append(new Italic());
            run.Append(properties);
        }
        // One w:t per stretch between breaks and tabs.
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            if (text.Length > 0)
            {
                run.Append(deleted
                    ? new DeletedText(text.ToString()) { Space = SpaceProcessingModeValues.Preserve }
                    : new Text(text.ToString()) { Space = SpaceProcessingModeValues.Preserve });
            }
            text.Clear();
        }
        foreach (var piece in pieces.Select(p => p.Piece))
        {
            if (piece.IsBreak)
            {
                Flush();
                run.Append(new Break());
                continue;
            }
            var parts = piece.Text.Split('\t');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Flush();
                    run.Append(new TabChar());
                }
                text.Append(parts[i]);
            }
        }
        Flush();
        return run;
    }

    /// <summary>Consecutive items with equal keys.</summary>
    private static IEnumerable<List<MarkedPiece>> Groups<TKey>(IEnumerable<MarkedPiece> pieces, Func<MarkedPiece, TKey> key)
    {
        List<MarkedPiece>? group = null;
        foreach (var p in pieces)
        {
            if (group is not null && EqualityComparer<TKey>.Default.Equals(key(group[0]), key(p)))
            {
                group.Add(p);
                continue;
            }
            if (group is not null)
                yield return group;
            group = [p];
        }
        if (group is not null)
            yield return group;
    }
}
