using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Diffing;
using WGEC.Drafting.Documents.Comparing;

namespace WGEC.Drafting.Tests.Documents.Comparing;

/// <summary>Work item 4: a diff does word-level work only on the paragraphs whose text changed.</summary>
public class WordDiffWorkTests
{
    [Fact]
    public void Diff_of_5000_paragraphs_with_1_percent_changed_calls_the_word_differ_50_times()
    {
        var doc = StateBuilder.Operatives(5000);
        doc.Tag("Rev.1");
        var from = doc.Version;
        var ids = doc.Ids;
        for (var i = 0; i < 50; i++)
            doc.Edit(ids[i * 100 + 7], $"Operative {i * 100 + 8}, amended.");
        doc.Tag("Rev.2");
        var calls = 0;
        var differ = new DocumentDiffer((a, b) =>
        {
            calls++;
            return WordDiff.ToHtml(a, b);
        });

        var diff = differ.Compare(doc.Replay(from), doc.State);

        Assert.Equal(50, calls);
        Assert.Equal((50, 4950), (diff.Summary.Edited, diff.Summary.Unchanged));
        Assert.Equal(5000, diff.Paragraphs.Count);
    }

    [Fact]
    public void Inserted_and_deleted_paragraphs_are_word_diffed_and_moved_or_agreed_ones_are_not()
    {
        var doc = StateBuilder.Operatives(4);
        var ids = doc.Ids;
        var from = doc.Version;
        doc.Move(ids[0], ids[3]);
        doc.SetStatus(ids[1], ParagraphStatus.Agreed);
        doc.Delete(ids[2]);
        doc.Insert(ParagraphKind.Operative, "New.", ids[3]);
        var calls = new List<(string From, string To)>();
        var differ = new DocumentDiffer((a, b) =>
        {
            calls.Add((a, b));
            return WordDiff.ToHtml(a, b);
        });

        differ.Compare(doc.Replay(from), doc.State);

        Assert.Equal([("Operative 3.", ""), ("", "New.")], calls.OrderBy(c => c.To, StringComparer.Ordinal));
    }

    [Fact]
    public void Unchanged_text_is_encoded_exactly_as_the_word_differ_encodes_it()
    {
        const string text = "Tom & Jerry <b>say</b> \"hi\" — it's x / y.";
        var doc = StateBuilder.Document("1. " + text);
        var from = doc.Version;
        doc.SetStatus(doc.Ids[0], ParagraphStatus.Agreed);

        var html = Assert.Single(new DocumentDiffer().Compare(doc.Replay(from), doc.State).Paragraphs).Html;

        Assert.Equal(WordDiff.ToHtml(text, text), html);
        Assert.Equal(WebUtility.HtmlEncode(text), html);
    }
}
