using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Notifications;

public sealed record NoticeRow(Guid Id, NoticeType Type, NoticeCategory Category, NoticeSeverity Severity, string? Subject,
    Guid? RelatedId, DateTime CreatedUtc, DateTime? ReadUtc);

/// <summary>The performance notifications inbox of the current view. Read state belongs to the merchant, not to one user.</summary>
public sealed class NoticeService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, TimeProvider clock)
{
    public async Task<Page<NoticeRow>> ListAsync(bool unreadOnly, NoticeCategory? category, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = db.PerformanceNotices.AsNoTracking();
        if (unreadOnly) q = q.Where(n => n.ReadUtc == null);
        if (category is { } c) q = q.Where(n => n.Category == c);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(n => n.CreatedUtc).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NoticeRow(n.Id, n.Type, n.Category, n.Severity, n.Subject, n.RelatedId, n.CreatedUtc, n.ReadUtc))
            .ToListAsync(ct);
        return new Page<NoticeRow>(items, total);
    }

    /// <summary>The header badge; 0 for a user who may not see notifications.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        try { actor.Demand(Section.Notifications, PermissionLevel.View); }
        catch (ForbiddenException) { return 0; }
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PerformanceNotices.CountAsync(n => n.ReadUtc == null, ct);
    }

    public async Task<int> MarkReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        if (ids.Count == 0) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = await db.PerformanceNotices.Where(n => ids.Contains(n.Id) && n.ReadUtc == null).ToListAsync(ct);
        foreach (var n in notices) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return notices.Count;
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Through the context (not ExecuteUpdate) so the scope guard checks every row.
        var notices = await db.PerformanceNotices.Where(n => n.ReadUtc == null).ToListAsync(ct);
        foreach (var n in notices) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return notices.Count;
    }
}
