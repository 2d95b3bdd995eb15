using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Dashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.EndToEndTests.Infrastructure;

/// <summary>Files a claim or a chargeback on a portal's database as the provider would: through the ledger, on a fresh
/// captured order of the French merchant.</summary>
public static class CaseFiling
{
    public static SystemDbContextFactory Database(string dataDirectory) =>
        new(new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataDirectory, "dashboard.db")};Default Timeout=5").Options);

    public static async Task<(Guid Id, string SellerOrderId)> FileAsync(SystemDbContextFactory contexts, bool chargeback,
        PaymentEnvironment environment = PaymentEnvironment.Production)
    {
        var ledger = new LedgerService(contexts, TimeProvider.System);
        await using var db = contexts.CreateDbContext();
        var merchant = await db.Merchants.FirstAsync(m => m.CountryCode == "FR");
        var used = db.GuaranteeClaims.Select(c => c.OrderId).Concat(db.Chargebacks.Select(c => c.OrderId));
        var order = await db.PaymentOrders.Where(o => o.MerchantId == merchant.Id && o.Environment == environment
                && o.CapturedAmount >= 2_000 && o.RefundedAmount == 0 && !used.Contains(o.Id))
            .OrderByDescending(o => o.CreatedUtc).FirstAsync();
        var id = Guid.NewGuid();
        PaymentEvent e = chargeback
            ? new ChargebackFiled(merchant.Id, environment, "e2e-" + id, DateTime.UtcNow, order.Id, id, "Visa", "13.1",
                "Merchandise/services not received", DisputeType.Service, order.CapturedAmount)
            : new GuaranteeClaimFiled(merchant.Id, environment, "e2e-" + id, DateTime.UtcNow, order.Id, id,
                ClaimReason.NotReceived, order.CapturedAmount, "Never arrived.");
        await ledger.ApplyAsync(e);
        return (id, order.SellerOrderId);
    }
}
