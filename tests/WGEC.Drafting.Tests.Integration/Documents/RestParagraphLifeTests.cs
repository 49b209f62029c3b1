using System.Text.Json;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>Work item 4: a paragraph's history gives, with every envelope, the paragraph as it stood right after it.</summary>
public sealed class RestParagraphLifeTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task A_paragraphs_history_gives_its_text_status_number_and_deletion_after_each_event()
    {
        var chair = await app.JoinAsync(Role.Chair, name: "Carla", delegation: "WGEC");
        var document = await chair.Api.CreateDocumentAsync("Life", DocumentKind.Recommendations, "1. First.\n\n2. Second.");
        var second = document.Paragraphs[1];
        await using var hub = await chair.ConnectAsync();
        var x = (await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, second.Id, ParagraphKind.Operative, "Draft [text].", ClientOpId: "insert-x"))).ParagraphId;
        var once = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, x, 4, "Draft text."));
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "First, edited."));
        var twice = await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, x, once.Revision, "Final text."));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, x, twice.Revision, ParagraphStatus.Agreed));
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, x, twice.Revision, ParagraphStatus.Draft, "reopened"));
        await hub.OpenMeetingAsync(new OpenMeetingRequest(document.Id, "Second reading"));
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, x, null));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, x));

        var life = await chair.Api.ParagraphLifeAsync(document.Id, x);

        Assert.Equal(
            [
                (4L, EnvelopeTypes.ParagraphInserted, "Draft [text].", ParagraphStatus.Draft, "3", false),
                (5, EnvelopeTypes.ParagraphEdited, "Draft text.", ParagraphStatus.Draft, "3", false),
                (7, EnvelopeTypes.ParagraphEdited, "Final text.", ParagraphStatus.Draft, "3", false),
                (8, EnvelopeTypes.ParagraphStatusChanged, "Final text.", ParagraphStatus.Agreed, "3", false),
                (9, EnvelopeTypes.ParagraphStatusChanged, "Final text.", ParagraphStatus.Draft, "3", false),
                (11, EnvelopeTypes.ParagraphMoved, "Final text.", ParagraphStatus.Draft, "1", false),
                (12, EnvelopeTypes.ParagraphDeleted, "Final text.", ParagraphStatus.Draft, (string?)null, true),
            ],
            life.Select(e => (e.Version, e.Type, e.Text, e.Status, e.Number, e.Deleted)));
        Assert.All(life, e => Assert.Equal((document.Id, new Actor(chair.Id, "Carla", "WGEC", Role.Chair)), (e.DocumentId, e.Actor)));
        Assert.All(life, e => Assert.Equal(x, ((JsonElement)e.Data).GetProperty("paragraphId").GetGuid()));
        Assert.Equal("insert-x", life[0].ClientOpId);
        Assert.Equal([null, null, null, null, null, "Second reading", "Second reading"], life.Select(e => e.Meeting));
        Assert.Equal("reopened", ((JsonElement)life[4].Data).GetProperty("note").GetString());
    }

    [Fact]
    public async Task Read_as_plain_envelopes_the_history_is_what_the_event_feed_holds()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Envelopes", DocumentKind.Report, "One.\n\nTwo.");
        var one = document.Paragraphs[0];
        await using var hub = await chair.ConnectAsync();
        await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, one.Id, one.Revision, "One, edited.", ClientOpId: "e1"));
        await hub.AddCommentAsync(new AddCommentRequest(document.Id, one.Id, "Fine."));

        var history = await chair.Api.ParagraphHistoryAsync(document.Id, one.Id);

        var events = await chair.Api.EventsAsync(document.Id);
        Assert.Equivalent(events.Where(e => e.Version is 2 or 4 or 5), history, strict: true);
    }
}
