using Dashboard.Domain.Persistence;

namespace Dashboard.Infrastructure.Data;

/// <summary>Which database engine the portal uses ("Database" section; the connection is <c>ConnectionStrings:Dashboard</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, one machine, file in the data directory) or <c>PostgreSQL</c> (several instances
    /// on one database; <c>ConnectionStrings:Dashboard</c> is then required).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Keep the Data Protection keys in the database (shared by every instance) instead of the data directory.
    /// Always on with PostgreSQL; off by default with SQLite.</summary>
    public bool DataProtectionKeysInDatabase { get; set; }

    public bool KeysInDatabase => Provider == DatabaseProvider.PostgreSQL || DataProtectionKeysInDatabase;

    /// <summary>The connection string: the configured one, or the SQLite file in the data directory.</summary>
    public string ResolveConnectionString(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (Provider == DatabaseProvider.PostgreSQL)
            throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Dashboard is empty.");
        // Mode=ReadWrite: a database file that disappears is an outage (REL-02), not a new empty database; the file
        // is created once at start-up. Default Timeout is also SQLite's busy timeout.
        return $"Data Source={Path.Combine(dataDirectory, "dashboard.db")};Mode=ReadWrite;Default Timeout=5";
    }
}
