using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Notifications;

/// <summary>
/// The merchant's notification addresses per category. Changing them needs Notifications:Edit and a recently
/// confirmed password (AUTH-08), tells the previous addresses (AUTH-06) and is audited with before/after.
/// Claims, chargebacks, IPN failures and key expiry mail through <see cref="EnqueueForCategoryAsync"/>.
/// </summary>
public sealed class NotificationPreferencesService(
    IDbContextFactory<DashboardDbContext> contexts,
    IMerchantScope scope,
    ICurrentActor actor,
    AuditService audit,
    EmailOutbox outbox,
    TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<NotificationCategory, IReadOnlyList<string>>> GetAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.NotificationRecipients.AsNoTracking().ToListAsync(ct);
        return Enum.GetValues<NotificationCategory>().ToDictionary(c => c,
            c => rows.FirstOrDefault(r => r.Category == c)?.AddressList ?? (IReadOnlyList<string>)[]);
    }

    public async Task SaveAsync(NotificationCategory category, IReadOnlyList<string> addresses, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.Edit);
        var now = clock.GetUtcNow().UtcDateTime;
        ReauthenticationRequiredException.Demand(actor, now);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.NotificationRecipients.FirstOrDefaultAsync(r => r.Category == category, ct);
        var before = row?.AddressList ?? [];
        if (row is null) db.NotificationRecipients.Add(row = new NotificationRecipients(scope.MerchantId, category));
        row.Replace(addresses, actor.UserId, now);
        await db.SaveChangesAsync(ct);

        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == scope.MerchantId, ct);
        var what = $"{category} notification addresses of {merchant.LegalName} changed";
        var when = now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var removed = before.Except(row.AddressList, StringComparer.OrdinalIgnoreCase).ToList();
        if (removed.Count > 0)
            await outbox.EnqueueAsync(removed.Select(a => new MailRequest(a, a, "en", MailTemplatesKeys.SecurityChange, [what, when], merchant.Id)).ToList(), ct);
        await audit.RecordAsync(new AuditRecord(AuditActions.NotificationAddressesChanged, true, actor.UserId, actor.UserName, scope.MerchantId,
            TargetType: "NotificationCategory", TargetId: category.ToString(), IpAddress: actor.IpAddress,
            Details: $"before={string.Join(" ", before)}; after={string.Join(" ", row.AddressList)}"), ct);
    }

    /// <summary>Sends the test mail to every address of the category, in <paramref name="culture"/>.</summary>
    public async Task<int> SendTestAsync(NotificationCategory category, string culture, string categoryName, CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.NotificationRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.Category == category, ct)
            ?? throw new DomainRuleException("Error.NotificationAddressRequired");
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == scope.MerchantId, ct);
        await outbox.EnqueueAsync(row.AddressList.Select(a => new MailRequest(a, a, culture, MailTemplatesKeys.Test, [categoryName, merchant.LegalName], merchant.Id)).ToList(), ct);
        await audit.RecordAsync(new AuditRecord(AuditActions.NotificationTestSent, true, actor.UserId, actor.UserName, scope.MerchantId,
            TargetType: "NotificationCategory", TargetId: category.ToString(), IpAddress: actor.IpAddress), ct);
        return row.AddressList.Count;
    }

    /// <summary>The last mails of this merchant with their delivery state (the sent log).</summary>
    public async Task<IReadOnlyList<EmailMessage>> SentLogAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Notifications, PermissionLevel.View);
        return await outbox.RecentForMerchantAsync(scope.MerchantId, 50, ct);
    }

    /// <summary>For the portal's own events (claims, chargebacks, IPN failures, key expiry): queue a mail to the
    /// merchant's addresses of <paramref name="category"/>. Not a user action, so no permission check.</summary>
    public static async Task<int> EnqueueForCategoryAsync(IDbContextFactory<DashboardDbContext> systemContexts, EmailOutbox outbox,
        Guid merchantId, NotificationCategory category, string templateKey, IReadOnlyList<string> args, string culture, CancellationToken ct = default)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        var row = await db.NotificationRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.MerchantId == merchantId && r.Category == category, ct);
        if (row is null) return 0;
        await outbox.EnqueueAsync(row.AddressList.Select(a => new MailRequest(a, a, culture, templateKey, args, merchantId)).ToList(), ct);
        return row.AddressList.Count;
    }
}
