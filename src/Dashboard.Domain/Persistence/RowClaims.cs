using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Persistence;

/// <summary>
/// Lets several portal instances share the outbox tables (IPN notifications, e-mail) without sending a row twice.
/// On PostgreSQL a pass claims its due rows in one statement — <c>SELECT … FOR UPDATE SKIP LOCKED</c> inside an
/// <c>UPDATE … RETURNING</c> that pushes the row's <c>NextAttemptUtc</c> forward by <see cref="Lease"/> — so another
/// instance neither waits for nor sees them; recording the attempt then sets the real next attempt. An instance that
/// dies mid-pass leaves its rows due again when the lease ends (at least once, never twice while it lives). SQLite is
/// one machine and one instance: there the caller reads the due rows itself (<see cref="IsShared"/> is false).
/// </summary>
public static class RowClaims
{
    /// <summary>How long a claimed row stays invisible to other instances; longer than any pass takes.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static bool IsShared(DashboardDbContext db) => db.Database.IsNpgsql();

    /// <summary>Claims up to <paramref name="take"/> pending rows (Status 0) of <paramref name="table"/> due at
    /// <paramref name="nowUtc"/>, in <paramref name="orderBy"/> order; returns their ids.</summary>
    public static async Task<List<TKey>> ClaimDueAsync<TKey>(DashboardDbContext db, string table, string orderBy, DateTime nowUtc, int take,
        CancellationToken ct)
    {
        var sql = $"""
            UPDATE "{table}" AS r SET "NextAttemptUtc" = @lease
            FROM (SELECT "Id" FROM "{table}" WHERE "Status" = 0 AND "NextAttemptUtc" <= @now
                  ORDER BY "{orderBy}" LIMIT @take FOR UPDATE SKIP LOCKED) AS due
            WHERE r."Id" = due."Id"
            RETURNING r."Id"
            """;
        var ids = new List<TKey>();
        await using var command = await CommandAsync(db, sql, ct, ("lease", nowUtc + Lease), ("now", nowUtc), ("take", take));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetFieldValue<TKey>(0));
        return ids;
    }

    /// <summary>Gives back claimed rows a pass did not attempt (due again at <paramref name="nowUtc"/>).</summary>
    public static async Task ReleaseAsync<TKey>(DashboardDbContext db, string table, IReadOnlyCollection<TKey> ids, DateTime nowUtc, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var command = await CommandAsync(db, $"""UPDATE "{table}" SET "NextAttemptUtc" = @now WHERE "Status" = 0 AND "Id" = ANY(@ids)""", ct,
            ("now", nowUtc), ("ids", ids.ToArray()));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Runs a job on one instance at a time: on PostgreSQL a session advisory lock named by <paramref name="jobKey"/>
    /// (another instance holding it makes this call return null: skip the run); on SQLite always granted.
    /// </summary>
    public static async Task<IAsyncDisposable?> TryLockJobAsync(IDbContextFactory<DashboardDbContext> contexts, long jobKey, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        if (!IsShared(db)) return db;
        try
        {
            await using var command = await CommandAsync(db, "SELECT pg_try_advisory_lock(@key)", ct, ("key", jobKey));
            if (await command.ExecuteScalarAsync(ct) is true) return new JobLock(db, jobKey);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        await db.DisposeAsync();
        return null;
    }

    private static async Task<DbCommand> CommandAsync(DashboardDbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private sealed class JobLock(DashboardDbContext db, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = await CommandAsync(db, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", key));
                await command.ExecuteScalarAsync();
            }
            finally
            {
                await db.DisposeAsync();
            }
        }
    }
}
