using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Audit;

/// <summary>The single writer of the audit trail. Each row is chained to the previous one (LOG-03): rows are written
/// one at a time — a lock in this process, and a write lock in the database so other processes queue too (SQLite's
/// BEGIN IMMEDIATE; on PostgreSQL, whose transactions do not serialize a read-then-insert, a transaction-scoped
/// advisory lock) — so no two rows share a predecessor, however many portal instances write.</summary>
public sealed class AuditService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    private static readonly SemaphoreSlim Writer = new(1, 1);

    /// <summary>The PostgreSQL advisory lock key of the chain's tail ("audit" in ASCII).</summary>
    public const long ChainLockKey = 0x6175646974;

    public async Task RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        var e = new AuditEvent(record, clock.GetUtcNow().UtcDateTime);
        await Writer.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
            var previous = await db.AuditEvents.AsNoTracking().OrderByDescending(x => x.Id).Select(x => x.Hash).FirstOrDefaultAsync(ct);
            e.Chain(previous);
            db.AuditEvents.Add(e);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            Writer.Release();
        }
    }
}

/// <summary>What <see cref="AuditChainVerifier"/> found: intact, or the id of the first row whose hash does not match.</summary>
public sealed record AuditChainResult(int RowsChecked, long? FirstBrokenId)
{
    public bool Intact => FirstBrokenId is null;
}

/// <summary>LOG-03: recomputes the hash chain over the whole trail, oldest first. Editing, inserting or removing a row
/// outside <see cref="AuditService"/> breaks the chain at that row (or at the next one, for a removal).</summary>
public sealed class AuditChainVerifier(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<AuditChainResult> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        string? previous = null;
        var chained = false;
        var count = 0;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            // Rows from before the chain existed carry no hash; once it starts, every row must.
            if (e.Hash is null && !chained) continue;
            if (e.Hash is null || !string.Equals(e.Hash, AuditEvent.ComputeHash(previous, e), StringComparison.Ordinal))
                return new AuditChainResult(count, e.Id);
            chained = true;
            previous = e.Hash;
        }
        return new AuditChainResult(count, null);
    }
}
