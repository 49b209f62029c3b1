namespace WGEC.Drafting.Storage;

/// <summary>
/// No PostgreSQL server binaries were found. The message is one line telling the operator what to
/// install or configure, fit to be printed as is before exiting.
/// </summary>
public sealed class PostgresNotInstalledException : Exception
{
    public PostgresNotInstalledException(string message) : base(message) { }
}
