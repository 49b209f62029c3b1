using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace WGEC.Drafting.Storage;

/// <summary>
/// Creates the cluster on first start. initdb works in a staging folder that is renamed into place
/// only once complete, so an interrupted first start never leaves a half-made cluster behind.
/// </summary>
internal sealed class ClusterInitializer(
    ClusterTools tools, string clusterDirectory, string passwordFile, string superUser, ILogger logger)
{
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
        {
            if (!File.Exists(passwordFile))
                throw new InvalidOperationException($"The cluster {clusterDirectory} exists but its password file {passwordFile} is missing.");
            return;
        }
        if (Directory.Exists(clusterDirectory) && Directory.EnumerateFileSystemEntries(clusterDirectory).Any())
            throw new InvalidOperationException($"{clusterDirectory} is not empty and is not a PostgreSQL cluster: move it away.");

        var staging = clusterDirectory + ".init";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        CreatePrivateFolder(staging);
        await tools.HandOverAsync(staging, ct);
        EnsurePasswordFile();
        await tools.HandOverAsync(passwordFile, ct);

        logger.LogInformation("Creating embedded PostgreSQL cluster in {Cluster}", clusterDirectory);
        var result = await tools.InitDbAsync(
        [
            "-D", staging,
            "-U", superUser,
            $"--pwfile={passwordFile}",
            // Password (scram) for every connection, TCP and socket alike: never trust.
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            // C collation: ordinal (code point) order, identical on every machine.
            "--locale=C",
            "--data-checksums",
            "--no-instructions",
        ], ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"initdb failed for {clusterDirectory} (exit {result.ExitCode}): {result.Output}");

        if (Directory.Exists(clusterDirectory))
            Directory.Delete(clusterDirectory);
        Directory.Move(staging, clusterDirectory);
    }

    // The password is made once and kept: later starts of the same cluster read it back.
    private void EnsurePasswordFile()
    {
        if (File.Exists(passwordFile))
            return;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(passwordFile, options);
        writer.WriteLine(RandomNumberGenerator.GetHexString(40, lowercase: true));
    }

    private static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
