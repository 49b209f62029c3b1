using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Storage;

/// <summary>Where the app keeps what must survive restarts besides the database, and whether it runs its own cluster.</summary>
public sealed record StorageInfo(string DataDirectory, bool Embedded);

public static class StorageExtensions
{
    /// <summary>
    /// Marten on the configured database (<c>ConnectionStrings:Drafting</c>), or on a private
    /// PostgreSQL cluster this process starts when none is configured. May throw
    /// <see cref="PostgresNotInstalledException"/>, whose message is the one line to show.
    /// </summary>
    public static IHostApplicationBuilder AddDraftingStorage(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var dataDirectory = config["Drafting:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : EmbeddedPostgres.DefaultDataDirectory();
        var connectionString = config.GetConnectionString("Drafting");
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        if (embedded)
        {
            using var loggers = LoggerFactory.Create(l => l.AddConsole());
            var postgres = new EmbeddedPostgres(
                new EmbeddedPostgresOptions
                {
                    DataDirectory = dataDirectory,
                    BinDirectory = config["Drafting:PostgresBinDirectory"],
                    Port = config.GetValue("Drafting:PostgresPort", 0),
                },
                loggers.CreateLogger<EmbeddedPostgres>());
            connectionString = postgres.StartAsync().GetAwaiter().GetResult();
            // Registered before everything that uses the database, so it is stopped after them.
            builder.Services.AddEmbeddedPostgres(postgres);
        }
        builder.Services.AddSingleton(new StorageInfo(dataDirectory, embedded));
        var schema = config["Drafting:Schema"] is { Length: > 0 } s ? s : "drafting";
        builder.Services.AddMarten(options => Configure(options, connectionString!, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        builder.Services.AddSingleton<DocumentStreams>();
        builder.Services.AddSingleton<DocumentSnapshots>();
        return builder;
    }

    private static void Configure(StoreOptions options, string connectionString, string schema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // No retries inside Marten: a retry there replays the session's computed operations (in Marten
        // 9.58 a replayed event append with inline projections spun forever once the database went away).
        // A write that fails is refused as `unavailable` with nothing changed; the client retries it with
        // its clientOpId, and the writer decides it again on the state as it then is.
        options.ConfigurePolly(_ => { });
        // Enums stored by name, the way Marten's LINQ expects them (kebab-case is for the wire only).
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.AddEventTypes(DocumentEventTypes.All);
        Questionnaires.QuestionnaireStorage.Configure(options);
        options.Projections.Add(new DocumentRowProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new OrderProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ParagraphRowProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CitationProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<ParagraphRow>().Index(p => p.DocumentId);
        // Time travel asks for "this document's latest snapshot at or before version N".
        options.Schema.For<DocumentSnapshotRow>().Index([r => r.DocumentId, r => r.Version]);
        options.Schema.For<ParticipantRecord>().UniqueIndex(p => p.InviteCodeHash);
        options.Schema.For<ServerSecret>();
    }
}
