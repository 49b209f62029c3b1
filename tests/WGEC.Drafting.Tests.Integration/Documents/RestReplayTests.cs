using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>
/// The inline read model (what <c>GET /documents/{id}</c> answers) must equal a fold of the stream
/// (what <c>?version=N</c> answers) after any sequence of writes: the two are written by different code.
/// </summary>
public sealed class RestReplayTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private static readonly string[] Words = ["shall", "should", "[may]", "stakeholders", "Recalling", "the", "Internet", "*governance*", "`code`", "cooperation", "[all / some]", "enhanced"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_read_model_equals_the_replayed_stream_after_random_writes(int seed)
    {
        var random = new Random(seed);
        var chair = await app.JoinAsync(Role.Chair);
        var member = await app.JoinAsync(Role.Member);
        var document = await chair.Api.CreateDocumentAsync("Replayed", DocumentKind.Recommendations, "Recalling [this],\n\n1. Decides.\n\n2. Requests.");
        await using var chairHub = await chair.ConnectAsync();
        await using var memberHub = await member.ConnectAsync();

        for (var step = 0; step < 80; step++)
        {
            if (step % 20 == 19)
                await chairHub.TagRevisionAsync(new TagRevisionRequest(document.Id, $"Rev.{step / 20}", "tagged"));
            var now = await chair.Api.DocumentAsync(document.Id);
            var hub = random.Next(3) == 0 ? chairHub : memberHub;
            var target = now.Paragraphs.Count == 0 ? null : now.Paragraphs[random.Next(now.Paragraphs.Count)];
            try
            {
                await (random.Next(9) switch
                {
                    0 or 1 => hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, target?.Id,
                        (ParagraphKind)random.Next(1, 5), Sentence(random))),
                    2 or 3 or 4 when target is not null => hub.EditParagraphAsync(new EditParagraphRequest(document.Id, target.Id, target.Revision, Sentence(random))),
                    5 when target is not null => hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, target.Id,
                        target == now.Paragraphs[0] ? now.Paragraphs[^1].Id : null)),
                    6 when target is not null && now.Paragraphs.Count > 2 => hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, target.Id)),
                    7 when target is not null => chairHub.SetParagraphStatusAsync(new SetParagraphStatusRequest(document.Id, target.Id, target.Revision,
                        target.OpenBrackets == 0 ? (ParagraphStatus)random.Next(1, 4) : ParagraphStatus.Draft, "decided")),
                    8 when target is not null => hub.AddCommentAsync(new AddCommentRequest(document.Id, target.Id, Sentence(random))),
                    _ => Task.CompletedTask,
                });
            }
            catch (DraftingException refused) when (refused.Code is ErrorCode.Locked or ErrorCode.Invalid)
            {
                // Locked paragraphs and bracketed agreements are refused by the rules; the sequence goes on.
            }
        }

        var final = await chair.Api.DocumentAsync(document.Id);
        Assert.True(final.Version > 30, $"only {final.Version} versions were written");
        var inline = await ReadAsync($"api/documents/{document.Id}", chair);
        var folded = await ReadAsync($"api/documents/{document.Id}?version={final.Version}", chair);
        Assert.Equal(inline, folded);
        // The sequence exercised every kind of write.
        var types = (await chair.Api.EventsAsync(document.Id, limit: 5000)).Select(e => e.Type).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                EnvelopeTypes.ParagraphInserted, EnvelopeTypes.ParagraphEdited, EnvelopeTypes.ParagraphMoved, EnvelopeTypes.ParagraphDeleted,
                EnvelopeTypes.ParagraphStatusChanged, EnvelopeTypes.CommentAdded, EnvelopeTypes.RevisionTagged,
            },
            types);
    }

    private async Task<string> ReadAsync(string path, Participant who)
    {
        using var response = await app.Api().Http.GetAsync(path, who.Api.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string Sentence(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 8)).Select(_ => Words[random.Next(Words.Length)])) + ";";
}
