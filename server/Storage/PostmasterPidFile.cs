using System.Globalization;

namespace WGEC.Drafting.Storage;

/// <summary>The cluster's <c>postmaster.pid</c>: present while a server runs (or after one was killed).</summary>
internal static class PostmasterPidFile
{
    public static string PathIn(string clusterDirectory) => Path.Combine(clusterDirectory, "postmaster.pid");

    public static int? ReadPid(string clusterDirectory)
    {
        try
        {
            var firstLine = File.ReadLines(PathIn(clusterDirectory)).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A killed postmaster can linger as a zombie when the machine's init does not reap orphans (as in
    /// some containers): kill(pid, 0) still succeeds, so pg_ctl and postgres take it for a live server.
    /// </summary>
    public static bool IsZombie(int pid)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // "pid (comm) S ...": the state follows the last parenthesis.
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
