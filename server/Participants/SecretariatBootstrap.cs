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
            return;
        }

        var codeFile = Path.Combine(storage.DataDirectory, "secretariat-invite-code");
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ServerSecret>(MarkerId, ct) is null)
        {
            code = InviteCodes.Generate();
            await directory.CreateAsync("Secretariat", "Secretariat", Role.Secretariat, code, ct);
            session.Insert(new ServerSecret { Id = MarkerId, Value = DateTimeOffset.UtcNow.ToString("O") });
            await session.SaveChangesAsync(ct);
            if (storage.Embedded)
                await KeepAsync(codeFile, code, ct);
            PrintWhenListening(code);
        }
        else if (storage.Embedded && File.Exists(codeFile))
        {
            PrintWhenListening((await File.ReadAllTextAsync(codeFile, ct)).Trim());
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

    private void PrintWhenListening(string code) =>
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            var link = $"{address.TrimEnd('/')}/join/{code}";
            Console.WriteLine($"WGEC.Drafting is ready at {address}");
            Console.WriteLine($"Secretariat sign-in: {link}");
            Console.WriteLine($"  (API: POST {address.TrimEnd('/')}/api/auth/token with {{ \"inviteCode\": \"{code}\" }})");
            log.LogInformation("Secretariat sign-in link printed to the console");
        });
}
