using System.Diagnostics;
using System.Globalization;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Storage;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// The README's backup and restore of the embedded cluster, command for command: <c>pg_dump</c> while the
/// server runs, then <c>pg_restore</c> into a new server's cluster and a restart; it comes back with everything
/// as it was at the dump: documents, participants, invite codes and the tokens it had issued.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string SecretariatCode = "backup-test-secretariat-code";

    [Fact]
    public async Task A_dump_of_the_running_embedded_cluster_restores_on_another_machine_as_it_was()
    {
        using var first = TemporaryFolder.Create();
        using var second = TemporaryFolder.Create();
        using var backups = TemporaryFolder.Create();
        var dump = Path.Combine(backups.Path, "drafting.dump");
        var bin = (await PostgresBinaries.LocateAsync(null, CancellationToken.None)).BinDirectory;
        var (firstPort, secondPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());

        DocumentView atDump;
        string memberCode, token;
        await using (var server = await ServerProcess.StartAsync(Environment(first.Path, firstPort)))
        {
            var secretariat = server.Api();
            token = (await secretariat.SignInAsync(SecretariatCode)).Token;
            memberCode = (await secretariat.CreateParticipantAsync("Ana", "Brazil", Role.Member)).InviteCode;
            var document = await secretariat.CreateDocumentAsync("Kept safe", DocumentKind.Recommendations, "1. Recommends [action];\n\n2. Invites all.");
            await using var hub = new DraftingConnection(server.Address, () => Task.FromResult(secretariat.Token));
            await hub.StartAsync();
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[1].Id, document.Paragraphs[1].Revision, "Invites all Member States."));
            atDump = await secretariat.DocumentAsync(document.Id);

            // The README's backup: a consistent dump while the server runs.
            await RunAsync(Path.Combine(bin, "pg_dump"), first.Path,
                "-h", "127.0.0.1", "-p", Port(firstPort), "-U", "postgres", "-d", EmbeddedPostgres.DatabaseName, "-Fc", "-f", dump);
            await hub.EditParagraphAsync(new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "After the backup."));
            await server.StopAsync();
        }

        // Another machine: a first start makes its cluster; the README's restore goes into it, then a restart reads it.
        await using (var fresh = await ServerProcess.StartAsync(Environment(second.Path, secondPort)))
        {
            await RunAsync(Path.Combine(bin, "pg_restore"), second.Path,
                "-h", "127.0.0.1", "-p", Port(secondPort), "-U", "postgres", "-d", EmbeddedPostgres.DatabaseName, "--clean", "--if-exists", "--single-transaction", dump);
            await fresh.StopAsync();
        }

        await using var restored = await ServerProcess.StartAsync(Environment(second.Path, secondPort));
        var api = restored.Api(token); // issued before the backup
        Assert.Equivalent(atDump, await api.DocumentAsync(atDump.Id), strict: true);
        Assert.Equal(atDump.Version, Assert.Single(await api.EventsAsync(atDump.Id, atDump.Version - 1)).Version);
        Assert.Equal(Role.Member, (await restored.Api().SignInAsync(memberCode)).Participant.Role);
    }

    private static Dictionary<string, string> Environment(string data, int postgresPort) => new()
    {
        ["Drafting__DataDirectory"] = data,
        ["Drafting__PostgresPort"] = Port(postgresPort),
        ["Drafting__SecretariatInviteCode"] = SecretariatCode,
    };

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs a PostgreSQL tool with the cluster's password file, as the README says; fails with what it printed.</summary>
    private static async Task RunAsync(string tool, string dataDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "postgres.password"))).Trim();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}{await errors}");
    }
}
