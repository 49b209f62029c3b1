using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Tests.Documents;

public class NumberingTests
{
    private static readonly ParagraphKind[] Kinds =
        [ParagraphKind.Heading, ParagraphKind.Preambular, ParagraphKind.Preambular, ParagraphKind.Text, ParagraphKind.Operative, ParagraphKind.Heading, ParagraphKind.Operative, ParagraphKind.Operative];

    private static List<(Guid Id, ParagraphKind Kind)> Live() => [.. Kinds.Select(k => (Guid.NewGuid(), k))];

    [Fact]
    public void Operatives_are_numbered_from_one_in_order_and_the_rest_have_no_number()
    {
        var live = Live();
        var numbers = Numbering.Of(live, null);
        Assert.Equal([null, null, null, null, "1", null, "2", "3"], live.Select(p => numbers[p.Id]));
    }

    [Fact]
    public void Labels_count_preambular_and_operative_paragraphs_separately()
    {
        var live = Live();
        var labels = Numbering.Labels(live, null);
        Assert.Equal([null, "PP1", "PP2", null, "OP1", null, "OP2", "OP3"], live.Select(p => labels[p.Id]));
    }

    [Fact]
    public void No_paragraphs_no_numbers()
    {
        Assert.Empty(Numbering.Of([], null));
        Assert.Empty(Numbering.Labels([], null));
    }

    private static (Guid Id, ParagraphKind Kind) Op() => (Guid.NewGuid(), ParagraphKind.Operative);

    private static (Guid Id, ParagraphKind Kind) Pp() => (Guid.NewGuid(), ParagraphKind.Preambular);

    /// <summary>Baseline positions for the given paragraphs (as a renumbering revision stores them).</summary>
    private static Dictionary<Guid, int> Baseline(params (Guid Id, ParagraphKind Kind)[] paragraphs) => Numbering.Consecutive(paragraphs);

    private static IEnumerable<string?> NumbersOf(List<(Guid Id, ParagraphKind Kind)> live, IReadOnlyDictionary<Guid, int>? baseline)
    {
        var numbers = Numbering.Of(live, baseline);
        return live.Select(p => numbers[p.Id]);
    }

    [Fact]
    public void Without_a_baseline_an_inserted_operative_shifts_the_numbers_after_it()
    {
        var (a, b, c) = (Op(), Op(), Op());
        Assert.Equal(["1", "2", "3", "4"], NumbersOf([a, b, Op(), c], null));
    }

    [Fact]
    public void With_a_baseline_its_numbers_stay_and_an_inserted_paragraph_is_bis()
    {
        var (a, b, c, d) = (Op(), Op(), Op(), Op());
        var baseline = Baseline(a, b, c, d);

        Assert.Equal(["1", "2", "3", "3 bis", "4"], NumbersOf([a, b, c, Op(), d], baseline));
    }

    [Fact]
    public void Paragraphs_inserted_after_one_number_run_bis_ter_quater_to_vicies_then_numerically()
    {
        var (a, b, c, d) = (Op(), Op(), Op(), Op());
        var baseline = Baseline(a, b, c, d);
        List<(Guid Id, ParagraphKind Kind)> live = [a, b, c, .. Enumerable.Range(0, 21).Select(_ => Op()), d];

        var numbers = NumbersOf(live, baseline).ToList();

        Assert.Equal(
            ["3 bis", "3 ter", "3 quater", "3 quinquies", "3 sexies", "3 septies", "3 octies", "3 novies", "3 decies",
             "3 undecies", "3 duodecies", "3 terdecies", "3 quaterdecies", "3 quindecies", "3 sexdecies", "3 septdecies",
             "3 octodecies", "3 novodecies", "3 vicies", "3 20", "3 21"],
            numbers.Skip(3).Take(21));
        Assert.Equal("4", numbers[^1]);
    }

    [Fact]
    public void A_paragraph_inserted_before_the_first_baselined_one_is_0_bis()
    {
        var (a, b) = (Op(), Op());
        Assert.Equal(["0 bis", "0 ter", "1", "2"], NumbersOf([Op(), Op(), a, b], Baseline(a, b)));
    }

    [Fact]
    public void Deleted_baselined_paragraphs_leave_gaps()
    {
        var (a, b, c, d) = (Op(), Op(), Op(), Op());
        Assert.Equal(["1", "3", "3 bis"], NumbersOf([a, c, Op()], Baseline(a, b, c, d)));
    }

    [Fact]
    public void A_moved_baselined_paragraph_keeps_its_number_and_one_inserted_after_it_follows_it()
    {
        var (p1, p2, p3, p4, p5) = (Op(), Op(), Op(), Op(), Op());
        var baseline = Baseline(p1, p2, p3, p4, p5);

        // 5 moved up after 2, and a new paragraph inserted right after 5 where it now stands.
        Assert.Equal(["1", "2", "5", "5 bis", "3", "4"], NumbersOf([p1, p2, p5, Op(), p3, p4], baseline));
    }

    [Fact]
    public void Other_kinds_between_operatives_do_not_break_the_bis_run()
    {
        var (a, b) = (Op(), Op());
        var heading = (Guid.NewGuid(), ParagraphKind.Heading);
        var text = (Guid.NewGuid(), ParagraphKind.Text);
        var baseline = Baseline(a, b);

        Assert.Equal(["1", null, "1 bis", null, "1 ter", "2"], NumbersOf([a, heading, Op(), text, Op(), b], baseline));
    }

    [Fact]
    public void Preambular_labels_follow_the_baseline_with_bis()
    {
        var (pp1, pp2, op1) = (Pp(), Pp(), Op());
        var baseline = Baseline(pp1, pp2, op1);
        List<(Guid Id, ParagraphKind Kind)> live = [pp1, pp2, Pp(), op1];

        var labels = Numbering.Labels(live, baseline);
        var numbers = Numbering.Of(live, baseline);

        Assert.Equal(["PP1", "PP2", "PP2 bis", "OP1"], live.Select(p => labels[p.Id]));
        Assert.Equal([null, null, null, "1"], live.Select(p => numbers[p.Id]));
    }

    [Fact]
    public void Operative_labels_follow_the_baseline_with_bis_and_headings_and_text_have_none()
    {
        var (op1, op2, op3, op4) = (Op(), Op(), Op(), Op());
        var heading = (Guid.NewGuid(), ParagraphKind.Heading);
        var text = (Guid.NewGuid(), ParagraphKind.Text);
        var baseline = Baseline(op1, op2, op3, op4);
        List<(Guid Id, ParagraphKind Kind)> live = [heading, op1, op2, op3, Op(), text, op4];

        var labels = Numbering.Labels(live, baseline);

        Assert.Equal([null, "OP1", "OP2", "OP3", "OP3 bis", null, "OP4"], live.Select(p => labels[p.Id]));
    }

    [Fact]
    public void Consecutive_numbers_preambular_and_operative_paragraphs_each_from_one()
    {
        var live = Live();

        var baseline = Numbering.Consecutive(live);

        Assert.Equal(
            new Dictionary<Guid, int> { [live[1].Id] = 1, [live[2].Id] = 2, [live[4].Id] = 1, [live[6].Id] = 2, [live[7].Id] = 3 },
            baseline);
    }

    [Theory]
    [InlineData(1, "bis")]
    [InlineData(2, "ter")]
    [InlineData(3, "quater")]
    [InlineData(4, "quinquies")]
    [InlineData(5, "sexies")]
    [InlineData(10, "undecies")]
    [InlineData(19, "vicies")]
    [InlineData(20, "20")]
    [InlineData(21, "21")]
    public void Suffix_is_the_latin_ordinal_then_the_number(int n, string suffix) =>
        Assert.Equal(suffix, Numbering.Suffix(n));

    [Fact]
    public void Changes_without_a_baseline_list_every_shifted_operative()
    {
        var doc = StateBuilder.Operatives(3);
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var x = Guid.NewGuid();

        var changes = Numbering.Changes(doc.State, [(a, ParagraphKind.Operative), (x, ParagraphKind.Operative), (b, ParagraphKind.Operative), (c, ParagraphKind.Operative)]);

        Assert.Equal(new Dictionary<Guid, string?> { [x] = "2", [b] = "3", [c] = "4" }, changes);
    }

    [Fact]
    public void Changes_after_a_renumbering_tag_list_only_the_inserted_paragraph()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);
        var x = Guid.NewGuid();

        var changes = Numbering.Changes(doc.State, [(a, ParagraphKind.Operative), (x, ParagraphKind.Operative), (b, ParagraphKind.Operative), (c, ParagraphKind.Operative)]);

        Assert.Equal(new Dictionary<Guid, string?> { [x] = "1 bis" }, changes);
    }

    [Fact]
    public void Changes_of_a_removal_after_a_tag_drop_only_the_removed_number()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        var (a, b, c) = (doc.Ids[0], doc.Ids[1], doc.Ids[2]);

        var changes = Numbering.Changes(doc.State, [(a, ParagraphKind.Operative), (c, ParagraphKind.Operative)], removed: b);

        Assert.Equal(new Dictionary<Guid, string?> { [b] = null }, changes);
    }

    [Fact]
    public void Changes_read_against_a_given_baseline_instead_of_the_state_one()
    {
        var doc = StateBuilder.Operatives(2);
        doc.Tag("Rev.1");
        var x = doc.Insert(ParagraphKind.Operative, "New.", doc.Ids[0]);
        var live = doc.State.Live.Select(p => (p.Id, p.Kind)).ToList();

        var changes = Numbering.Changes(doc.State, live, baseline: Numbering.Consecutive(live));

        Assert.Equal(new Dictionary<Guid, string?> { [x] = "2", [doc.Ids[2]] = "3" }, changes);
    }

    [Fact]
    public void Inserting_through_the_state_after_a_tag_numbers_bis_and_ter_in_document_order()
    {
        var doc = StateBuilder.Operatives(4);
        doc.Tag("Rev.1");
        var three = doc.Ids[2];

        var first = doc.Insert(ParagraphKind.Operative, "First new.", three);
        var second = doc.Insert(ParagraphKind.Operative, "Second new.", first);
        var before = doc.Insert(ParagraphKind.Operative, "At the top.");

        Assert.Equal(["0 bis", "1", "2", "3", "3 bis", "3 ter", "4"], doc.State.Live.Select(p => p.Number));
        Assert.Equal(before, doc.Ids[0]);
        Assert.Equal([first, second], doc.Ids.Skip(4).Take(2));
    }

    [Fact]
    public void Moving_and_deleting_through_the_state_after_a_tag_keeps_baselined_numbers()
    {
        var doc = StateBuilder.Operatives(5);
        doc.Tag("Rev.1");
        var (p1, p2, p3, p4, p5) = (doc.Ids[0], doc.Ids[1], doc.Ids[2], doc.Ids[3], doc.Ids[4]);

        doc.Move(p5, p2);
        var x = doc.Insert(ParagraphKind.Operative, "After five.", p5);
        doc.Delete(p3);

        Assert.Equal([p1, p2, p5, x, p4], doc.Ids);
        Assert.Equal(["1", "2", "5", "5 bis", "4"], doc.State.Live.Select(p => p.Number));
    }

    [Fact]
    public void A_given_bis_number_stays_when_another_paragraph_is_inserted_right_after_the_same_number()
    {
        var doc = StateBuilder.Operatives(4);
        doc.Tag("Rev.1");
        var three = doc.Ids[2];

        var first = doc.Insert(ParagraphKind.Operative, "First new.", three);
        var squeezed = doc.Insert(ParagraphKind.Operative, "Squeezed in before it.", three);

        Assert.Equal("3 bis", doc[first].Number);
        Assert.Equal("3 ter", doc[squeezed].Number);
        Assert.Equal([squeezed, first], doc.Ids.Skip(3).Take(2));
    }

    [Fact]
    public void A_given_bis_number_stays_when_the_paragraph_it_followed_is_deleted_or_moved()
    {
        var doc = StateBuilder.Operatives(4);
        doc.Tag("Rev.1");
        var (two, three) = (doc.Ids[1], doc.Ids[2]);
        var bis = doc.Insert(ParagraphKind.Operative, "New.", three);

        doc.Delete(three);
        doc.Move(two, null);

        Assert.Equal("3 bis", doc[bis].Number);
        Assert.Equal([three], ((ParagraphDeleted)doc.Events[^2]).Numbers.Keys); // only the deleted number changed
    }

    [Fact]
    public void A_deleted_bis_number_is_not_given_again()
    {
        var doc = StateBuilder.Operatives(4);
        doc.Tag("Rev.1");
        var three = doc.Ids[2];
        doc.Delete(doc.Insert(ParagraphKind.Operative, "Gone.", three));

        var next = doc.Insert(ParagraphKind.Operative, "Next.", three);

        Assert.Equal("3 ter", doc[next].Number);
    }

    [Fact]
    public void A_paragraph_inserted_after_a_bis_takes_the_next_suffix_of_the_same_number()
    {
        var doc = StateBuilder.Operatives(4);
        doc.Tag("Rev.1");
        var bis = doc.Insert(ParagraphKind.Operative, "Bis.", doc.Ids[2]);

        var afterBis = doc.Insert(ParagraphKind.Operative, "After bis.", bis);

        Assert.Equal("3 ter", doc[afterBis].Number);
        Assert.Equal("OP3 ter", Numbering.Labels(doc.State.Live.Select(p => (p.Id, p.Kind)), doc.State.Baseline, doc.State.Assigned)[afterBis]);
    }

    [Fact]
    public void A_first_revision_without_renumbering_still_fixes_the_numbers()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1", renumber: false);

        var top = doc.Insert(ParagraphKind.Operative, "At the top.");

        Assert.Equal(["0 bis", "1", "2", "3"], doc.State.Live.Select(p => p.Number));
        Assert.Equal(top, doc.Ids[0]);
    }

    [Fact]
    public void A_renumbering_revision_makes_given_numbers_consecutive_and_starts_the_suffixes_again()
    {
        var doc = StateBuilder.Operatives(3);
        doc.Tag("Rev.1");
        doc.Insert(ParagraphKind.Operative, "Bis.", doc.Ids[0]);
        doc.Tag("Rev.2");

        var next = doc.Insert(ParagraphKind.Operative, "New after 2.", doc.Ids[1]);

        Assert.Equal(["1", "2", "2 bis", "3", "4"], doc.State.Live.Select(p => p.Number));
        Assert.Equal("2 bis", doc[next].Number);
    }
}
