namespace WGEC.Drafting.Storage;

/// <summary>Where the embedded PostgreSQL cluster lives and which binaries run it.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// The application's data folder. The cluster goes into <c>{DataDirectory}/postgres</c> and its
    /// superuser password into <c>{DataDirectory}/postgres.password</c>; other files of the app may
    /// sit beside them. Created if missing.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Folder holding <c>initdb</c> and <c>pg_ctl</c>. When set, it is the only place looked at (a
    /// wrong setting fails loudly instead of silently using another installation); when null, the
    /// machine's installation is searched.
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// The loopback port the cluster listens on; 0 (the default) picks a free one at every start. A
    /// fixed port lets tools such as <c>pg_dump</c> find the cluster, and a restarted cluster keep its address.
    /// </summary>
    public int Port { get; init; }
}
