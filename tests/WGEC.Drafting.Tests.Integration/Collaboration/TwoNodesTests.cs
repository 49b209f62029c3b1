using System.Collections.Concurrent;
using System.Text.Json;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>
/// Two server nodes on one database (DESIGN.md: correctness must not depend on the per-node queue;
/// the stream's expected version is the arbiter). No backplane here: clients learn of the other
/// node's edits only through merges, which is exactly what makes the races real.
/// </summary>
public sealed class TwoNodesTests(TwoNodesTests.Nodes nodes) : IClassFixture<TwoNodesTests.Nodes>
{
    private const int ClientsPerNode = 3;
    private const int EditsEach = 40;

    public sealed class Node(string schema, string dataDirectory) : DraftingApp(schema, dataDirectory)
    {
        protected override IReadOnlyDictionary<string, string> Settings =>
            new Dictionary<string, string> { ["Drafting:HubCallsPerSecond"] = "100000" };
    }

    public sealed class Nodes : IAsyncLifetime
    {
        private readonly TemporaryFolder data = TemporaryFolder.Create();

        public Nodes()
        {
            var schema = "n_" + Guid.NewGuid().ToString("N")[..16];
            (A, B) = (new Node(schema, data.Path), new Node(schema, data.Path));
        }

        public Node A { get; }
        public Node B { get; }

        public async Task InitializeAsync()
        {
            await A.InitializeAsync();
            await B.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            data.Dispose();
        }
    }

    [Fact]
    public async Task Concurrent_edits_through_two_nodes_are_each_stored_once_and_retries_are_idempotent_across_nodes()
    {
        var chair = await nodes.A.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Shared", DocumentKind.Recommendations,
            "1. Recommends that enhanced cooperation be implemented without further delay\n\n2. Encourages Member States to improve the participation of developing countries");
        var paragraphs = document.Paragraphs.Select(p => p.Id).ToArray();

        var clients = new List<(DraftingApp Node, Participant Member, DraftingConnection Hub)>();
        foreach (var node in new DraftingApp[] { nodes.A, nodes.B })
        {
            for (var i = 0; i < ClientsPerNode; i++)
            {
                var member = await node.JoinAsync(Role.Member, delegation: $"Delegation {clients.Count}");
                clients.Add((node, member, await member.ConnectAsync()));
            }
        }

        var results = new ConcurrentBag<(int Client, string OpId, EditParagraphRequest Request, ParagraphTextResult Result)>();
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            var random = new Random(7000 + c);
            var known = document.Paragraphs.ToDictionary(p => p.Id, p => (p.Text, p.Revision));
            for (var n = 0; n < EditsEach; n++)
            {
                var paragraph = paragraphs[random.Next(paragraphs.Length)];
                var words = known[paragraph].Text.Split(' ');
                words[random.Next(words.Length)] = $"c{c}e{n}";
                var request = new EditParagraphRequest(document.Id, paragraph, known[paragraph].Revision, string.Join(' ', words), $"c{c}-{n}");
                var result = await WithRetryAsync(() => client.Hub.EditParagraphAsync(request));
                known[paragraph] = (result.Text, result.Revision);
                results.Add((c, request.ClientOpId!, request, result));
            }
        })));

        var stream = await chair.Api.EventsAsync(document.Id, limit: 5000);
        Assert.Equal(Enumerable.Range(1, stream.Length).Select(v => (long)v), stream.Select(e => e.Version));
        var edits = stream.Where(e => e.Type == EnvelopeTypes.ParagraphEdited).ToDictionary(e => e.Version);
        var appended = results.Where(r => r.Result.Outcome != Outcome.Conflict && r.Result.Revision == r.Result.Version).ToList();
        foreach (var (_, opId, request, result) in appended)
        {
            var stored = edits[result.Version];
            Assert.Equal(opId, stored.ClientOpId);
            Assert.Equal(request.ParagraphId, ((JsonElement)stored.Data).GetProperty("paragraphId").GetGuid());
            Assert.Equal(result.Text, ((JsonElement)stored.Data).GetProperty("text").GetString());
        }
        Assert.Equal(appended.Count, edits.Count);
        Assert.Contains(results, r => r.Result.Outcome == Outcome.Merged);

        // Retrying every appended op on the OTHER node answers the first result and appends nothing.
        foreach (var (client, _, request, result) in appended)
        {
            var other = clients[(client + ClientsPerNode) % clients.Count];
            var sameParticipantElsewhere = await new Participant(other.Node, clients[client].Member.View, clients[client].Member.Api, clients[client].Member.InviteCode)
                .ConnectAsync();
            await using (sameParticipantElsewhere)
                Assert.Equal(result, await WithRetryAsync(() => sameParticipantElsewhere.EditParagraphAsync(request)));
        }
        Assert.Equal(stream.Length, (await chair.Api.EventsAsync(document.Id, limit: 5000)).Length);

        // Both nodes read the same document, and it is the replay of the stream.
        var onA = await chair.Api.DocumentAsync(document.Id);
        var onB = await (await nodes.B.SecretariatAsync()).Api.DocumentAsync(document.Id);
        var replay = await chair.Api.DocumentAsync(document.Id, $"version={onA.Version}");
        Assert.Equal(Replica.Describe(onA), Replica.Describe(onB));
        Assert.Equal(Replica.Describe(onA), Replica.Describe(replay));

        foreach (var (_, _, hub) in clients)
            await hub.DisposeAsync();
    }

    [Fact]
    public async Task A_revocation_on_one_node_cuts_the_participant_off_on_the_other_within_a_second()
    {
        var secretariatOnA = await nodes.A.SecretariatAsync();
        var member = await nodes.B.JoinAsync(Role.Member);
        await using var onB = await member.ConnectAsync();
        var closed = new TaskCompletionSource();
        onB.Hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await member.Api.DocumentsAsync(); // the token works on B before the revocation

        await secretariatOnA.Api.RevokeAsync(member.Id);

        await closed.Task.WaitAsync(Wait.Timeout);
        var refused = await Assert.ThrowsAsync<DraftingException>(() => member.Api.DocumentsAsync());
        Assert.Equal(ErrorCode.Unauthorized, refused.Code);
    }

    /// <summary>What PROTOCOL.md §4 tells a client to do with rate-limited: retry later with the same clientOpId.</summary>
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (DraftingException e) when (e.Code == ErrorCode.RateLimited && attempt < 10)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }
}
