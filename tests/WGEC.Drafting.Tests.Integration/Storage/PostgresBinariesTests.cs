using WGEC.Drafting.Storage;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Storage;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly TemporaryFolder root = TemporaryFolder.Create();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task The_highest_installed_version_with_server_tools_is_chosen()
    {
        FakeInstall("9.6", "initdb", "pg_ctl");
        FakeInstall("15", "initdb", "pg_ctl");
        FakeInstall("12", "initdb", "pg_ctl");
        FakeInstall("16", "initdb");

        var binaries = await PostgresBinaries.LocateAsync(null, root.Path, searchPath: "", CancellationToken.None);

        Assert.Equal(Path.Combine(root.Path, "15", "bin"), binaries.BinDirectory);
    }

    [Fact]
    public async Task Nothing_installed_gives_the_one_line_advice()
    {
        var error = await Assert.ThrowsAsync<PostgresNotInstalledException>(
            () => PostgresBinaries.LocateAsync(null, root.Path, searchPath: root.Path, CancellationToken.None));

        Assert.Equal(
            "PostgreSQL server binaries not found: install them (e.g. 'apt-get install postgresql') "
            + "or set ConnectionStrings:Drafting to an existing database.",
            error.Message);
    }

    private void FakeInstall(string version, params string[] tools)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, version, "bin")).FullName;
        foreach (var tool in tools)
            File.WriteAllText(Path.Combine(bin, tool), "");
    }
}
