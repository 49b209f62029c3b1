using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Work item 4: a timeline over the whole history, paged like <c>/events</c>; and what every history call refuses.</summary>
public sealed class RestTimelineTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task The_timeline_gives_each_events_version_time_type_actor_meeting_and_paragraph_in_pages()
    {
        var chair = await app.JoinAsync(Role.Chair, name: "Carla", delegation: "WGEC");
        var member = await app.JoinAsync(Role.Member, name: "Ana", delegation: "Brazil");
        var document = await chair.Api.CreateDocumentAsync("Slider", DocumentKind.Report, string.Join("\n\n", Enumerable.Range(1, 9).Select(i => $"Paragraph {i}.")));
        var first = document.Paragraphs[0];
        await using var chairHub = await chair.ConnectAsync();
        await using var memberHub = await member.ConnectAsync();
        await chairHub.OpenMeetingAsync(new OpenMeetingRequest(document.Id, "First session"));
        await memberHub.EditParagraphAsync(new EditParagraphRequest(document.Id, first.Id, first.Revision, "Paragraph one."));
        await chairHub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));

        var timeline = await member.Api.TimelineAsync(document.Id);

        var events = await member.Api.EventsAsync(document.Id);
        Assert.Equal(13, timeline.Length);
        Assert.Equal(events.Select(e => (e.Version, e.At, e.Type, e.Actor, e.Meeting)), timeline.Select(t => (t.Version, t.At, t.Type, t.Actor, t.Meeting)));
        Assert.Equal(
            [null, .. document.Paragraphs.Select(p => (Guid?)p.Id), null, first.Id, null],
            timeline.Select(t => t.ParagraphId));
        Assert.Equal(new Actor(member.Id, "Ana", "Brazil", Role.Member), timeline[11].Actor);
        Assert.Equal((EnvelopeTypes.MeetingOpened, "First session"), (timeline[10].Type, timeline[10].Meeting));
        Assert.Null(timeline[9].Meeting);

        Assert.Equal([4L, 5, 6, 7], (await member.Api.TimelineAsync(document.Id, after: 3, limit: 4)).Select(t => t.Version));
        Assert.Equal([13L], (await member.Api.TimelineAsync(document.Id, after: 12, limit: 4)).Select(t => t.Version));
        Assert.Empty(await member.Api.TimelineAsync(document.Id, after: 13));
        Assert.Empty(await member.Api.TimelineAsync(document.Id, after: 50));
        Assert.Empty(await member.Api.TimelineAsync(document.Id, after: long.MaxValue, limit: 5000));
    }

    [Fact]
    public async Task The_timeline_defaults_to_500_and_allows_up_to_5000()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Long", DocumentKind.Report, string.Join("\n\n", Enumerable.Range(1, 600).Select(i => $"P{i}")));

        Assert.Equal([.. Enumerable.Range(1, 500).Select(v => (long)v)], (await chair.Api.TimelineAsync(document.Id)).Select(t => t.Version));
        Assert.Equal(601, (await chair.Api.TimelineAsync(document.Id, limit: 5000)).Length);
        Assert.Equal(101, (await chair.Api.TimelineAsync(document.Id, after: 500)).Length);
    }

    [Theory]
    [InlineData("limit=5001")]
    [InlineData("limit=0")]
    [InlineData("limit=-3")]
    [InlineData("after=-1")]
    [InlineData("after=abc")]
    [InlineData("limit=many")]
    public async Task Bad_timeline_paging_is_invalid(string query)
    {
        var member = await app.JoinAsync(Role.Member);
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Paging", DocumentKind.Report);

        await Problem.AssertAsync(await app.Api().Http.GetAsync($"api/documents/{document.Id}/timeline?{query}", member.Api.Token), HttpStatusCode.BadRequest, "invalid");
    }

    [Theory]
    [InlineData("/api/documents/{id}/timeline")]
    [InlineData("/api/documents/{id}/paragraphs/{pid}/history")]
    [InlineData("/api/documents/{id}/progress")]
    [InlineData("/api/documents/{id}/activity")]
    public async Task The_openapi_description_lists_the_history_calls(string path)
    {
        using var response = await app.Api().Http.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
        using var description = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(description.RootElement.GetProperty("paths").TryGetProperty(path, out _), $"{path} is not described");
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("timeline?after=0&limit=10")]
    [InlineData("paragraphs/{p}/history")]
    [InlineData("progress")]
    [InlineData("activity")]
    public async Task History_calls_need_a_token_and_an_existing_document(string path)
    {
        var observer = await app.JoinAsync(Role.Observer);
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Guarded", DocumentKind.Report, "Text.");
        string Path(Guid id) => $"api/documents/{id}/{path.Replace("{p}", document.Paragraphs[0].Id.ToString(), StringComparison.Ordinal)}";

        await Problem.AssertAsync(await app.Api().Http.GetAsync(Path(document.Id), null), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem.AssertAsync(await app.Api().Http.GetAsync(Path(document.Id), "not.a.token"), HttpStatusCode.Unauthorized, "unauthorized");
        await Problem.AssertAsync(await app.Api().Http.GetAsync(Path(Guid.NewGuid()), observer.Api.Token), HttpStatusCode.NotFound, "not-found");
        using var ok = await app.Api().Http.GetAsync(Path(document.Id), observer.Api.Token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
