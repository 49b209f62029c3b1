using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// The real server on a loopback port (Kestrel, real sockets) against real PostgreSQL, with a
/// schema of its own: one per test class (xunit class fixture), so classes never see each other's data.
/// Derive and override <see cref="Settings"/> for a class that needs other configuration.
/// </summary>
public class DraftingApp : IAsyncLifetime
{
    public const string SecretariatCode = "secretariat-test-invite-code";

    private WebApplicationFactory<Program>? factory;
    private string? connectionString;
    private readonly string dataDirectory;
    private readonly bool ownsDataDirectory;

    public DraftingApp()
        : this("t_" + Guid.NewGuid().ToString("N")[..16], Path.Combine(Path.GetTempPath(), "wgec-app-" + Guid.NewGuid().ToString("N")[..8]), owned: true)
    {
    }

    /// <summary>An app on a given schema and data folder, e.g. a second start of the same server; the folder is left in place.</summary>
    protected DraftingApp(string schema, string dataDirectory)
        : this(schema, dataDirectory, owned: false)
    {
    }

    private DraftingApp(string schema, string dataDirectory, bool owned) =>
        (Schema, this.dataDirectory, ownsDataDirectory) = (schema, dataDirectory, owned);

    public string Schema { get; }

    /// <summary>The server's address, fixed at the first start: a restart listens on the same port.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("the app is stopped");

    /// <summary>Extra configuration for this app, e.g. a shorter token lifetime.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The database this app uses: the shared test cluster unless a class needs one of its own (e.g. to stop it).</summary>
    protected virtual Task<string> ConnectionStringAsync() => TestPostgres.ConnectionStringAsync();

    public Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Starts the server: the first time on a free loopback port, after <see cref="StopAsync"/> on the
    /// same port, schema, data folder and settings, so clients (a browser page keeps its origin) find it again.
    /// </summary>
    public async Task StartAsync()
    {
        if (factory is not null)
            throw new InvalidOperationException("the app is already running");
        connectionString ??= await ConnectionStringAsync();
        var port = BaseAddress?.Port ?? 0;
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Drafting", connectionString);
            web.UseSetting("Drafting:Schema", Schema);
            web.UseSetting("Drafting:SecretariatInviteCode", SecretariatCode);
            web.UseSetting("Drafting:DataDirectory", dataDirectory);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in Settings)
                web.UseSetting(key, value);
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// Stops the server as a shutdown does (its host disposed, every connection closed) and keeps its
    /// port, schema and data for <see cref="StartAsync"/>. The database is left as it is.
    /// </summary>
    public async Task StopAsync()
    {
        if (factory is null)
            return;
        var running = factory;
        factory = null;
        await running.DisposeAsync();
    }

    /// <summary><see cref="StopAsync"/>, then <see cref="StartAsync"/> on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        if (ownsDataDirectory && Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }

    public DraftingApi Api(string? token = null) => new(new HttpClient { BaseAddress = BaseAddress }) { Token = token };

    public async Task<Participant> SecretariatAsync()
    {
        var api = Api();
        var signedIn = await api.SignInAsync(SecretariatCode);
        return new Participant(this, signedIn.Participant, api, SecretariatCode);
    }

    /// <summary>Invites a participant through the secretariat's API and signs them in.</summary>
    public async Task<Participant> JoinAsync(Role role, string? name = null, string? delegation = null)
    {
        var secretariat = await SecretariatAsync();
        var created = await secretariat.Api.CreateParticipantAsync(
            name ?? $"{role} {Guid.NewGuid().ToString("N")[..4]}", delegation ?? DefaultDelegation(role), role);
        var api = Api();
        var signedIn = await api.SignInAsync(created.InviteCode);
        return new Participant(this, signedIn.Participant, api, created.InviteCode);
    }

    private static string DefaultDelegation(Role role) => role switch
    {
        Role.Chair => "Chair",
        Role.Observer => "Observer State",
        Role.Secretariat => "UNCTAD",
        _ => "Brazil",
    };
}

/// <summary>A signed-in participant: their REST client and a way to open hub connections as them.</summary>
public sealed record Participant(DraftingApp App, ParticipantView View, DraftingApi Api, string InviteCode)
{
    public Guid Id => View.Id;

    public async Task<DraftingConnection> ConnectAsync(HttpTransportType transport = HttpTransportType.WebSockets)
    {
        var connection = new DraftingConnection(App.BaseAddress, () => Task.FromResult(Api.Token), transport);
        await connection.StartAsync();
        return connection;
    }
}
