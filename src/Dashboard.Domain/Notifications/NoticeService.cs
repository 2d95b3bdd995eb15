using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Notifications;

public sealed record NoticeRow(Guid Id, NoticeType Type, NoticeCategory Category, NoticeSeverity Severity, string? Subject,
    Guid? RelatedId, DateTime CreatedUtc, DateTime? ReadUtc);

/// <summary>
/// The performance notifications inbox of the current view. Read state belongs to each user: marking a notice read
/// does not mark it for colleagues, and the header badge counts the current user's unread notices.
/// </summary>
public sealed class NoticeService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, TimeProvider clock)
{
    public async Task<Page<NoticeRow>> ListAsync(bool unreadOnly, NoticeCategory? category, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = UserId;
        var q = db.PerformanceNotices.AsNoTracking();
        if (unreadOnly) q = Unread(db, q, userId);
        if (category is { } c) q = q.Where(n => n.Category == c);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.CreatedUtc).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NoticeRow(n.Id, n.Type, n.Category, n.Severity, n.Subject, n.RelatedId, n.CreatedUtc,
                db.NoticeReads.Where(r => r.NoticeId == n.Id && r.UserId == userId).Select(r => (DateTime?)r.ReadUtc).FirstOrDefault()))
            .ToListAsync(ct);
        return new Page<NoticeRow>(items, total);
    }

    /// <summary>The header badge; 0 for a user who may not see notifications.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        try { actor.Demand(Section.Notifications, PermissionLevel.View); }
        catch (ForbiddenException) { return 0; }
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Unread(db, db.PerformanceNotices, UserId).CountAsync(ct);
    }

    public async Task<int> MarkReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        if (ids.Count == 0) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = await Unread(db, db.PerformanceNotices.Where(n => ids.Contains(n.Id)), UserId).ToListAsync(ct);
        return await MarkAsync(db, notices, now, ct);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = await Unread(db, db.PerformanceNotices, UserId).ToListAsync(ct);
        return await MarkAsync(db, notices, now, ct);
    }

    // Through the context (not a bulk insert) so the scope guard checks every row.
    private async Task<int> MarkAsync(DashboardDbContext db, List<PerformanceNotice> notices, DateTime now, CancellationToken ct)
    {
        db.NoticeReads.AddRange(notices.Select(n => n.ReadBy(UserId, now)));
        await db.SaveChangesAsync(ct);
        return notices.Count;
    }

    private static IQueryable<PerformanceNotice> Unread(DashboardDbContext db, IQueryable<PerformanceNotice> q, string userId) =>
        q.Where(n => !db.NoticeReads.Any(r => r.NoticeId == n.Id && r.UserId == userId));

    private string UserId => actor.UserId ?? throw new ForbiddenException("notices without a user");
}
