using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Domain.Persistence;

/// <summary>
/// Brings a database to the current model with the engine's generated migration chain. A database made before that
/// chain existed (its history holds the earlier, hand-written migration ids, last one <see cref="LastHandWritten"/>)
/// already has the schema of the chain's first migration: that migration is recorded as applied, and the migrations
/// after it run as usual. Its rows are never touched. A database stopped part-way through the hand-written chain is
/// refused with a message rather than guessed at.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>The last migration of the hand-written chain; its schema equals the generated chain's first migration.</summary>
    public const string LastHandWritten = "20261123090210_NoticeReadsPerUser";

    /// <summary>Every migration of the hand-written chain is dated 2026-11-23.</summary>
    private const string HandWrittenPrefix = "20261123";

    public static async Task MigrateAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        await AdoptHandWrittenHistoryAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }

    public static void Migrate(DashboardDbContext db) => MigrateAsync(db).GetAwaiter().GetResult();

    /// <summary>True when the database's history came from the hand-written chain and now starts the generated one.</summary>
    internal static async Task<bool> AdoptHandWrittenHistoryAsync(DashboardDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return false;
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        var first = db.Database.GetMigrations().First();
        if (applied.Contains(first)) return false;
        if (!applied.Any(id => id.StartsWith(HandWrittenPrefix, StringComparison.Ordinal))) return false;
        if (!applied.Contains(LastHandWritten))
            throw new InvalidOperationException(
                $"The database was made by an older portal and stopped before its migration {LastHandWritten}: " +
                "start a portal built from commit 0e3d4cc (the last with that chain) on it once, then this one.");

        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL): instances starting together record the baseline once.
        var table = db.Database.IsNpgsql() ? "\"__EFMigrationsHistory\"" : "__EFMigrationsHistory";
#pragma warning disable EF1002 // the table name is one of two constants; the values are parameters.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} (\"MigrationId\", \"ProductVersion\") VALUES ({{0}}, {{1}}) ON CONFLICT DO NOTHING",
            [first, EfVersion()], ct);
#pragma warning restore EF1002
        return true;
    }

    private static string EfVersion()
    {
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "10.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
