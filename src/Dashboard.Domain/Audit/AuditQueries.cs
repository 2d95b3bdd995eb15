using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Audit;

/// <summary>Typed filter of the audit log: actor name fragment, exact action, UTC time window [From, To).</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>
/// The audit trail of the current merchant for its user admins (Users:View): events raised in the merchant, plus
/// merchant-less events (sign-ins, 2FA, password changes) of its current members. The grid and the export share
/// one query, so the file always equals the screen.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<DashboardDbContext> contexts, IMerchantScope scope, ICurrentActor actor)
{
    public async Task<(IReadOnlyList<AuditEvent> Rows, int Total)> PageAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Users, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>The action names for the filter: the well-known ones plus every action this merchant's log holds
    /// (keys, login apps, banners, claims, test buyers… each area names its own), sorted.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Users, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var present = await Query(db, new AuditFilter()).Select(e => e.Action).Distinct().ToListAsync(ct);
        return AuditActions.All.Union(present, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Streams the filtered rows, newest first, for the CSV and Excel exports: no row cap, no buffering of the whole log.</summary>
    public async IAsyncEnumerable<AuditEvent> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(Section.Users, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var e in Query(db, filter).OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
                           .AsAsyncEnumerable().WithCancellation(ct))
            yield return e;
    }

    private IQueryable<AuditEvent> Query(DashboardDbContext db, AuditFilter f)
    {
        var merchantId = scope.MerchantId;
        var members = db.MerchantMembers.Where(m => m.MerchantId == merchantId).Select(m => m.UserId);
        var q = db.AuditEvents.AsNoTracking()
            .Where(e => e.MerchantId == merchantId || (e.MerchantId == null && e.ActorUserId != null && members.Contains(e.ActorUserId)));
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var pattern = "%" + f.Actor.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Without case on both engines: SQLite's LIKE ignores ASCII case, PostgreSQL needs ILIKE.
            q = db.Database.IsNpgsql()
                ? q.Where(e => e.ActorName != null && EF.Functions.ILike(e.ActorName, pattern, "\\"))
                : q.Where(e => e.ActorName != null && EF.Functions.Like(e.ActorName, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(e => e.Action == f.Action);
        if (f.FromUtc is { } from) q = q.Where(e => e.OccurredUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(e => e.OccurredUtc < to);
        return q;
    }
}
