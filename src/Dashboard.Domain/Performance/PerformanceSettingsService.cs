using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Performance;

/// <summary>The deadline rules as the settings page edits them.</summary>
public sealed record DeadlineRules(int ClaimResponseDays, int ChargebackResponseDays, int ChargebackEvidenceDays, string TimeZoneId, bool CanEdit);

/// <summary>
/// The merchant's deadline rules (BL-02). Anyone who sees claims or chargebacks may read them; changing them takes Edit
/// on claims or chargebacks (admins have it). Each change is audited with before and after; only cases filed afterwards
/// get the new deadlines.
/// </summary>
public sealed class PerformanceSettingsService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, AuditService audit)
{
    public async Task<DeadlineRules> GetAsync(CancellationToken ct = default)
    {
        DemandEither(PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var s = await LoadAsync(db, ct);
        return new DeadlineRules(s.ClaimResponseDays, s.ChargebackResponseDays, s.ChargebackEvidenceDays, s.TimeZoneId, Can(PermissionLevel.Edit));
    }

    public async Task SaveAsync(int claimResponseDays, int chargebackResponseDays, int chargebackEvidenceDays, CancellationToken ct = default)
    {
        DemandEither(PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var settings = await LoadAsync(db, ct);
        var before = settings.Describe();
        settings.Change(claimResponseDays, chargebackResponseDays, chargebackEvidenceDays, settings.TimeZoneId);
        if (db.Entry(settings).State == EntityState.Detached) db.PerformanceSettings.Add(settings);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord(AuditActions.PerformanceDeadlinesChanged, true, actor.UserId, actor.UserName, settings.MerchantId,
            null, nameof(PerformanceSettings), null, actor.IpAddress, $"before={before}; after={settings.Describe()}"), ct);
    }

    /// <summary>The stored rules, or the defaults of the merchant's country when it never changed them (not yet added).</summary>
    private static async Task<PerformanceSettings> LoadAsync(DashboardDbContext db, CancellationToken ct)
    {
        var merchantId = db.Scope.MerchantId;
        return await db.PerformanceSettings.FirstOrDefaultAsync(s => s.MerchantId == merchantId, ct)
               ?? PerformanceSettings.DefaultFor(merchantId,
                   await db.Merchants.Where(m => m.Id == merchantId).Select(m => m.CountryCode).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("Merchant"));
    }

    private void DemandEither(PermissionLevel level)
    {
        if (!Can(level)) actor.Demand(Section.Claims, level);
    }

    private bool Can(PermissionLevel level)
    {
        foreach (var section in new[] { Section.Claims, Section.Chargebacks })
        {
            try { actor.Demand(section, level); return true; }
            catch (ForbiddenException) { }
        }
        return false;
    }
}
