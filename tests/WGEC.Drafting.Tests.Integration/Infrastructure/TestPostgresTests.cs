using Npgsql;

namespace WGEC.Drafting.Tests.Infrastructure;

public sealed class TestPostgresTests
{
    [Fact]
    public async Task The_shared_cluster_is_started_once_and_accepts_connections()
    {
        var first = await TestPostgres.ConnectionStringAsync();
        var second = await TestPostgres.ConnectionStringAsync();

        Assert.Equal(first, second);
        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        Assert.StartsWith("PostgreSQL", (string?)await command.ExecuteScalarAsync());
    }
}
