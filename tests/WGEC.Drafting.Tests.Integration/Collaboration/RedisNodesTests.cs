using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WGEC.Drafting.Tests.Collaboration;

/// <summary>
/// Two server processes on one database with the Redis backplane (<c>Drafting:Redis</c>): clients on both
/// nodes co-edit one document and each hears every change once; presence and follow-the-chair reach across.
/// </summary>
public sealed class RedisNodesTests(ITestOutputHelper output)
{
    private const string SecretariatCode = "redis-nodes-secretariat-code";
    private const int ClientsPerNode = 3;
    private const int EditsEach = 15;

    [Fact]
    public async Task Clients_on_two_nodes_hear_every_change_once_and_see_each_other()
    {
        await using var redis = await RedisServer.StartAsync();
        using var data = TemporaryFolder.Create();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await TestPostgres.ConnectionStringAsync(),
            ["Drafting__Schema"] = "r_" + Guid.NewGuid().ToString("N")[..12],
            ["Drafting__DataDirectory"] = data.Path,
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
            ["Drafting__HubCallsPerSecond"] = "10000",
            ["Drafting__Redis"] = redis.Configuration,
        };
        await using var a = await ServerProcess.StartAsync(environment);
        await using var b = await ServerProcess.StartAsync(environment);
        var secretariat = a.Api();
        await secretariat.SignInAsync(SecretariatCode);
        var markdown = string.Join("\n\n", Enumerable.Range(1, 2 * ClientsPerNode).Select(i => $"{i}. Paragraph {i}."));
        var document = await secretariat.CreateDocumentAsync("Across nodes", DocumentKind.Recommendations, markdown);

        var clients = new List<NodeClient>();
        try
        {
            for (var i = 0; i < 2 * ClientsPerNode; i++)
            {
                var node = i < ClientsPerNode ? a : b;
                var member = await secretariat.CreateParticipantAsync($"Member {i}", $"Delegation {i}", Role.Member);
                clients.Add(await NodeClient.ConnectAsync(node, member.InviteCode, document.Id));
            }

            // Presence reaches across: a client on A lists every member, those on B included.
            var everyone = clients.Select(c => c.ParticipantId).ToHashSet();
            await clients[0].Hub.Presence.ForAsync(p => everyone.IsSubsetOf(p.Participants.Select(e => e.ParticipantId)), TimeSpan.FromSeconds(10));
            await clients[^1].Hub.Presence.ForAsync(p => everyone.IsSubsetOf(p.Participants.Select(e => e.ParticipantId)), TimeSpan.FromSeconds(10));

            // Each client edits its own paragraph, all at once, through its own node.
            await Task.WhenAll(clients.Select((c, i) => c.EditAsync(document.Id, document.Paragraphs[i], EditsEach)));
            var now = await secretariat.DocumentAsync(document.Id);
            Assert.Equal(document.Version + (2 * ClientsPerNode * EditsEach), now.Version);

            foreach (var client in clients)
            {
                await client.HeardUpToAsync(now.Version);
                Assert.Empty(client.Repeated);
                Assert.Equal(Enumerable.Range((int)client.JoinedAt + 1, (int)(now.Version - client.JoinedAt)).Select(v => (long)v), client.Applied);
                Assert.Equal(now.Paragraphs.Select(p => p.Text), client.Replica.Order.Select(id => client.Replica.Paragraphs[id].Text));
            }
            var fromB = b.Api(secretariat.Token);
            Assert.Equivalent(now, await fromB.DocumentAsync(document.Id), strict: true);

            // Follow the chair, across: the chair on B points, a member on A is taken there.
            var chair = await NodeClient.ConnectAsync(b, (await secretariat.CreateParticipantAsync("Chair", "Chair", Role.Chair)).InviteCode, document.Id);
            clients.Add(chair);
            await chair.Hub.FollowMeAsync(new FollowMeRequest(document.Id, document.Paragraphs[2].Id));
            var followed = await clients[0].Hub.Follow.ForAsync(f => f.ParagraphId == document.Paragraphs[2].Id, TimeSpan.FromSeconds(10));
            Assert.Equal(chair.ParticipantId, followed.By.ParticipantId);

            // Without Redis the nodes go on, and say so on /health.
            await redis.StopAsync();
            await Wait.UntilAsync(async () => await a.HealthAsync() == System.Net.HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
            Assert.False(a.HasExited || b.HasExited);

            output.WriteLine($"{clients.Count - 1} clients on 2 nodes, {2 * ClientsPerNode * EditsEach} edits; envelopes arriving ahead of an earlier one: " +
                $"{clients.Sum(c => c.Early)} (held until the gap filled, as PROTOCOL.md §3 lets a client)");
        }
        finally
        {
            foreach (var client in clients)
                await client.Hub.DisposeAsync();
        }
    }

    /// <summary>A member's client on one node: applies envelopes in version order, holding any that arrive ahead of a gap.</summary>
    private sealed class NodeClient
    {
        private readonly SortedDictionary<long, Envelope> ahead = [];

        private NodeClient(DraftingConnection hub, Guid participantId) => (Hub, ParticipantId) = (hub, participantId);

        public DraftingConnection Hub { get; }

        public Guid ParticipantId { get; }

        public long JoinedAt { get; private set; }

        public Replica Replica { get; private set; } = null!;

        public List<long> Applied { get; } = [];

        public List<long> Repeated { get; } = [];

        public int Early { get; private set; }

        public static async Task<NodeClient> ConnectAsync(ServerProcess node, string inviteCode, Guid documentId)
        {
            var api = node.Api();
            var participant = (await api.SignInAsync(inviteCode)).Participant;
            var hub = new DraftingConnection(node.Address, () => Task.FromResult(api.Token));
            await hub.StartAsync();
            var client = new NodeClient(hub, participant.Id);
            var joined = await hub.JoinDocumentAsync(new JoinDocumentRequest(documentId));
            (client.JoinedAt, client.Replica) = (joined.Version, Replica.From(joined.Document!));
            return client;
        }

        public async Task EditAsync(Guid documentId, ParagraphView paragraph, int edits)
        {
            var (text, revision) = (paragraph.Text, paragraph.Revision);
            for (var i = 1; i <= edits; i++)
            {
                var result = await Hub.EditParagraphAsync(new EditParagraphRequest(documentId, paragraph.Id, revision, $"{text} {i}"));
                Assert.Equal(Outcome.Applied, result.Outcome);
                (text, revision) = (result.Text, result.Revision);
            }
        }

        public async Task HeardUpToAsync(long version)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (Replica.Version < version)
            {
                var envelope = await Hub.Applied.ReadAsync(timeout.Token);
                if (envelope.Version <= Replica.Version || ahead.ContainsKey(envelope.Version) || Applied.Contains(envelope.Version))
                {
                    if (envelope.Version > JoinedAt)
                        Repeated.Add(envelope.Version);
                    continue;
                }
                if (envelope.Version > Replica.Version + 1)
                    Early++;
                ahead[envelope.Version] = envelope;
                while (ahead.Remove(Replica.Version + 1, out var next))
                {
                    Assert.True(Replica.Apply(next));
                    Applied.Add(next.Version);
                }
            }
        }
    }
}
