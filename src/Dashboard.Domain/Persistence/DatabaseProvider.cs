using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Persistence;

/// <summary>The database engines the portal runs on: SQLite embedded (one machine), PostgreSQL (several instances).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

public static class DatabaseProviderExtensions
{
    /// <summary>Points the options at the configured engine; the same model and migrations serve both.</summary>
    public static DbContextOptionsBuilder UseDashboardDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.PostgreSQL => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown database provider"),
        };

    public static DbContextOptionsBuilder<TContext> UseDashboardDatabase<TContext>(this DbContextOptionsBuilder<TContext> options,
        DatabaseProvider provider, string connectionString) where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseDashboardDatabase(provider, connectionString);
}
