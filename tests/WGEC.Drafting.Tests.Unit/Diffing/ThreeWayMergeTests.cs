using WGEC.Drafting.Diffing;

namespace WGEC.Drafting.Tests.Diffing;

public class ThreeWayMergeTests
{
    private static string Merged(string @base, string theirs, string mine) =>
        Assert.IsType<MergeResult.Merged>(ThreeWayMerge.Merge(@base, theirs, mine)).Text;

    private static string Conflict(string @base, string theirs, string mine) =>
        Assert.IsType<MergeResult.Conflict>(ThreeWayMerge.Merge(@base, theirs, mine)).Reason;

    [Fact]
    public void Identical_texts_merge_to_themselves()
    {
        Assert.Equal("Decides to act.", Merged("Decides to act.", "Decides to act.", "Decides to act."));
    }

    [Fact]
    public void Only_mine_changed_gives_mine()
    {
        Assert.Equal("Decides to act now.", Merged("Decides to act.", "Decides to act.", "Decides to act now."));
    }

    [Fact]
    public void Only_theirs_changed_gives_theirs()
    {
        Assert.Equal("Decides to act now.", Merged("Decides to act.", "Decides to act now.", "Decides to act."));
    }

    [Fact]
    public void Edits_to_different_sentences_merge()
    {
        Assert.Equal(
            "Notes the report. Urges all States to act. Requests a study.",
            Merged(
                "Notes the report. Invites States to act. Requests a review.",
                "Notes the report. Urges all States to act. Requests a review.",
                "Notes the report. Invites States to act. Requests a study."));
    }

    [Fact]
    public void Edits_to_neighbouring_words_merge()
    {
        Assert.Equal("the dog slept", Merged("the cat sat", "the dog sat", "the cat slept"));
        Assert.Equal("a B C d", Merged("a b c d", "a B c d", "a b C d"));
    }

    [Fact]
    public void Same_word_changed_differently_conflicts()
    {
        var reason = Conflict("States [shall] act", "States [should] act", "States [must] act");
        Assert.Contains("shall", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_changes_on_both_sides_merge_once()
    {
        Assert.Equal("States should act soon", Merged("States shall act", "States should act soon", "States should act soon"));
        Assert.Equal("X States should act Y", Merged("States shall act", "X States should act", "States should act Y"));
    }

    [Fact]
    public void Deleting_a_sentence_the_other_side_edited_conflicts()
    {
        const string Base = "Notes the report. Invites States to act. Requests a review.";
        Conflict(Base, "Notes the report. Invites all States to act. Requests a review.", "Notes the report. Requests a review.");
        Conflict(Base, "Notes the report. Requests a review.", "Notes the report. Invites States to act now. Requests a review.");
    }

    [Fact]
    public void An_edit_starting_inside_the_other_sides_edit_conflicts()
    {
        // DiffPlex's ThreeWayDiffer reports this as a clean merge and drops "Y" and everything after it.
        Conflict("a b c d e", "a X", "a b Y d e");
        Conflict("a b c d e", "a e", "a b c");
    }

    [Fact]
    public void Different_insertions_at_the_same_place_conflict()
    {
        Conflict("Decides to act.", "Decides firmly to act.", "Decides swiftly to act.");
        Conflict("", "hello", "world");
    }

    [Fact]
    public void An_insertion_against_a_word_the_other_side_changed_conflicts()
    {
        // Does ", inter alia" belong after "cat" or after "dog"? Nobody can tell, so people decide.
        Conflict("the cat sat", "the dog sat", "the cat, inter alia, sat");
        Conflict("the cat sat", "the dog sat", "the big cat sat");
    }

    [Fact]
    public void Insertions_at_the_very_start_and_end_merge()
    {
        Assert.Equal("Also, decides to act now.", Merged("decides to act.", "Also, decides to act.", "decides to act now."));
        Assert.Equal("First. Body. Last.", Merged("Body.", "Body. Last.", "First. Body."));
    }

    [Fact]
    public void An_insertion_at_the_end_after_the_other_sides_change_is_kept()
    {
        // DiffPlex's ThreeWayDiffer drops the appended " d" here.
        Assert.Equal("a B c d", Merged("a b c", "a B c", "a b c d"));
    }

    [Fact]
    public void Empty_base_takes_the_only_side_that_added_text()
    {
        Assert.Equal("hello", Merged("", "hello", ""));
        Assert.Equal("hello", Merged("", "", "hello"));
        Assert.Equal("hello", Merged("", "hello", "hello"));
    }

    [Fact]
    public void Deleting_everything_merges_when_the_other_side_did_nothing()
    {
        Assert.Equal("", Merged("some text", "some text", ""));
        Assert.Equal("", Merged("some text", "", "some text"));
    }

    [Fact]
    public void Punctuation_and_runs_of_spaces_are_preserved_exactly()
    {
        Assert.Equal(
            "Notes,  with   concern;  the [draft] (A/78/1)\u2026 report!",
            Merged(
                "Notes,  with   concern;  the [draft] (A/78/1)\u2026 text!",
                "Notes,  with   concern;  the [draft] (A/78/1)\u2026 report!",
                "Notes,  with   concern;  the [draft] (A/78/1)\u2026 text!"));
        Assert.Equal(
            "Notes,  with   great concern;  the [draft]  report!",
            Merged(
                "Notes,  with   concern;  the [draft]  text!",
                "Notes,  with   great concern;  the [draft]  text!",
                "Notes,  with   concern;  the [draft]  report!"));
    }

    [Fact]
    public void Accented_and_CJK_text_merges_word_by_word()
    {
        Assert.Equal("Côte d\u2019Ivoire et Pérou réaffirment",
            Merged("Côte d\u2019Ivoire et Sénégal affirment", "Côte d\u2019Ivoire et Pérou affirment", "Côte d\u2019Ivoire et Sénégal réaffirment"));
        Assert.Equal("联合国大会决定采取行动。", Merged("联合国决定行动。", "联合国大会决定行动。", "联合国决定采取行动。"));
        Assert.IsType<MergeResult.Conflict>(ThreeWayMerge.Merge("联合国决定行动。", "联合国决定立即行动。", "联合国决定迅速行动。"));
    }

    [Fact]
    public void Newlines_inside_a_paragraph_are_kept()
    {
        Assert.Equal("Line one changed\nline two\nline three added",
            Merged("Line one\nline two\nline three", "Line one changed\nline two\nline three", "Line one\nline two\nline three added"));
    }

    [Fact]
    public void A_custom_tokenizer_changes_the_granularity()
    {
        // Word-level: both sides touched the one word "colour" → conflict. Per character, they did not overlap.
        Assert.IsType<MergeResult.Conflict>(ThreeWayMerge.Merge("colour", "Colour", "colours"));
        var merged = ThreeWayMerge.Merge("colour", "Colour", "colours", new CharacterTokenizer());
        Assert.Equal(new MergeResult.Merged("Colours"), merged);
    }

    private sealed class CharacterTokenizer : ITokenizer
    {
        public IReadOnlyList<string> Tokenize(string text) => text.Select(c => c.ToString()).ToList();
    }
}
