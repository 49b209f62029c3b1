using Npgsql;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Tests.Storage;

public sealed class DatabaseDownTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    [InlineData("53300")] // too many connections
    public void Connection_level_server_errors_mean_unavailable(string sqlState) =>
        Assert.True(DocumentStreams.IsDatabaseDown(Wrapped(new PostgresException("down", "FATAL", "FATAL", sqlState))));

    [Theory]
    [InlineData("22P02")] // invalid text representation: a query bug
    [InlineData("42P01")] // undefined table
    [InlineData("23505")] // unique violation
    public void Rejected_statements_are_bugs_not_outages(string sqlState) =>
        Assert.False(DocumentStreams.IsDatabaseDown(Wrapped(new PostgresException("bug", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void An_unreachable_server_means_unavailable() =>
        Assert.True(DocumentStreams.IsDatabaseDown(Wrapped(new NpgsqlException("Failed to connect to 127.0.0.1:5432"))));

    private static InvalidOperationException Wrapped(Exception inner) => new("Marten command failure", inner);
}
