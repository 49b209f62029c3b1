using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Storage;

namespace WGEC.Drafting.Load;

/// <summary>
/// <c>--history N</c>: a document with an N-event history, then reads of it at random versions over REST
/// against the bare floor (the nearest snapshot row and the events after it, read with Npgsql and parsed).
/// The document is created over REST; its edits are appended straight to its Marten stream with the
/// server's own store registration (<see cref="StorageExtensions.AddDraftingStorage"/>), so the inline
/// read model commits with them and the stream is the one the server would have written.
/// </summary>
public static class HistoryRun
{
    /// <summary>The server's schema when Drafting:Schema is not set (the tool never sets it).</summary>
    private const string Schema = "drafting";
    private const int Batch = 1000;
    private const int Reads = 200;

    public static async Task<int> RunAsync(int history, Target target, Participant secretariat, Cast cast)
    {
        if (target.ConnectionString is not { } database)
        {
            Console.WriteLine("--history needs the server's database: let the tool start the server, or give --database");
            return 2;
        }
        var markdown = await File.ReadAllTextAsync(SamplesFolder.Find("recommendations.md"));
        var document = await secretariat.Api.CreateDocumentAsync("History", DocumentKind.Recommendations, markdown);
        var paragraphs = document.Paragraphs.Where(p => p.Text.Length > 0).ToArray();
        var editors = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            secretariat.Api.CreateParticipantAsync($"History editor {i + 1}", $"Delegation {i + 1}", Role.Member)));
        var actors = editors.Select(e => new Actor(e.Participant.Id, e.Participant.Name, e.Participant.Delegation, e.Participant.Role)).ToArray();

        // (1) Build: ParagraphEdited on existing paragraphs, in sessions of Batch events.
        var built = Stopwatch.StartNew();
        long version = document.Version;
        using (var host = StoreHost(database))
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var random = new Random(42);
            var revision = new int[paragraphs.Length];
            while (version < history)
            {
                var count = (int)Math.Min(Batch, history - version);
                var events = new object[count];
                for (var i = 0; i < count; i++)
                {
                    var p = random.Next(paragraphs.Length);
                    events[i] = new ParagraphEdited(paragraphs[p].Id, $"{paragraphs[p].Text} (revision {++revision[p]})", Merged: false)
                    {
                        By = actors[random.Next(actors.Length)],
                    };
                }
                await using var session = store.LightweightSession();
                session.Events.Append(document.Id, version + count, events);
                await session.SaveChangesAsync();
                version += count;
            }
        }
        built.Stop();
        var now = await secretariat.Api.DocumentAsync(document.Id);
        Console.WriteLine($"built {version} events ({version - document.Version} appended) in {built.Elapsed.TotalSeconds:0.0} s; the server reads version {now.Version}");

        // (2) Warm up: one read at the end folds the whole stream and lets the server store the snapshots it passed.
        var warm = Stopwatch.StartNew();
        await secretariat.Api.DocumentAsync(document.Id, $"version={version}");
        warm.Stop();
        await using var source = NpgsqlDataSource.Create(database);
        var snapshotTable = await SnapshotTableAsync(source);
        var snapshotCount = await ScalarAsync<long>(source,
            $"select count(*) from {snapshotTable} where (data->>'documentId')::uuid = $1", document.Id);
        Console.WriteLine($"warm-up read of version {version}: {warm.Elapsed.TotalMilliseconds:0} ms; {snapshotCount} snapshots of the document stored after it");

        var random2 = new Random(7);
        var versions = Enumerable.Range(0, Reads).Select(_ => random2.NextInt64(1, version + 1)).ToArray();
        var http = cast.NewApi();
        http.Token = secretariat.Api.Token;
        // A few untimed reads of each kind first, for JIT and connection pools.
        foreach (var v in versions.Take(20))
        {
            await ServerReadAsync(http, document.Id, v);
            await BareReadAsync(source, snapshotTable, document.Id, v);
        }

        // (3) Through the server, (4) the bare floor, interleaved so both see the same machine.
        var server = new Samples("history read");
        var bare = new Samples("bare read");
        long folded = 0;
        foreach (var v in versions)
        {
            var start = Stopwatch.GetTimestamp();
            await ServerReadAsync(http, document.Id, v);
            server.Add(Samples.Ms(start, Stopwatch.GetTimestamp()));
            start = Stopwatch.GetTimestamp();
            folded += await BareReadAsync(source, snapshotTable, document.Id, v);
            bare.Add(Samples.Ms(start, Stopwatch.GetTimestamp()));
        }

        var ratio = server.Percentile(99) / bare.Percentile(99);
        var table = new StringBuilder()
            .AppendLine($"### Document at a random version of a {version}-event history ({Reads} reads)")
            .AppendLine()
            .AppendLine($"Built in {built.Elapsed.TotalSeconds:0.0} s; {snapshotCount} snapshots after the warm-up read; on average {(double)folded / Reads:0} events after the nearest snapshot.")
            .AppendLine()
            .AppendLine("| read | p50 ms | p95 ms | p99 ms |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var s in new[] { server, bare })
            table.AppendLine($"| {s.Kind} | {Samples.F(s.Percentile(50))} | {Samples.F(s.Percentile(95))} | {Samples.F(s.Percentile(99))} |");
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"history read p99 / bare p99 = {Samples.F(ratio)} ({version} events)");
        return 0;
    }

    /// <summary>The server's own Marten registration on the tool's database, never started (the server owns the schema).</summary>
    private static IHost StoreHost(string database)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Drafting"] = database,
            ["Drafting:Schema"] = Schema,
            ["Drafting:DataDirectory"] = Path.Combine(Path.GetTempPath(), "wgec-load-history-unused"),
        });
        builder.Services.AddLogging();
        builder.AddDraftingStorage();
        return builder.Build();
    }

    private static async Task ServerReadAsync(Client.DraftingApi api, Guid id, long v)
    {
        var view = await api.DocumentAsync(id, $"version={v}");
        if (view.Version != v)
            throw new InvalidOperationException($"asked for version {v}, the server answered {view.Version}");
    }

    /// <summary>The floor: the nearest snapshot at or before v (as the server asks for it) and the events after it up to v, each parsed.</summary>
    private static async Task<int> BareReadAsync(NpgsqlDataSource source, string snapshotTable, Guid id, long v)
    {
        await using var connection = await source.OpenConnectionAsync();
        long from = 0;
        await using (var snapshot = new NpgsqlCommand(
            $"select data from {snapshotTable} where (data->>'documentId')::uuid = $1 and (data->>'format')::int = $2 " +
            "and (data->>'version')::bigint <= $3 order by (data->>'version')::bigint desc limit 1", connection))
        {
            snapshot.Parameters.AddWithValue(id);
            snapshot.Parameters.AddWithValue(DocumentSnapshot.CurrentFormat);
            snapshot.Parameters.AddWithValue(v);
            await using var reader = await snapshot.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                using var json = JsonDocument.Parse(reader.GetString(0));
                from = json.RootElement.GetProperty("version").GetInt64();
            }
        }
        var count = 0;
        await using var events = new NpgsqlCommand(
            $"select data, type, version, timestamp from {Schema}.mt_events where stream_id = $1 and version > $2 and version <= $3 order by version", connection);
        events.Parameters.AddWithValue(id);
        events.Parameters.AddWithValue(from);
        events.Parameters.AddWithValue(v);
        await using (var reader = await events.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                using var json = JsonDocument.Parse(reader.GetString(0));
                _ = reader.GetString(1);
                _ = reader.GetInt64(2);
                _ = reader.GetFieldValue<DateTimeOffset>(3);
                count++;
            }
        return count;
    }

    private static async Task<string> SnapshotTableAsync(NpgsqlDataSource source)
    {
        var name = await ScalarAsync<string>(source,
            "select table_name from information_schema.tables where table_schema = $1 and table_name like 'mt_doc_%documentsnapshotrow'", Schema);
        return $"{Schema}.{name}";
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, object parameter)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
