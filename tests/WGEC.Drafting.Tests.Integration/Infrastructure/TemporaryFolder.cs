using System.Diagnostics;
using System.Globalization;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>
/// A throwaway folder for a test cluster. It lives under /var/tmp, not under the temp folder of a
/// root process's home: when tests run as root, the postgres user the cluster runs as must be able
/// to traverse to it. The owning process id is in the name so leftovers of killed runs can be found.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    private const string Prefix = "wgec-tests-";

    private TemporaryFolder(string path) => Path = path;

    public string Path { get; }

    public static TemporaryFolder Create()
    {
        var name = $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}";
        var path = System.IO.Path.Combine(Root, name);
        const UnixFileMode traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, traversable);
        return new TemporaryFolder(path);
    }

    /// <summary>Folders of test processes that are gone (killed runs), which may still hold a running cluster.</summary>
    public static IEnumerable<string> Leftovers() =>
        Directory.EnumerateDirectories(Root, Prefix + "*").Where(folder => !OwnerIsAlive(folder));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string Root => Directory.Exists("/var/tmp") ? "/var/tmp" : System.IO.Path.GetTempPath();

    private static bool OwnerIsAlive(string folder)
    {
        var pid = System.IO.Path.GetFileName(folder)[Prefix.Length..].Split('-')[0];
        if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return true;
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
