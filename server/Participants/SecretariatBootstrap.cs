using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Participants;

/// <summary>
/// At start: loads the token signing key and makes sure a secretariat can sign in — with the code
/// of <c>Drafting:SecretariatInviteCode</c>, or one created on first start and printed as a sign-in
/// link (at every start on the embedded default, a developer's machine; otherwise only the first time).
/// </summary>
public sealed class SecretariatBootstrap(
    IDocumentStore store,
    SigningKey signingKey,
    ParticipantDirectory directory,
    StorageInfo storage,
    IConfiguration config,
    IServer server,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<SecretariatBootstrap> log) : IHostedService
{
    private const string MarkerId = "secretariat-bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        await signingKey.LoadAsync(store, ct);
        var code = config["Drafting:SecretariatInviteCode"];
        if (!string.IsNullOrWhiteSpace(code))
        {
            if (await directory.FindByInviteCodeAsync(code, ct) is null)
                await directory.CreateAsync("Secretariat", "Secretariat", Role.Secretariat, code, ct);
            PrintWhenListening(null);
            return;
        }

        var codeFile = Path.Combine(storage.DataDirectory, "secretariat-invite-code");
        if (await CreateFirstSecretariatAsync(ct) is { } created)
        {
            if (storage.Embedded)
                await KeepAsync(codeFile, created, ct);
            PrintWhenListening(created);
        }
        else
        {
            PrintWhenListening(storage.Embedded && File.Exists(codeFile) ? (await File.ReadAllTextAsync(codeFile, ct)).Trim() : null);
        }
    }

    /// <summary>
    /// The first start of a database creates the secretariat and a marker in one transaction, so two
    /// nodes starting together create one secretariat between them; null when it already exists.
    /// </summary>
    private async Task<string?> CreateFirstSecretariatAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ServerSecret>(MarkerId, ct) is not null)
            return null;
        var code = InviteCodes.Generate();
        session.Insert(ParticipantRecord.New("Secretariat", "Secretariat", Role.Secretariat, code, clock.GetUtcNow()));
        session.Insert(new ServerSecret { Id = MarkerId, Value = clock.GetUtcNow().ToString("O") });
        try
        {
            await session.SaveChangesAsync(ct);
            return code;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return null;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task KeepAsync(string path, string code, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, code + "\n", ct);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Prints the sign-in link, when there is one to print, then that the server is ready and where.</summary>
    private void PrintWhenListening(string? code) =>
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000").TrimEnd('/');
            if (code is not null)
            {
                Console.WriteLine($"Secretariat sign-in: {address}/join/{code}");
                Console.WriteLine($"  (API: POST {address}/api/auth/token with {{ \"inviteCode\": \"{code}\" }})");
                log.LogInformation("Secretariat sign-in link printed to the console");
            }
            Console.WriteLine($"WGEC.Drafting is ready at {address}");
        });
}
