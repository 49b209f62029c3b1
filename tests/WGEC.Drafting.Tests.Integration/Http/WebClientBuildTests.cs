using System.Diagnostics;

namespace WGEC.Drafting.Tests.Http;

/// <summary>
/// The server's build builds the web client with Node.js; without it the build must stop with one
/// line that says what is missing, not with a shell's "command not found" buried in MSBuild output.
/// </summary>
public sealed class WebClientBuildTests
{
    [Fact]
    public async Task Building_the_server_without_node_on_PATH_fails_with_one_line_saying_what_to_install()
    {
        using var bin = new TemporaryBin("sh", "dotnet"); // a PATH with a shell and the SDK, and no node or npm
        var project = Path.Combine(RepositoryRoot(), "server", "WGEC.Drafting.Server.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "msbuild", project, "-t:RequireNode", "-nologo", "-v:quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PATH"] = bin.Folder, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        };
        start.FileName = bin.Path("dotnet");

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        var errors = output.Split('\n').Where(line => line.Contains("error", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("needs Node.js 20+ and npm on PATH", error, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WGEC.Drafting.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("WGEC.Drafting.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A folder of links to a few programs found on the current PATH.</summary>
    private sealed class TemporaryBin : IDisposable
    {
        public TemporaryBin(params string[] programs)
        {
            Folder = Directory.CreateTempSubdirectory("wgec-bin-").FullName;
            foreach (var program in programs)
                File.CreateSymbolicLink(Path(program), Which(program));
        }

        public string Folder { get; }

        public string Path(string program) => System.IO.Path.Combine(Folder, program);

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private static string Which(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .Select(dir => new FileInfo(System.IO.Path.Combine(dir, program)))
                .Where(file => file.Exists)
                .Select(file => file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)!.FullName)
                .FirstOrDefault() ?? throw new InvalidOperationException($"{program} is not on PATH");
    }
}
