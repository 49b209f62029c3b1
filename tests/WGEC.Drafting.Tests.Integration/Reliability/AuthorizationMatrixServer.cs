using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>A caller of the matrix: who they are, the token they send (none, expired or revoked for the last three columns), their hub connection.</summary>
public sealed record MatrixCaller(Caller Column, Role Role, string Delegation, string InviteCode, string? Token, DraftingConnection? Connection)
{
    public DraftingConnection Hub => Connection ?? throw new InvalidOperationException($"{MatrixRows.Name(Column)} has no hub connection");

    public override string ToString() => MatrixRows.Name(Column);
}

/// <summary>
/// The server the matrix runs against, and one caller per column. Two nodes share one database and so one
/// token signing key: the main one, and one whose tokens live two seconds, which issues the expired token;
/// the main node then sees a token it would accept, expired. A high hub rate limit: the matrix makes many calls.
/// </summary>
public sealed class AuthorizationMatrixServer : IAsyncLifetime
{
    public static readonly TimeSpan ShortTokenLifetime = TimeSpan.FromSeconds(2);

    private readonly TemporaryFolder data = TemporaryFolder.Create();
    private readonly Dictionary<string, DraftingConnection> delegations = [];
    private readonly List<DraftingConnection> connections = [];
    private readonly Dictionary<Caller, MatrixCaller> callers = [];

    public AuthorizationMatrixServer()
    {
        var schema = "m_" + Guid.NewGuid().ToString("N")[..16];
        Main = new Node(schema, data.Path, new() { ["Drafting:HubCallsPerSecond"] = "100000" });
        ShortTokens = new Node(schema, data.Path, new() { ["Drafting:TokenLifetime"] = ShortTokenLifetime.ToString() });
    }

    public sealed class Node(string schema, string dataDirectory, Dictionary<string, string> settings) : DraftingApp(schema, dataDirectory)
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }

    public Node Main { get; }

    public Node ShortTokens { get; }

    /// <summary>Plain HTTP to the main node: no default token, the caller's is set on each request.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The built-in secretariat, who sets up what each call needs.</summary>
    public Participant Admin { get; private set; } = null!;

    public DraftingConnection AdminHub { get; private set; } = null!;

    public MatrixCaller this[Caller column] => callers[column];

    public async Task InitializeAsync()
    {
        await Main.InitializeAsync();
        await ShortTokens.InitializeAsync();
        Http = new HttpClient { BaseAddress = Main.BaseAddress };
        Admin = await Main.SecretariatAsync();
        AdminHub = await ConnectAsync(Admin);

        foreach (var (column, role) in new[] { (Caller.Secretariat, Role.Secretariat), (Caller.Chair, Role.Chair), (Caller.Member, Role.Member), (Caller.Observer, Role.Observer) })
        {
            var participant = await Main.JoinAsync(role);
            callers[column] = new MatrixCaller(column, role, participant.View.Delegation, participant.InviteCode, participant.Api.Token, await ConnectAsync(participant));
        }

        // The last three are of the secretariat, who may do everything: only the credential can be why they are refused.
        var unsigned = await Main.JoinAsync(Role.Secretariat);
        callers[Caller.NoToken] = new MatrixCaller(Caller.NoToken, Role.Secretariat, unsigned.View.Delegation, unsigned.InviteCode, null, null);

        var revoked = await Main.JoinAsync(Role.Secretariat);
        await Admin.Api.RevokeAsync(revoked.Id);
        callers[Caller.RevokedParticipant] = new MatrixCaller(Caller.RevokedParticipant, Role.Secretariat, revoked.View.Delegation, revoked.InviteCode, revoked.Api.Token, null);

        var expiring = await Main.JoinAsync(Role.Secretariat);
        var (token, expiresAt) = await ShortLivedTokenAsync(expiring.InviteCode);
        callers[Caller.ExpiredToken] = new MatrixCaller(Caller.ExpiredToken, Role.Secretariat, expiring.View.Delegation, expiring.InviteCode, token, null);
        // The one wait of the class: until that token has expired (the expiry is in whole seconds, the check is exact).
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
    }

    /// <summary>A token from the short-lived node that the main node accepts, proved by using it once there.</summary>
    private async Task<(string Token, DateTimeOffset ExpiresAt)> ShortLivedTokenAsync(string inviteCode)
    {
        (string Token, DateTimeOffset ExpiresAt) issued = default;
        await Wait.UntilAsync(async () =>
        {
            var signedIn = await ShortTokens.Api().SignInAsync(inviteCode);
            Assert.InRange(signedIn.ExpiresAt, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + ShortTokenLifetime);
            issued = (signedIn.Token, signedIn.ExpiresAt);
            using var answer = await Http.GetAsync("api/documents", signedIn.Token);
            // The issue can fall just before a whole second, leaving it only milliseconds to live: then take another.
            return answer.StatusCode == HttpStatusCode.OK;
        });
        return issued;
    }

    /// <summary>A hub connection of a member of <paramref name="delegation"/>, e.g. to table that delegation's proposal.</summary>
    public async Task<DraftingConnection> DelegationAsync(string delegation)
    {
        if (!delegations.TryGetValue(delegation, out var connection))
            delegations[delegation] = connection = await ConnectAsync(await Main.JoinAsync(Role.Member, delegation: delegation));
        return connection;
    }

    /// <summary>
    /// Everything a refused call could have changed: every document and questionnaire and its version, every participant, their role
    /// and whether they are active. Nothing else writes to this schema while a test of the class runs.
    /// </summary>
    public async Task<string> FootprintAsync()
    {
        var documents = await Admin.Api.DocumentsAsync();
        var questionnaires = await Admin.Api.ListQuestionnairesAsync();
        var participants = await Main.Services.GetRequiredService<ParticipantDirectory>().ListAsync();
        return string.Join('\n', documents.OrderBy(d => d.Id).Select(d => $"document {d.Id} v{d.Version}")
            .Concat(questionnaires.OrderBy(q => q.Id).Select(q => $"questionnaire {q.Id} v{q.Version}"))
            .Concat(participants.OrderBy(p => p.Id).Select(p => $"participant {p.Id} {p.Role} {(p.IsActive ? "active" : "revoked")}")));
    }

    /// <summary>Nothing changed since <paramref name="before"/> (a <see cref="FootprintAsync"/>); the failure names what did.</summary>
    public async Task AssertUnchangedAsync(string before)
    {
        var after = await FootprintAsync();
        var (was, now) = (before.Split('\n'), after.Split('\n'));
        var changes = was.Except(now).Select(line => "- " + line).Concat(now.Except(was).Select(line => "+ " + line)).ToList();
        Assert.True(changes.Count == 0, "a refused call changed the server:\n    " + string.Join("\n    ", changes));
    }

    private async Task<DraftingConnection> ConnectAsync(Participant participant)
    {
        var connection = await participant.ConnectAsync();
        connections.Add(connection);
        return connection;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in connections)
            await connection.DisposeAsync();
        Http?.Dispose();
        await ShortTokens.DisposeAsync();
        await Main.DisposeAsync();
        data.Dispose();
    }
}
