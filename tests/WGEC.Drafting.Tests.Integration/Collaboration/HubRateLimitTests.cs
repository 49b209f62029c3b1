using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>The app with a limit of 5 hub calls a second per connection.</summary>
public sealed class FiveCallsASecondApp : DraftingApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Drafting:HubCallsPerSecond"] = "5" };
}

/// <summary>More than N calls a second on one connection are refused with rate-limited (PROTOCOL.md §4, §5).</summary>
public sealed class HubRateLimitTests(FiveCallsASecondApp app) : IClassFixture<FiveCallsASecondApp>
{
    [Fact]
    public async Task Burst_over_the_limit_is_rate_limited_and_the_refused_calls_append_nothing()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Record.ExceptionAsync(() =>
            scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, scene.Paragraph(0), $"comment {i}")))));

        var refusals = outcomes.OfType<DraftingException>().ToList();
        Assert.Equal(outcomes.Count(o => o is not null), refusals.Count);
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r =>
        {
            Assert.Equal(ErrorCode.RateLimited, r.Code);
            Assert.StartsWith("rate-limited: ", r.Message, StringComparison.Ordinal);
        });
        Assert.Equal(20 - refusals.Count, (await scene.NewEventsAsync()).Length);
    }

    [Fact]
    public async Task Rate_limited_calls_retried_later_with_the_same_clientOpId_are_applied_once_each()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        var requests = Enumerable.Range(0, 12)
            .Select(i => new InsertParagraphRequest(scene.Id, null, ParagraphKind.Text, $"Insert {i}", ClientOpId: $"insert-{i}"))
            .ToList();

        var first = await Task.WhenAll(requests.Select(r => Record.ExceptionAsync(() => scene.Editor.InsertParagraphAsync(r))));
        Assert.Contains(first, e => e is DraftingException { Code: ErrorCode.RateLimited });

        var results = new List<InsertParagraphResult>();
        foreach (var request in requests)
            results.Add(await UntilNotRateLimitedAsync(() => scene.Editor.InsertParagraphAsync(request)));
        foreach (var (request, result) in requests.Zip(results))
            Assert.Equal(result, await UntilNotRateLimitedAsync(() => scene.Editor.InsertParagraphAsync(request)));

        var inserted = (await scene.NewEventsAsync()).Select(e => e.ClientOpId).Order();
        Assert.Equal(requests.Select(r => r.ClientOpId).Order(), inserted);
    }

    private static async Task<T> UntilNotRateLimitedAsync<T>(Func<Task<T>> call)
    {
        T result = default!;
        await Wait.UntilAsync(async () =>
        {
            try
            {
                result = await call();
                return true;
            }
            catch (DraftingException e) when (e.Code == ErrorCode.RateLimited)
            {
                return false;
            }
        });
        return result;
    }

    [Fact]
    public async Task Limit_is_per_connection()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Record.ExceptionAsync(() =>
            scene.Editor.SetFocusAsync(new SetFocusRequest(scene.Id, null)))));

        await using var other = await scene.Member.ConnectAsync();
        var joined = await other.JoinDocumentAsync(new JoinDocumentRequest(scene.Id));

        Assert.Equal(scene.Document.Version, joined.Version);
    }
}
