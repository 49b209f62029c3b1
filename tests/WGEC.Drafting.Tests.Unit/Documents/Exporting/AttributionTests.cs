using WGEC.Drafting.Documents.Exporting;

namespace WGEC.Drafting.Tests.Documents.Exporting;

public class AttributionTests
{
    private static readonly Stamp Brazil = new("Brazil", StateBuilder.At(2));
    private static readonly Stamp Isoc = new("ISOC", StateBuilder.At(3));
    private static readonly Stamp China = new("China", StateBuilder.At(4));

    /// <summary>The earlier-to-later text with each change as {author+words} or {author-words}.</summary>
    private static string Marked(string from, params TextStep[] steps)
    {
        var to = steps.Length == 0 ? from : steps[^1].Text;
        var segments = Attribution.OfText(from, steps);
        return string.Concat(segments.Select(s => s.Kind switch
        {
            SegmentKind.Equal => to[s.Later.Start..s.Later.End],
            SegmentKind.Inserted => $"{{{s.By!.Value.Author}+{to[s.Later.Start..s.Later.End]}}}",
            _ => $"{{{s.By!.Value.Author}-{from[s.Earlier.Start..s.Earlier.End]}}}",
        }));
    }

    /// <summary>Every changed word with its change and author, in order (whitespace is attributed with its neighbours).</summary>
    private static List<(char Change, string Author, string Word)> Words(string from, params TextStep[] steps)
    {
        var to = steps.Length == 0 ? from : steps[^1].Text;
        return [.. Attribution.OfText(from, steps)
            .Where(s => s.Kind != SegmentKind.Equal)
            .SelectMany(s => (s.Kind == SegmentKind.Inserted ? to[s.Later.Start..s.Later.End] : from[s.Earlier.Start..s.Earlier.End])
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => (s.Kind == SegmentKind.Inserted ? '+' : '-', s.By!.Value.Author, w)))];
    }

    [Fact]
    public void Without_steps_the_text_is_one_equal_segment()
    {
        Assert.Equal([new TextSegment(SegmentKind.Equal, (0, 11), (0, 11), null)], Attribution.OfText("Same words.", []));
        Assert.Empty(Attribution.OfText("", []));
    }

    [Fact]
    public void One_edit_is_attributed_to_its_author_and_time()
    {
        var segments = Attribution.OfText("The States shall cooperate.", [new("The States should cooperate.", Brazil)]);

        Assert.Equal(
            [
                new TextSegment(SegmentKind.Equal, (0, 11), (0, 11), null),
                new TextSegment(SegmentKind.Deleted, (11, 16), (11, 11), Brazil),
                new TextSegment(SegmentKind.Inserted, (16, 16), (11, 17), Brazil),
                new TextSegment(SegmentKind.Equal, (16, 27), (17, 28), null),
            ],
            segments);
    }

    [Fact]
    public void Two_delegations_editing_the_same_paragraph_each_get_their_own_words()
    {
        var words = Words(
            "Member States shall cooperate.",
            new TextStep("Member States shall closely cooperate.", Brazil),
            new TextStep("All Member States should closely cooperate.", Isoc));

        Assert.Equal([('+', "ISOC", "All"), ('-', "ISOC", "shall"), ('+', "ISOC", "should"), ('+', "Brazil", "closely")], words);
    }

    [Fact]
    public void A_word_of_the_earlier_text_deleted_early_keeps_its_deleter_when_others_edit_later()
    {
        Assert.Equal(
            "{Brazil-urgently }Calls {China+upon }all States.",
            Marked("urgently Calls all States.", new TextStep("Calls all States.", Brazil), new TextStep("Calls upon all States.", China)));
    }

    [Fact]
    public void Words_inserted_and_deleted_again_within_the_range_do_not_appear()
    {
        Assert.Equal("Invites all States.", Marked("Invites all States.", new TextStep("Invites all new States.", Brazil), new TextStep("Invites all States.", Isoc)));
        Assert.Equal(
            "Invites {Brazil+good }States.",
            Marked("Invites States.", new TextStep("Invites new good States.", Brazil), new TextStep("Invites good States.", Isoc)));
    }

    [Fact]
    public void A_word_deleted_and_typed_again_is_unchanged_as_in_the_direct_diff()
    {
        Assert.Equal("States [shall] act.", Marked("States [shall] act.", new TextStep("States [should] act.", Brazil), new TextStep("States [shall] act.", Isoc)));
    }

    [Fact]
    public void An_inserted_paragraph_is_all_inserted_by_the_inserter_except_what_others_added()
    {
        Assert.Equal(
            "{Brazil+Encourages }{ISOC+all }{Brazil+stakeholders.}",
            Marked("", new TextStep("Encourages stakeholders.", Brazil), new TextStep("Encourages all stakeholders.", Isoc)));
    }

    [Fact]
    public void A_deleted_paragraph_is_deleted_by_the_deleter_except_what_was_struck_before()
    {
        Assert.Equal(
            "{China-Encourages }{Brazil-all }{China-stakeholders.}",
            Marked("Encourages all stakeholders.", new TextStep("Encourages stakeholders.", Brazil), new TextStep("", China)));
    }

    [Fact]
    public void A_change_of_whitespace_alone_is_not_marked()
    {
        var segments = Attribution.OfText("Calls  upon States.", [new("Calls upon States.", Brazil)]);

        Assert.All(segments, s => Assert.Equal(SegmentKind.Equal, s.Kind));
        Assert.Equal(((0, 19), (0, 18)), (Cover(segments.Select(s => s.Earlier)), Cover(segments.Select(s => s.Later))));
    }

    [Fact]
    public void Brackets_are_words_of_their_own()
    {
        Assert.Equal(
            "States {Brazil+[}shall{Brazil+ / should]} act.",
            Marked("States shall act.", new TextStep("States [shall / should] act.", Brazil)));
    }

    [Fact]
    public void Each_change_carries_the_time_of_the_event_that_made_it()
    {
        var segments = Attribution.OfText("Alpha beta gamma.", [new("Alpha new beta gamma.", Brazil), new("Alpha new beta.", China)]);

        Assert.Equal(
            [(SegmentKind.Inserted, Brazil.At), (SegmentKind.Deleted, China.At)],
            segments.Where(s => s.Kind != SegmentKind.Equal).Select(s => (s.Kind, s.By!.Value.At)));
    }

    [Fact]
    public void A_step_that_repeats_the_text_changes_nothing()
    {
        Assert.Equal("Alpha {Brazil+beta }gamma.", Marked("Alpha gamma.", new TextStep("Alpha beta gamma.", Brazil), new TextStep("Alpha beta gamma.", Isoc)));
    }

    [Fact]
    public void Segments_cover_both_texts_exactly()
    {
        const string from = "Recalling [its / the] resolution 67/195, and **noting** the report;";
        var steps = new TextStep[]
        {
            new TextStep("Recalling its resolution 67/195 and *noting with concern* the report;", Brazil),
            new TextStep("Recalling also its resolution 67/195 and *noting with concern* the [final] report;", Isoc),
            new TextStep("Recalling also resolution 67/195 and *noting with concern* the [final] report.", China),
        };

        var segments = Attribution.OfText(from, steps);

        var to = steps[^1].Text;
        Assert.Equal(to, string.Concat(segments.Select(s => to[s.Later.Start..s.Later.End])));
        Assert.Equal(from, string.Concat(segments.Select(s => from[s.Earlier.Start..s.Earlier.End])));
        Assert.All(segments.Where(s => s.Kind == SegmentKind.Equal), s => Assert.True(
            from[s.Earlier.Start..s.Earlier.End] == to[s.Later.Start..s.Later.End]
                || (string.IsNullOrWhiteSpace(from[s.Earlier.Start..s.Earlier.End]) && string.IsNullOrWhiteSpace(to[s.Later.Start..s.Later.End]))));
    }

    /// <summary>The ranges joined, failing if one does not start where the one before it ended.</summary>
    private static (int Start, int End) Cover(IEnumerable<(int Start, int End)> ranges) =>
        ranges.Aggregate((0, 0), (all, r) => r.Start == all.Item2 ? (all.Item1, r.End) : throw new InvalidOperationException($"gap before {r}"));
}
