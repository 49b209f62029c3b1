using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using WGEC.Drafting.Collaboration;

namespace WGEC.Drafting.Load;

/// <summary>
/// The two floors an edit stands on, measured on the same database and server process: a bare
/// single-row INSERT + commit (an edit's durable append is at least that), and a bare SignalR round trip.
/// </summary>
public static class Baselines
{
    public static async Task<(Samples Inserts, double ConcurrentPerSecond)> InsertAsync(string connectionString, int writers)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        // Its own schema, so the server's tables are never touched.
        await using (var create = source.CreateCommand(
            "create schema if not exists load_baseline; create table if not exists load_baseline.scratch (id bigserial primary key, at timestamptz not null, payload text not null)"))
            await create.ExecuteNonQueryAsync();

        var samples = new Samples("insert");
        await using (var connection = await source.OpenConnectionAsync())
        {
            for (var i = 0; i < 550; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await InsertOneAsync(connection);
                if (i >= 50) // the first ones warm the connection and the plan
                    samples.Add(Samples.Ms(start, Stopwatch.GetTimestamp()));
            }
        }

        var count = 0L;
        var stopAt = Stopwatch.GetTimestamp() + (3 * Stopwatch.Frequency);
        var begun = Stopwatch.GetTimestamp();
        // At most 40 connections: PostgreSQL allows 100 and the server holds its own pool; on two cores
        // the throughput has long stopped growing by then.
        await Task.WhenAll(Enumerable.Range(0, Math.Clamp(writers, 1, MaxWriters)).Select(async _ =>
        {
            await using var connection = await source.OpenConnectionAsync();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await InsertOneAsync(connection);
                Interlocked.Increment(ref count);
            }
        }));
        return (samples, count / (Samples.Ms(begun, Stopwatch.GetTimestamp()) / 1000));
    }

    public const int MaxWriters = 40;

    private static async Task InsertOneAsync(NpgsqlConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("insert into load_baseline.scratch (at, payload) values (now(), $1)", connection, transaction);
        insert.Parameters.AddWithValue("a paragraph's worth of text, about as long as an edit sends");
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public static async Task<Samples> EchoAsync(Uri server)
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server, EchoHub.Path.TrimStart('/'))).Build();
        await hub.StartAsync();
        var samples = new Samples("echo");
        for (var i = 0; i < 230; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await hub.InvokeAsync<string>("Echo", "ping");
            if (i >= 30)
                samples.Add(Samples.Ms(start, Stopwatch.GetTimestamp()));
            // Paced under the server's per-connection limit of hub calls (Drafting:HubCallsPerSecond, 50).
            await Task.Delay(25);
        }
        return samples;
    }
}
