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
}
