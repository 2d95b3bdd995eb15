using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Performance;

public sealed record DeadlineRunResult(int ClaimsAssigned, int ChargebacksExpired, int Reminders, int Mailed, int DefectRateNotices = 0);

/// <summary>
/// Runs on the server clock (a background service calls it every minute; tests call it with a fake clock). Every step is
/// idempotent: an assigned claim is no longer overdue, a reminder's dedup key exists once, mailed notices are marked.
/// Each case is saved on its own, so one failing order does not hold back the others.
/// </summary>
public sealed class PerformanceDeadlineJob(IDbContextFactory<DashboardDbContext> systemContexts, INoticeMailer mailer, TimeProvider clock)
{
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromHours(48);
    private const int BatchSize = 200;

    /// <summary>The PostgreSQL advisory lock that lets one instance at a time run the job.</summary>
    public const long JobLockKey = 0x5C_DEAD_11AE;

    public async Task<DeadlineRunResult> RunAsync(CancellationToken ct = default)
    {
        // Several instances: one runs the job, the others skip this round (the next one comes within minutes).
        await using var running = await RowClaims.TryLockJobAsync(systemContexts, JobLockKey, ct);
        if (running is null) return new DeadlineRunResult(0, 0, 0, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var assigned = await AssignOverdueClaimsAsync(now, ct);
        var expired = await ExpireOverdueChargebacksAsync(now, ct);
        var reminders = await RemindAsync(now, ct);
        var defects = await NoticeDefectRatesAsync(now, ct);
        var mailed = await MailPendingAsync(ct);
        return new DeadlineRunResult(assigned, expired, reminders, mailed, defects);
    }

    private async Task<int> AssignOverdueClaimsAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        EnsureSystem(db);
        var ids = await db.GuaranteeClaims.Where(c => c.Status == ClaimStatus.ActionRequired && c.RespondByUtc <= now)
            .OrderBy(c => c.RespondByUtc).Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            await using var one = await systemContexts.CreateDbContextAsync(ct);
            var claim = await one.GuaranteeClaims.FirstAsync(c => c.Id == id, ct);
            if (!claim.IsOverdue(now)) continue;
            var order = await one.PaymentOrders.Include(o => o.Transactions).FirstAsync(o => o.Id == claim.OrderId, ct);
            CaseLedger.AutoAssignClaim(one, claim, order, now);
            if (await TrySaveAsync(one, ct)) done++;
        }
        return done;
    }

    private async Task<int> ExpireOverdueChargebacksAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        EnsureSystem(db);
        var ids = await db.Chargebacks.Where(c => c.Status == ChargebackStatus.ActionRequired && c.RespondByUtc <= now)
            .OrderBy(c => c.RespondByUtc).Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var id in ids)
        {
            await using var one = await systemContexts.CreateDbContextAsync(ct);
            var chargeback = await one.Chargebacks.FirstAsync(c => c.Id == id, ct);
            if (!chargeback.IsOverdue(now)) continue;
            var order = await one.PaymentOrders.Include(o => o.Transactions).FirstAsync(o => o.Id == chargeback.OrderId, ct);
            chargeback.Expire(now);
            CaseLedger.DebitChargeback(one, chargeback, order, now);
            one.PerformanceNotices.Add(new PerformanceNotice(chargeback.MerchantId, chargeback.Environment, NoticeType.ChargebackDecided,
                $"chargeback-decided-{chargeback.Id:N}", chargeback.SellerOrderId, chargeback.Id, now));
            if (await TrySaveAsync(one, ct)) done++;
        }
        return done;
    }

    /// <summary>One reminder per open case when its deadline is less than 48 hours away.</summary>
    private async Task<int> RemindAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        EnsureSystem(db);
        var horizon = now + ReminderBefore;
        var claims = await db.GuaranteeClaims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.ActionRequired && c.RespondByUtc > now && c.RespondByUtc <= horizon)
            .Select(c => new { c.Id, c.MerchantId, c.Environment, c.SellerOrderId }).ToListAsync(ct);
        var chargebacks = await db.Chargebacks.AsNoTracking()
            .Where(c => c.Status == ChargebackStatus.ActionRequired && c.RespondByUtc > now && c.RespondByUtc <= horizon)
            .Select(c => new { c.Id, c.MerchantId, c.Environment, c.SellerOrderId }).ToListAsync(ct);
        var wanted = claims.Select(c => new PerformanceNotice(c.MerchantId, c.Environment, NoticeType.ClaimDeadlineSoon,
                $"claim-reminder-{c.Id:N}", c.SellerOrderId, c.Id, now))
            .Concat(chargebacks.Select(c => new PerformanceNotice(c.MerchantId, c.Environment, NoticeType.ChargebackDeadlineSoon,
                $"chargeback-reminder-{c.Id:N}", c.SellerOrderId, c.Id, now)))
            .ToList();
        if (wanted.Count == 0) return 0;
        var keys = wanted.Select(n => n.DedupKey).ToList();
        var existing = (await db.PerformanceNotices.AsNoTracking().Where(n => keys.Contains(n.DedupKey))
            .Select(n => new { n.MerchantId, n.Environment, n.DedupKey }).ToListAsync(ct))
            .Select(n => (n.MerchantId, n.Environment, n.DedupKey)).ToHashSet();
        var fresh = wanted.Where(n => !existing.Contains((n.MerchantId, n.Environment, n.DedupKey))).ToList();
        db.PerformanceNotices.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>
    /// The daily defect-rate check: one notice per merchant environment and UTC day while its 60-day defect rate is at
    /// or above the merchant's threshold. Two grouped counts over all merchants, so running it every minute stays cheap.
    /// </summary>
    private async Task<int> NoticeDefectRatesAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        EnsureSystem(db);
        var orders = CustomerSatisfactionService.InWindow(db.PaymentOrders.AsNoTracking(), now);
        var totals = await orders.GroupBy(o => new { o.MerchantId, o.Environment })
            .Select(g => new { g.Key.MerchantId, g.Key.Environment, Count = g.Count() }).ToListAsync(ct);
        var defective = (await CustomerSatisfactionService.Numerator(db, orders, SatisfactionMetric.DefectRate)
                .GroupBy(o => new { o.MerchantId, o.Environment })
                .Select(g => new { g.Key.MerchantId, g.Key.Environment, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => (g.MerchantId, g.Environment), g => g.Count);
        if (defective.Count == 0) return 0;
        var thresholds = await db.PerformanceSettings.AsNoTracking()
            .ToDictionaryAsync(s => s.MerchantId, s => s.DefectRateThresholdBasisPoints, ct);
        var key = $"defect-rate-{now:yyyy-MM-dd}";
        var wanted = totals
            .Select(t => (t.MerchantId, t.Environment, Rate: new Rate(defective.GetValueOrDefault((t.MerchantId, t.Environment)), t.Count)))
            .Where(t => t.Rate.BasisPoints >= thresholds.GetValueOrDefault(t.MerchantId, PerformanceSettings.DefaultDefectRateThreshold))
            .ToList();
        if (wanted.Count == 0) return 0;
        var existing = (await db.PerformanceNotices.AsNoTracking().Where(n => n.DedupKey == key)
            .Select(n => new { n.MerchantId, n.Environment }).ToListAsync(ct))
            .Select(n => (n.MerchantId, n.Environment)).ToHashSet();
        var fresh = wanted.Where(w => !existing.Contains((w.MerchantId, w.Environment)))
            .Select(w => new PerformanceNotice(w.MerchantId, w.Environment, NoticeType.DefectRateAboveThreshold, key,
                (w.Rate.BasisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%", null, now))
            .ToList();
        if (fresh.Count == 0) return 0;
        db.PerformanceNotices.AddRange(fresh);
        return await TrySaveAsync(db, ct) ? fresh.Count : 0;
    }

    /// <summary>Hands unmailed notices to the mailer (a no-op until notification preferences exist) and marks them.</summary>
    private async Task<int> MailPendingAsync(CancellationToken ct)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        var pending = await db.PerformanceNotices.Where(n => n.MailedUtc == null).OrderBy(n => n.CreatedUtc).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        await mailer.SendAsync(pending, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in pending) n.MarkMailed(now);
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }

    // Another job instance (a second server) got there first: its result stands, this one skips the case.
    private static async Task<bool> TrySaveAsync(DashboardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static void EnsureSystem(DashboardDbContext db)
    {
        if (!db.Scope.IsSystem) throw new InvalidOperationException("The deadline job runs on the system scope.");
    }
}
