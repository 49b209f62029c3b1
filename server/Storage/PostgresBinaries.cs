namespace WGEC.Drafting.Storage;

/// <summary>The folder of the PostgreSQL server tools (<c>initdb</c>, <c>pg_ctl</c>) used to run the cluster.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    internal const string NotFoundAdvice =
        "install them (e.g. 'apt-get install postgresql') or set ConnectionStrings:Drafting to an existing database.";

    private const string DebianVersionsRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(BinDirectory, Executable("initdb"));

    public string PgCtl => Path.Combine(BinDirectory, Executable("pg_ctl"));

    public static Task<PostgresBinaries> LocateAsync(string? binDirectory, CancellationToken ct) =>
        LocateAsync(binDirectory, DebianVersionsRoot, Environment.GetEnvironmentVariable("PATH"), ct);

    /// <summary>
    /// An explicit folder is authoritative. Otherwise: the highest version under the Debian layout
    /// (<c>/usr/lib/postgresql/N/bin</c>), then <c>pg_config --bindir</c>, then <c>initdb</c> on PATH.
    /// </summary>
    internal static async Task<PostgresBinaries> LocateAsync(
        string? binDirectory, string versionsRoot, string? searchPath, CancellationToken ct)
    {
        if (binDirectory is not null)
        {
            return HasServerTools(binDirectory)
                ? new PostgresBinaries(Path.GetFullPath(binDirectory))
                : throw new PostgresNotInstalledException(
                    $"PostgreSQL server binaries (initdb, pg_ctl) not found in '{binDirectory}': fix that folder, {NotFoundAdvice}");
        }

        var found = FromVersionedFolders(versionsRoot)
            ?? await FromPgConfigAsync(searchPath, ct)
            ?? FromSearchPath(searchPath);
        return found is not null
            ? new PostgresBinaries(found)
            : throw new PostgresNotInstalledException($"PostgreSQL server binaries not found: {NotFoundAdvice}");
    }

    private static string? FromVersionedFolders(string versionsRoot)
    {
        if (!Directory.Exists(versionsRoot))
            return null;
        return Directory.EnumerateDirectories(versionsRoot)
            .Select(folder => (Version: ParseVersion(Path.GetFileName(folder)), Bin: Path.Combine(folder, "bin")))
            .Where(candidate => candidate.Version is not null && HasServerTools(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static async Task<string?> FromPgConfigAsync(string? searchPath, CancellationToken ct)
    {
        var pgConfig = FindOnSearchPath("pg_config", searchPath);
        if (pgConfig is null)
            return null;
        try
        {
            var result = await ChildProcess.RunAsync(pgConfig, ["--bindir"], Path.GetTempPath(), ct);
            var bin = result.Output.Trim();
            return result.ExitCode == 0 && HasServerTools(bin) ? bin : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // initdb on PATH is often a symlink (e.g. /usr/local/bin/initdb): use the folder it points into.
    private static string? FromSearchPath(string? searchPath)
    {
        var initdb = FindOnSearchPath("initdb", searchPath);
        if (initdb is null)
            return null;
        var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
        var bin = Path.GetDirectoryName(target);
        return bin is not null && HasServerTools(bin) ? bin : null;
    }

    private static string? FindOnSearchPath(string tool, string? searchPath) =>
        (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, Executable(tool)))
            .FirstOrDefault(File.Exists);

    private static bool HasServerTools(string folder) =>
        File.Exists(Path.Combine(folder, Executable("initdb")))
        && File.Exists(Path.Combine(folder, Executable("pg_ctl")));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;

    private static string Executable(string name) => OperatingSystem.IsWindows() ? name + ".exe" : name;
}
