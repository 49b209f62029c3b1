using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WGEC.Drafting.Storage;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Storage;

public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly TemporaryFolder root = TemporaryFolder.Create();

    // A missing parent and spaces in the path, as a real install may have.
    private string DataDirectory => Path.Combine(root.Path, "missing parent", "data dir");

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Start_gives_a_password_protected_durable_database()
    {
        await using var postgres = NewPostgres();

        var connectionString = await postgres.StartAsync();

        Assert.Equal("on", await QueryAsync(connectionString, "SHOW fsync"));
        Assert.Equal("on", await QueryAsync(connectionString, "SHOW synchronous_commit"));
        Assert.Equal(EmbeddedPostgres.DatabaseName, await QueryAsync(connectionString, "SELECT current_database()"));
        Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(connectionString).Host);
        await ExecuteAsync(connectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('Recalling')");
        Assert.Equal("Recalling", await QueryAsync(connectionString, "SELECT text FROM notes"));

        var wrongPassword = new NpgsqlConnectionStringBuilder(connectionString) { Password = "wrong" };
        await Assert.ThrowsAsync<PostgresException>(() => QueryAsync(wrongPassword.ConnectionString, "SELECT 1"));
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(DataDirectory, "postgres.password")));
            Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(DataDirectory, "postgres")));
        }
    }

    [Fact]
    public async Task Start_is_idempotent_and_safe_to_call_concurrently()
    {
        await using var postgres = NewPostgres();

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => postgres.StartAsync()));
        var again = await postgres.StartAsync();

        Assert.Single(all.Append(again).Distinct());
        Assert.Equal(again, postgres.ConnectionString);
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_new_start_on_the_same_folder()
    {
        await using (var first = NewPostgres())
        {
            var connectionString = await first.StartAsync();
            await ExecuteAsync(connectionString, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('Recommends')");
            await first.StopAsync();
            Assert.Null(first.ConnectionString);
            await first.StopAsync();
        }

        await using var second = NewPostgres();
        var restarted = await second.StartAsync();

        Assert.Equal("Recommends", await QueryAsync(restarted, "SELECT text FROM notes"));
    }

    [Fact]
    public async Task A_server_left_running_on_the_folder_is_taken_over()
    {
        var abandoned = NewPostgres();
        var abandonedConnection = await abandoned.StartAsync();
        await ExecuteAsync(abandonedConnection, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('bis')");

        await using var successor = NewPostgres();
        var connectionString = await successor.StartAsync();

        Assert.Equal("bis", await QueryAsync(connectionString, "SELECT text FROM notes"));
        // The abandoned instance must not stop the server that is no longer its own.
        await abandoned.DisposeAsync();
        Assert.Equal("bis", await QueryAsync(connectionString, "SELECT text FROM notes"));
    }

    [Fact]
    public async Task A_stale_pid_file_of_a_dead_server_does_not_prevent_a_start()
    {
        var pidFile = Path.Combine(DataDirectory, "postgres", "postmaster.pid");
        await using var postgres = NewPostgres();
        await postgres.StartAsync();
        var deadServersPidFile = await File.ReadAllTextAsync(pidFile);
        await postgres.StopAsync();
        await File.WriteAllTextAsync(pidFile, deadServersPidFile);

        var connectionString = await postgres.StartAsync();

        Assert.Equal("1", await QueryAsync(connectionString, "SELECT 1::text"));
    }

    [Fact]
    public async Task Missing_binaries_give_one_line_saying_what_to_do()
    {
        var emptyBin = Directory.CreateDirectory(Path.Combine(root.Path, "bin")).FullName;
        await using var postgres = new EmbeddedPostgres(
            new EmbeddedPostgresOptions { DataDirectory = DataDirectory, BinDirectory = emptyBin },
            NullLogger<EmbeddedPostgres>.Instance);

        var error = await Assert.ThrowsAsync<PostgresNotInstalledException>(() => postgres.StartAsync());

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(emptyBin, error.Message);
        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("ConnectionStrings:Drafting", error.Message);
        Assert.Null(postgres.ConnectionString);
    }

    [Fact]
    public void Default_data_directory_survives_restarts_and_is_reachable_by_the_postgres_user()
    {
        var folder = EmbeddedPostgres.DefaultDataDirectory();

        Assert.True(Path.IsPathFullyQualified(folder));
        Assert.False(folder.StartsWith(Path.GetTempPath(), StringComparison.Ordinal), folder);
        Assert.False(folder.StartsWith("/tmp/", StringComparison.Ordinal), folder);
        if (Environment.UserName == "root")
        {
            Assert.False(folder.StartsWith("/root", StringComparison.Ordinal), folder);
            Assert.Equal("/var/lib/wgec-drafting", folder);
        }
    }

    private EmbeddedPostgres NewPostgres() =>
        new(new EmbeddedPostgresOptions { DataDirectory = DataDirectory }, NullLogger<EmbeddedPostgres>.Instance);

    private static async Task<string?> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
