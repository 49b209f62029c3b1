using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Tests.Documents.Reading;

public class PointTests
{
    private static readonly DateTimeOffset NineThirty = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private static void AssertInvalid(Action parse) =>
        Assert.Equal(ErrorCode.Invalid, Assert.Throws<RefusedException>(parse).Refusal.Code);

    [Fact]
    public void No_selector_is_now()
    {
        Assert.Equal(Point.Latest, Point.FromSelectors(null, null, null));
        Assert.Equal(Point.Latest, Point.FromSelectors("", "", ""));
    }

    [Fact]
    public void Each_selector_gives_its_point()
    {
        Assert.Equal(new Point.AtVersion(12), Point.FromSelectors("12", null, null));
        Assert.Equal(new Point.AtRevision("Rev.1"), Point.FromSelectors(null, "Rev.1", null));
        Assert.Equal(new Point.AtTime(NineThirty), Point.FromSelectors(null, null, "2025-03-10T09:30:00Z"));
    }

    [Fact]
    public void A_time_with_an_offset_is_the_same_instant_in_utc()
    {
        var point = Assert.IsType<Point.AtTime>(Point.FromSelectors(null, null, "2025-03-10T11:30:00+02:00"));
        Assert.Equal(NineThirty, point.Time);
        Assert.Equal(TimeSpan.Zero, point.Time.Offset);
    }

    [Theory]
    [InlineData("12", "Rev.1", null)]
    [InlineData("12", null, "2025-03-10T09:30:00Z")]
    [InlineData(null, "Rev.1", "2025-03-10T09:30:00Z")]
    public void Two_selectors_are_refused(string? version, string? revision, string? at)
    {
        AssertInvalid(() => Point.FromSelectors(version, revision, at));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("Rev.1")]
    public void A_version_that_is_not_a_positive_whole_number_is_invalid(string version)
    {
        AssertInvalid(() => Point.FromSelectors(version, null, null));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-45")]
    public void A_bad_time_is_invalid(string at)
    {
        AssertInvalid(() => Point.FromSelectors(null, null, at));
    }

    [Fact]
    public void Parse_reads_a_version_a_time_or_else_a_revision_label()
    {
        Assert.Equal(Point.Latest, Point.Parse(null));
        Assert.Equal(Point.Latest, Point.Parse(""));
        Assert.Equal(new Point.AtVersion(7), Point.Parse("7"));
        Assert.Equal(new Point.AtTime(NineThirty), Point.Parse("2025-03-10T09:30:00Z"));
        Assert.Equal(new Point.AtRevision("Rev.1"), Point.Parse("Rev.1"));
        Assert.Equal(new Point.AtRevision("Rev.1/Corr.2"), Point.Parse("Rev.1/Corr.2"));
    }

    [Fact]
    public void Parse_of_version_zero_is_invalid()
    {
        AssertInvalid(() => Point.Parse("0"));
    }
}
