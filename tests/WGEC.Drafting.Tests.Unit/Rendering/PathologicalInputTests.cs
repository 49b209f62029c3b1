using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Tests.Rendering;

/// <summary>
/// Worst cases for the Markdown renderer and the bracket parser at the paragraph limit (20,000 characters): they render
/// without a crash or a deep recursion, escaped, with the right bracket counts, in time that grows linearly. Speed
/// targets are the benchmarks' business; the property here is "no blow-up". Time is the test thread's own CPU time,
/// so a busy machine does not enter, and the bound is on its growth: eight times the text may take up to sixteen times
/// the time (a quadratic walk takes sixty-four), plus an absolute 2 s that only a blow-up or a hang would reach.
/// </summary>
public sealed partial class PathologicalInputTests
{
    private const int Limit = 20_000;

    /// <summary>A third of the 1.5 MB a server thread has: a recursion that grows with the nesting would not fit.</summary>
    private const int SmallStack = 512 * 1024;

    private static readonly MarkdownRenderer Renderer = new();

    private static readonly HashSet<string> AllowedTags =
        ["p", "br", "em", "strong", "code", "pre", "a", "span", "blockquote", "ul", "ol", "li", "hr", "h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Each worst case as a text of about <c>n</c> characters, and where it is exact, its open brackets at that length.</summary>
    private static readonly Dictionary<string, (Func<int, string> Text, Func<int, int>? Open)> Cases = new()
    {
        ["20,000 ["] = (n => new string('[', n), n => n),
        ["20,000 ]"] = (n => new string(']', n), n => n),
        ["brackets nested 10,000 deep"] = (n => new string('[', n / 2) + new string(']', n / 2), _ => 1),
        // "[a][b]" is reference-link syntax, so brackets back to back are links: only the first "]" and the last "[" are open.
        ["alternating ]["] = (n => Repeat("][", n), _ => 1),
        ["alternating ] ["] = (n => Repeat("] [ ", n), n => (n / 4) + 1),
        ["empty brackets"] = (n => Repeat("[] ", n), n => n / 3),
        ["alternatives in brackets never closed"] = (n => Repeat("[a / ", n), n => n / 5),
        ["bracketed alternatives"] = (n => Repeat("[x / y] ", n), n => n / 8),
        ["nested alternatives"] = (n => Repeat("[[a / b] / c] ", n), n => n / 14),
        ["escaped brackets"] = (n => Repeat("\\[", n), _ => 0),
        ["brackets in code"] = (n => Repeat("`[` ", n), _ => 0),
        ["backtick runs"] = (n => BacktickRuns(n), null),
        ["emphasis delimiters"] = (n => Repeat("*_", n), null),
        ["emphasised words"] = (n => Repeat("*a* ", n), null),
        ["one emphasis run nested"] = (n => new string('*', (n / 2) - 1) + "a" + new string('*', (n / 2) - 1), null),
        ["emphasis opened in brackets"] = (n => Repeat("[*", n), null),
        ["links begun"] = (n => Repeat("[a](", n), null),
        ["reference links"] = (n => Repeat("[a][b] ", n), null),
        ["link definitions begun"] = (n => Repeat("[a]:", n), null),
        ["footnotes begun"] = (n => Repeat("[^", n), _ => 0),
        ["images begun"] = (n => Repeat("![", n), _ => 0),
        ["20,000 <"] = (n => new string('<', n), _ => 0),
        ["tags begun"] = (n => Repeat("<a ", n), _ => 0),
        ["autolinks"] = (n => Repeat("<http://a.b> ", n), _ => 0),
        ["code spans"] = (n => Repeat("`a` ", n), _ => 0),
        ["block quotes nested"] = (n => Repeat("> ", n), _ => 0),
        ["20,000 >"] = (n => new string('>', n), _ => 0),
        ["numbered lists nested on one line"] = (n => Repeat("1. ", n), _ => 0),
        ["bullet lists nested on one line"] = (n => Repeat("+ ", n), _ => 0),
        ["lists nested by indentation"] = (n => IndentedLists(n), null),
        ["list items"] = (n => Repeat("- [a]\n", n), n => n / 6),
        ["hard line breaks"] = (n => Repeat("a\\\n", n), _ => 0),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    public static TheoryData<string> Counted() => [.. Cases.Where(c => c.Value.Open is not null).Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Renders_only_allowed_markup_on_a_small_stack(string name)
    {
        var text = Cases[name].Text(Limit);
        Assert.InRange(text.Length, Limit - 300, Limit);

        var html = OnSmallStack(() => Renderer.ToHtml(text));

        foreach (Match tag in Tag().Matches(html))
            Assert.Contains(tag.Groups[1].Value, AllowedTags);
        foreach (Match link in Href().Matches(html))
            Assert.Matches("^(https?|mailto):", link.Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Counted))]
    public void Counts_its_open_brackets(string name)
    {
        var (text, open) = Cases[name];

        Assert.Equal(open!(Limit), OnSmallStack(() => Brackets.CountOpen(text(Limit))));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rendering_time_grows_linearly(string name) =>
        AssertLinear(name, text => Renderer.ToHtml(text));

    [Theory]
    [MemberData(nameof(Names))]
    public void Bracket_parsing_time_grows_linearly(string name) =>
        AssertLinear(name, text => Brackets.CountOpen(text));

    private static void AssertLinear(string name, Action<string> work)
    {
        var (small, large) = (Cases[name].Text(Limit / 8), Cases[name].Text(Limit));
        work(small);
        var smallTime = CpuTime(() => work(small));
        var largeTime = CpuTime(() => work(large));

        Assert.True(largeTime < TimeSpan.FromSeconds(2), $"{name}: {largeTime.TotalMilliseconds:N0} ms at {large.Length:N0} characters");
        Assert.True(largeTime <= (smallTime * 16) + TimeSpan.FromMilliseconds(10),
            $"{name}: {smallTime.TotalMilliseconds:N1} ms at {small.Length:N0} characters, {largeTime.TotalMilliseconds:N1} ms at {large.Length:N0}: more than linear");
    }

    /// <summary>The least of three runs' CPU time on this thread (wall time off Linux).</summary>
    private static TimeSpan CpuTime(Action work)
    {
        var least = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var wall = Stopwatch.StartNew();
            var before = ThreadCpu();
            work();
            var spent = before is { } start && ThreadCpu() is { } end ? end - start : wall.Elapsed;
            least = spent < least ? spent : least;
        }
        return least;
    }

    private static TimeSpan? ThreadCpu() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var now) == 0
            ? TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100))
            : null;

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);

    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failed = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failed = e;
            }
        }, SmallStack);
        thread.Start();
        thread.Join();
        return failed is null ? result : throw new InvalidOperationException("failed on a small stack", failed);
    }

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length / unit.Length));

    /// <summary>Runs of 1, 2, 3 … backticks, each followed by a bracket: no run finds a closer of its length.</summary>
    private static string BacktickRuns(int length)
    {
        var text = new StringBuilder();
        for (var run = 1; text.Length + run + 1 <= length; run++)
            text.Append('`', run).Append('[');
        return text.ToString();
    }

    /// <summary>List items, each indented one level deeper than the one before.</summary>
    private static string IndentedLists(int length)
    {
        var text = new StringBuilder();
        for (var level = 0; text.Length + (2 * level) + 7 <= length; level++)
            text.Append(' ', 2 * level).Append("- [a]\n");
        return text.ToString();
    }

    [GeneratedRegex("</?([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex Tag();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
