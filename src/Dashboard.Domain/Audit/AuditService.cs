using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Audit;

/// <summary>The single writer of the audit trail.</summary>
public sealed class AuditService(IDbContextFactory<DashboardDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEvents.Add(new AuditEvent(record, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }
}
