using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Ledger;

public class DemoActivityGeneratorTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static async Task<(TestDatabase Db, Merchant Merchant, DemoActivitySummary Summary)> RunAsync(
        int seed, string country, string currency, PaymentEnvironment environment, int days, int ordersPerDay)
    {
        var db = new TestDatabase();
        var merchant = db.AddMerchant(country, currency);
        var clock = new FakeTimeProvider(Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var generator = new DemoActivityGenerator(new LedgerService(db.System, clock), new SettlementService(db.System, clock));
        var summary = await generator.GenerateAsync(
            new DemoActivityRequest(merchant.Id, currency, country, environment, Start, days, ordersPerDay, BatchSize: 250),
            new Random(seed));
        return (db, merchant, summary);
    }

    private static async Task<List<PaymentOrder>> OrdersAsync(TestDatabase db)
    {
        await using var context = db.Create(MerchantScope.System);
        return await context.PaymentOrders.Include(o => o.Transactions).OrderBy(o => o.SellerOrderId).ToListAsync();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_activity()
    {
        var (a, _, summaryA) = await RunAsync(42, "FR", "EUR", PaymentEnvironment.Production, days: 8, ordersPerDay: 15);
        var (b, _, summaryB) = await RunAsync(42, "FR", "EUR", PaymentEnvironment.Production, days: 8, ordersPerDay: 15);
        var (c, _, _) = await RunAsync(43, "FR", "EUR", PaymentEnvironment.Production, days: 8, ordersPerDay: 15);
        using (a) using (b) using (c)
        {
            static string Fingerprint(PaymentOrder o) =>
                $"{o.Id}|{o.SellerOrderId}|{o.ProviderReferenceId}|{o.BuyerName}|{o.BuyerEmail}|{o.AuthorizedAmount}|{o.CapturedAmount}|" +
                $"{o.RefundedAmount}|{o.AuthorizationStatus}|{o.DeclineReason}|{o.CreatedUtc:O}|{o.Transactions.Count}";
            var first = (await OrdersAsync(a)).Select(Fingerprint).ToList();
            Assert.Equal(first, (await OrdersAsync(b)).Select(Fingerprint).ToList());
            Assert.NotEqual(first, (await OrdersAsync(c)).Select(Fingerprint).ToList());
            Assert.Equal(summaryA, summaryB);
        }
    }

    [Fact]
    public async Task A_french_month_has_the_expected_mix_of_outcomes()
    {
        var (db, merchant, summary) = await RunAsync(7, "FR", "EUR", PaymentEnvironment.Production, days: 40, ordersPerDay: 30);
        using (db)
        {
            var orders = await OrdersAsync(db);
            Assert.Equal(1_200, orders.Count);
            Assert.Equal(1_200, summary.Orders);
            Assert.Equal(0, summary.EventsSkipped);

            double Share(Func<PaymentOrder, bool> p) => orders.Count(p) / (double)orders.Count;
            Assert.InRange(Share(o => o.AuthorizationStatus == AuthorizationStatus.Declined), 0.05, 0.11);
            Assert.Equal(4, orders.Where(o => o.DeclineReason is not null).Select(o => o.DeclineReason).Distinct().Count());
            Assert.InRange(Share(o => o.AuthorizationStatus == AuthorizationStatus.Canceled), 0.02, 0.06);
            var end = Start.AddDays(40).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            // Only orders older than the 30-day lifetime can have expired.
            var old = orders.Where(o => o.CreatedUtc < end.AddDays(-31)).ToList();
            Assert.InRange(old.Count(o => o.AuthorizationStatus == AuthorizationStatus.Expired) / (double)old.Count, 0.02, 0.09);
            var captured = orders.Where(o => o.CapturedAmount > 0).ToList();
            Assert.InRange(captured.Count / (double)orders.Count, 0.70, 0.90);
            Assert.InRange(captured.Count(o => o.RefundedAmount > 0) / (double)captured.Count, 0.06, 0.14);

            // Claims and chargebacks on a few captured orders: some withdrawn, some still open with deadlines around the end.
            await using var system = db.Create(MerchantScope.System);
            var claims = await system.GuaranteeClaims.ToListAsync();
            Assert.InRange(claims.Count / (double)captured.Count, 0.015, 0.05);
            Assert.Contains(claims, c => c.Status == Dashboard.Domain.Claims.ClaimStatus.Withdrawn);
            Assert.Contains(claims, c => c.Status == Dashboard.Domain.Claims.ClaimStatus.ActionRequired && c.RespondByUtc > end);
            Assert.NotEmpty(await system.Chargebacks.ToListAsync());
            Assert.Contains(captured, o => o.RefundedAmount > 0 && o.RefundedAmount < o.CapturedAmount);
            Assert.Contains(captured, o => o.Transactions.Count(t => t.Type == TransactionType.Capture) >= 2);
            Assert.Contains(captured, o => o.Transactions.Count(t => t.Type == TransactionType.Capture) == 3);
            Assert.Contains(orders, o => o.AuthorizationStatus == AuthorizationStatus.Closed && o.CapturedAmount < o.AuthorizedAmount);

            Assert.Contains(orders, o => o.AuthorizationStatus == AuthorizationStatus.Open && o.AuthorizationExpiresUtc < end.AddDays(3));

            Assert.All(orders, o => Assert.InRange(o.AuthorizedAmount, 500, 45_000));
            Assert.All(orders, o => Assert.Matches(@"^FR-1\d{5}$", o.SellerOrderId));
            Assert.All(orders, o => Assert.Matches(@"^[a-z0-9.]+@[a-z.]+$", o.BuyerEmail));
            Assert.True(orders.Select(o => o.BuyerName).Distinct().Count() > 200);
            Assert.Contains(orders, o => o.BuyerName.Any(c => c > 127));   // accents: Hélène, Lefèvre…
            Assert.Equal(orders.Count, orders.Select(o => o.ProviderReferenceId).Distinct().Count());

            await using var context = db.Create(MerchantScope.System);
            var settlements = await context.Settlements.Include(s => s.Lines).OrderBy(s => s.Sequence).ToListAsync();
            Assert.Equal(summary.Settlements, settlements.Count);
            Assert.Equal(Start.ToDateTime(TimeOnly.MinValue), settlements[0].PeriodStartUtc);
            Assert.Equal(Start.AddDays(14).ToDateTime(TimeOnly.MinValue), settlements[0].PeriodEndUtc);
            Assert.All(settlements, s => Assert.Equal(
                s.PayoutAmount + s.BalanceCarriedForward,
                s.Lines.Where(l => l.TransactionType != SettlementLine.Types.Transfer).Sum(l => l.NetTransactionAmount)));
            Assert.True(settlements.Sum(s => s.PayoutAmount) > 0);
        }
    }

    [Fact]
    public async Task A_japanese_sandbox_gets_whole_yen_romanized_names_and_sandbox_lifetimes()
    {
        var (db, _, _) = await RunAsync(11, "JP", "JPY", PaymentEnvironment.Sandbox, days: 6, ordersPerDay: 25);
        using (db)
        {
            var orders = await OrdersAsync(db);
            Assert.All(orders, o => Assert.Equal(PaymentEnvironment.Sandbox, o.Environment));
            Assert.All(orders, o => Assert.InRange(o.AuthorizedAmount, 500, 60_000));
            Assert.All(orders, o => Assert.Equal(0, o.AuthorizedAmount % 10));
            Assert.All(orders, o => Assert.Matches(@"^[A-Z][a-z]+ [A-Z][a-z]+$", o.BuyerName));
            Assert.All(orders, o => Assert.Matches(@"^JP-1\d{5}$", o.SellerOrderId));
            Assert.All(orders.Where(o => o.DecidedUtc is not null && o.AuthorizationExpiresUtc is not null),
                o => Assert.Equal(TimeSpan.FromDays(2), o.AuthorizationExpiresUtc - o.DecidedUtc));
            Assert.Contains(orders, o => o.CapturedAmount > 0);
            Assert.Contains(orders, o => o.AuthorizationStatus == AuthorizationStatus.Expired);
            Assert.All(orders.SelectMany(o => o.Transactions).Where(t => t.Type == TransactionType.Capture),
                t => Assert.Equal(0, t.FixedFee));
        }
    }

    [Fact]
    public async Task Running_the_same_seed_again_into_the_same_merchant_changes_nothing()
    {
        var (db, merchant, first) = await RunAsync(5, "DE", "EUR", PaymentEnvironment.Production, days: 3, ordersPerDay: 10);
        using (db)
        {
            var clock = new FakeTimeProvider(DateTime.UtcNow);
            var generator = new DemoActivityGenerator(new LedgerService(db.System, clock), new SettlementService(db.System, clock));
            var again = await generator.GenerateAsync(
                new DemoActivityRequest(merchant.Id, "EUR", "DE", PaymentEnvironment.Production, Start, 3, 10), new Random(5));
            Assert.Equal(0, again.EventsApplied);
            Assert.Equal(first.EventsApplied, again.EventsSkipped);
            Assert.Equal(30, (await OrdersAsync(db)).Count);
        }
    }
}
