using System.Net;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>OpenMeeting, CloseMeeting, the meeting on every envelope and GET /meetings (work item 3, "Meetings").</summary>
public sealed class MeetingTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Secretariat)]
    public async Task Chair_and_secretariat_open_and_close_a_meeting(Role role)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var steer = role == Role.Chair ? await scene.Chair.ConnectAsync() : await app.ConnectAsync(Role.Secretariat);

        var opened = await steer.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Third meeting, 2014-02-24"));
        var closed = await steer.CloseMeetingAsync(new CloseMeetingRequest(scene.Id));

        Assert.Equal((Outcome.Applied, scene.Document.Version + 1), (opened.Outcome, opened.Version));
        Assert.Equal((Outcome.Applied, scene.Document.Version + 2), (closed.Outcome, closed.Version));
        var events = await scene.NewEventsAsync();
        Assert.Equal([EnvelopeTypes.MeetingOpened, EnvelopeTypes.MeetingClosed], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("Third meeting, 2014-02-24", e.Json().GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Observer)]
    public async Task Member_and_observer_opening_or_closing_a_meeting_is_forbidden(Role role)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var other = await app.ConnectAsync(role);

        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => other.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Informals")));
        Assert.Empty(await scene.NewEventsAsync());

        await using var chair = await scene.Chair.ConnectAsync();
        var opened = await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "First meeting"));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => other.CloseMeetingAsync(new CloseMeetingRequest(scene.Id)));

        Assert.Equal(opened.Version, (await scene.NowAsync()).Version);
        Assert.Equal("First meeting", (await scene.NowAsync()).Meeting?.Name);
    }

    [Fact]
    public async Task Opening_a_second_meeting_while_one_is_open_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        var opened = await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "First meeting"));

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Second meeting")));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "First meeting")));

        var now = await scene.NowAsync();
        Assert.Equal((opened.Version, "First meeting"), (now.Version, now.Meeting?.Name));
    }

    [Fact]
    public async Task Closing_when_no_meeting_is_open_is_invalid()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id)));
        Assert.Empty(await scene.NewEventsAsync());

        await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "First meeting"));
        var closed = await chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id));
        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id)));
        Assert.Equal(closed.Version, (await scene.NowAsync()).Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Third meeting\nmorning")]
    public async Task Empty_or_multi_line_meeting_name_is_invalid(string? name)
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();

        await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, name)));

        Assert.Empty(await scene.NewEventsAsync());
        Assert.Null((await scene.NowAsync()).Meeting);
    }

    [Fact]
    public async Task Document_shows_the_open_meeting_and_null_after_it_closes()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha");
        await using var chair = await scene.Chair.ConnectAsync();
        Assert.Null(scene.Document.Meeting);

        var opened = await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Informal consultations"));
        var openedAt = (await scene.NewEventsAsync()).Single().At;

        var during = await scene.NowAsync();
        Assert.Equal(new MeetingView("Informal consultations", openedAt), during.Meeting);
        Assert.Equal(new MeetingView("Informal consultations", openedAt), (await scene.Chair.Api.DocumentAsync(scene.Id, $"version={opened.Version}")).Meeting);

        await chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id));
        Assert.Null((await scene.NowAsync()).Meeting);
        Assert.Null((await scene.Chair.Api.DocumentAsync(scene.Id, $"version={opened.Version + 1}")).Meeting);
    }

    [Fact]
    public async Task Every_envelope_carries_the_open_meeting_or_null()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta");
        await using var chair = await scene.Chair.ConnectAsync();
        var p = scene.Paragraph(0);

        var before = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, scene.Document.Version, "Alpha one"));
        await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Second meeting"));
        var during = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, before.Revision, "Alpha two"));
        await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, p, "Noted"));
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));
        await chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id));
        var after = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, p, during.Revision, "Alpha three"));

        var expected = new (string Type, string? Meeting)[]
        {
            (EnvelopeTypes.ParagraphEdited, null),
            (EnvelopeTypes.MeetingOpened, "Second meeting"),
            (EnvelopeTypes.ParagraphEdited, "Second meeting"),
            (EnvelopeTypes.CommentAdded, "Second meeting"),
            (EnvelopeTypes.RevisionTagged, "Second meeting"),
            (EnvelopeTypes.MeetingClosed, "Second meeting"),
            (EnvelopeTypes.ParagraphEdited, null),
        };
        Assert.Equal(expected, (await scene.NewEventsAsync()).Select(e => (e.Type, e.Meeting)));
        Assert.All((await scene.Chair.Api.EventsAsync(scene.Id)).Where(e => e.Version <= scene.Document.Version), e => Assert.Null(e.Meeting));

        // The live envelopes carry it too, not only the stored ones.
        var live = new List<(string, string?)>();
        while (live.Count < expected.Length)
        {
            var e = await scene.Editor.Applied.ForAsync(e => e.Version > scene.Document.Version);
            live.Add((e.Type, e.Meeting));
        }
        Assert.Equal(expected, live);
        Assert.Equal(after.Version, (await scene.NowAsync()).Version);
    }

    [Fact]
    public async Task Meetings_lists_each_meeting_with_its_versions_and_exact_counts()
    {
        await using var scene = await HubScene.StartAsync(app, "Alpha", "Beta", "Gamma", "Delta");
        await using var chair = await scene.Chair.ConnectAsync();
        var (a, b, c, d) = (scene.Paragraph(0), scene.Paragraph(1), scene.Paragraph(2), scene.Paragraph(3));
        Assert.Empty(await scene.Chair.Api.MeetingsAsync(scene.Id));

        // Outside any meeting: counted nowhere.
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, a, scene.Document.Version, "Alpha outside"));

        var first = await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "First meeting"));
        await scene.Editor.InsertParagraphAsync(new InsertParagraphRequest(scene.Id, d, ParagraphKind.Operative, "Epsilon"));
        var edited = await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, b, scene.Document.Version, "Beta reworded"));
        await scene.Editor.MoveParagraphAsync(new MoveParagraphRequest(scene.Id, c, null));
        await scene.Editor.DeleteParagraphAsync(new DeleteParagraphRequest(scene.Id, d));
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, b, edited.Revision, ParagraphStatus.Agreed));
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, c, edited.Version, ParagraphStatus.AgreedAdRef));
        await scene.Editor.AddCommentAsync(new AddCommentRequest(scene.Id, a, "Not an edit"));
        await chair.TagRevisionAsync(new TagRevisionRequest(scene.Id, "Rev.1"));
        var firstClosed = await chair.CloseMeetingAsync(new CloseMeetingRequest(scene.Id));

        // Outside again.
        await chair.SetParagraphStatusAsync(new SetParagraphStatusRequest(scene.Id, c, edited.Version, ParagraphStatus.Agreed));

        var second = await chair.OpenMeetingAsync(new OpenMeetingRequest(scene.Id, "Second meeting"));
        var now = await scene.NowAsync();
        var aRevision = now.Paragraph(a).Revision;
        await scene.Editor.EditParagraphAsync(new EditParagraphRequest(scene.Id, a, aRevision, "Alpha during the second"));

        var events = await scene.Chair.Api.EventsAsync(scene.Id);
        DateTimeOffset At(long version) => events.Single(e => e.Version == version).At;
        var meetings = await scene.Chair.Api.MeetingsAsync(scene.Id);
        Assert.Equal(
            [
                new MeetingSummary("First meeting", At(first.Version), At(firstClosed.Version), first.Version, firstClosed.Version, Edits: 4, Agreed: 2),
                new MeetingSummary("Second meeting", At(second.Version), null, second.Version, null, Edits: 1, Agreed: 0),
            ],
            meetings);
    }

    [Fact]
    public async Task Meetings_of_an_unknown_document_is_not_found()
    {
        var chair = await app.JoinAsync(Role.Chair);

        await Problem.AssertAsync(await chair.Api.Http.GetAsync($"api/documents/{Guid.NewGuid()}/meetings", chair.Api.Token), HttpStatusCode.NotFound, "not-found");
    }
}
