using System.Collections.Concurrent;
using System.Text.Json;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

public sealed class ConcurrencyTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    private const int Clients = 10;
    private const int EditsEach = 50;

    private static readonly string[] Seeds =
    [
        "Recommends that enhanced cooperation be implemented without further delay to enable governments on an equal footing",
        "Encourages Member States to improve the participation of developing countries in Internet governance processes",
        "Invites existing organizations dealing with Internet related public policy issues to report on their steps",
    ];

    [Fact]
    public async Task Ten_clients_editing_shared_paragraphs_converge_and_lose_nothing_acknowledged()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Concurrent draft", DocumentKind.Recommendations,
            string.Join("\n\n", Seeds.Select((s, i) => $"{i + 1}. {s}")));
        var paragraphs = document.Paragraphs.Select(p => p.Id).ToArray();

        var results = new ConcurrentBag<(Guid Paragraph, ParagraphTextResult Result)>();
        var members = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => app.JoinAsync(Role.Member, delegation: $"Delegation {i}")));
        var connections = await Task.WhenAll(members.Select(m => m.ConnectAsync()));
        var replicas = new Replica[Clients];
        for (var i = 0; i < Clients; i++)
            replicas[i] = Replica.From((await connections[i].JoinDocumentAsync(new JoinDocumentRequest(document.Id))).Document!);

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(1000 + i);
            for (var n = 0; n < EditsEach; n++)
            {
                Drain(connections[i], replicas[i]);
                var paragraph = paragraphs[random.Next(paragraphs.Length)];
                var (_, text, revision, _, _) = replicas[i].Paragraphs[paragraph];
                var words = text.Split(' ');
                words[random.Next(words.Length)] = $"c{i}e{n}";
                var result = await connections[i].EditParagraphAsync(new EditParagraphRequest(
                    document.Id, paragraph, revision, string.Join(' ', words), ClientOpId: $"c{i}-{n}"));
                results.Add((paragraph, result));
            }
        })));

        var stream = await chair.Api.EventsAsync(document.Id, limit: 5000);
        var edits = stream.Where(e => e.Type == EnvelopeTypes.ParagraphEdited).ToDictionary(e => e.Version);

        // Every applied or merged edit that appended is in the stream, with the text it was answered.
        var appended = results.Where(r => r.Result.Outcome is Outcome.Applied or Outcome.Merged && r.Result.Revision == r.Result.Version).ToList();
        foreach (var (paragraph, result) in appended)
        {
            var stored = (JsonElement)edits[result.Version].Data;
            Assert.Equal(paragraph, stored.GetProperty("paragraphId").GetGuid());
            Assert.Equal(result.Text, stored.GetProperty("text").GetString());
        }
        // Nothing else was appended: no conflict wrote anything, and no edit was stored twice.
        Assert.Equal(appended.Count, edits.Count);
        Assert.Equal(Clients * EditsEach, results.Count);
        Assert.Contains(results, r => r.Result.Outcome == Outcome.Merged);

        // Every client's view, built from the envelopes it received, equals the server's and a replay of the stream.
        var now = await chair.Api.DocumentAsync(document.Id);
        var replay = await chair.Api.DocumentAsync(document.Id, $"version={now.Version}");
        Assert.Equal(Replica.Describe(now), Replica.Describe(replay));
        for (var i = 0; i < Clients; i++)
        {
            var replica = replicas[i];
            var connection = connections[i];
            await Wait.UntilAsync(() => Task.FromResult(Drain(connection, replica) >= now.Version));
            Assert.Equal(Replica.Describe(now), replica.Describe());
            await connection.DisposeAsync();
        }
    }

    private static long Drain(DraftingConnection connection, Replica replica)
    {
        while (connection.Applied.TryRead(out var envelope))
            Assert.True(envelope.Version <= replica.Version || replica.Apply(envelope), $"gap before version {envelope.Version}");
        return replica.Version;
    }
}
