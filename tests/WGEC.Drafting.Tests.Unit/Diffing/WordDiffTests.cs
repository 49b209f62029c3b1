using System.Net;
using System.Text.RegularExpressions;
using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Tests.Diffing;

public partial class WordDiffTests
{
    [Fact]
    public void Unchanged_text_is_encoded_without_marks()
    {
        Assert.Equal("a &lt;b&gt; &amp; c", WordDiff.ToHtml("a <b> & c", "a <b> & c"));
    }

    [Fact]
    public void A_changed_word_is_deleted_then_inserted()
    {
        Assert.Equal("States <del>shall</del><ins>should</ins> act.", WordDiff.ToHtml("States shall act.", "States should act."));
    }

    [Fact]
    public void Neighbouring_changed_words_form_one_del_and_one_ins()
    {
        Assert.Equal("Invites <del>all Member States</del><ins>every State</ins> to act",
            WordDiff.ToHtml("Invites all Member States to act", "Invites every State to act"));
    }

    [Fact]
    public void Changes_separated_by_a_word_stay_apart()
    {
        Assert.Equal("<del>a</del><ins>x</ins> b <del>c</del><ins>z</ins>", WordDiff.ToHtml("a b c", "x b z"));
    }

    [Fact]
    public void Empty_from_is_all_inserted_and_empty_to_all_deleted()
    {
        Assert.Equal("<ins>New text.</ins>", WordDiff.ToHtml("", "New text."));
        Assert.Equal("<del>Old text.</del>", WordDiff.ToHtml("Old text.", ""));
        Assert.Equal("", WordDiff.ToHtml("", ""));
    }

    [Fact]
    public void User_text_is_encoded_inside_marks()
    {
        Assert.Equal("x &lt;<del>script</del><ins>img onerror=&quot;a&quot;</ins>&gt;",
            WordDiff.ToHtml("x <script>", "x <img onerror=\"a\">"));
    }

    [Fact]
    public void Whitespace_only_changes_are_not_marked()
    {
        Assert.Equal("a  b\nc", WordDiff.ToHtml("a b c", "a  b\nc"));
    }

    [Fact]
    public void Pure_insertion_and_deletion_are_marked_alone()
    {
        Assert.Equal("Decides <ins>firmly </ins>to act", WordDiff.ToHtml("Decides to act", "Decides firmly to act"));
        Assert.Matches("^Decides ?<del> ?firmly ?</del> ?to act$", WordDiff.ToHtml("Decides firmly to act", "Decides to act"));
    }

    [Fact]
    public void Removing_the_marks_gives_both_texts_back()
    {
        var random = new Random(99);
        string[] pieces = ["a", "b", "States", "<x>", "&", " ", " ", "  ", "\n", ",", "[", "]", "é", "联", "合"];
        for (var run = 0; run < 500; run++)
        {
            string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            var from = Text();
            var to = random.Next(3) == 0 ? from.Replace("a", "b", StringComparison.Ordinal) : Text();

            var html = WordDiff.ToHtml(from, to);

            Assert.Equal(to, WebUtility.HtmlDecode(Marks().Replace(Deleted().Replace(html, ""), "")));
            // Whitespace-only changes show the new whitespace, so the old text comes back up to whitespace.
            Assert.Equal(NoSpace(from), NoSpace(WebUtility.HtmlDecode(Marks().Replace(Inserted().Replace(html, ""), ""))));
        }
    }

    private static string NoSpace(string text) => Regex.Replace(text, @"\s", "");

    [GeneratedRegex("<del>.*?</del>", RegexOptions.Singleline)]
    private static partial Regex Deleted();

    [GeneratedRegex("<ins>.*?</ins>", RegexOptions.Singleline)]
    private static partial Regex Inserted();

    [GeneratedRegex("</?(ins|del)>")]
    private static partial Regex Marks();
}
