using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;

namespace Dashboard.Domain.Tests.Ledger;

/// <summary>A database with one merchant, the ledger services on the system scope, and short-hand events.</summary>
public sealed class LedgerFixture : IDisposable
{
    public static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private int _events;
    private int _orders = 2_000_000;

    public LedgerFixture(string country = "FR", string currency = "EUR", PaymentEnvironment environment = PaymentEnvironment.Production)
        : this(new TestDatabase(), country, currency, environment)
    {
    }

    /// <summary>The same fixture on another database (PostgreSQL).</summary>
    public LedgerFixture(TestDatabaseBase database, string country = "FR", string currency = "EUR", PaymentEnvironment environment = PaymentEnvironment.Production)
    {
        Database = database;
        Clock = new FakeTimeProvider(T0);
        Merchant = Database.AddMerchant(country, currency);
        Environment = environment;
        Ledger = new LedgerService(Database.System, Clock);
        Settlements = new SettlementService(Database.System, Clock);
    }

    public TestDatabaseBase Database { get; }
    public FakeTimeProvider Clock { get; }
    public Merchant Merchant { get; }
    public PaymentEnvironment Environment { get; }
    public LedgerService Ledger { get; }
    public SettlementService Settlements { get; }

    public string NextEventId() => $"evt-{Interlocked.Increment(ref _events)}";

    public PaymentRequested Requested(long amount, DateTime atUtc, Guid? orderId = null, string? currency = null, Merchant? merchant = null,
        PaymentEnvironment? environment = null)
    {
        var n = Interlocked.Increment(ref _orders);
        return new PaymentRequested((merchant ?? Merchant).Id, environment ?? Environment, NextEventId(), atUtc,
            orderId ?? Guid.NewGuid(), $"S02-{n}-{n + 7}", $"FR-{n}", "Camille Martin", "camille.martin@example.fr",
            amount, currency ?? (merchant ?? Merchant).Currency);
    }

    public AuthorizationDecided Approved(Guid orderId, DateTime atUtc) =>
        new(Merchant.Id, Environment, NextEventId(), atUtc, orderId, true);

    public CaptureRequested Capture(Guid orderId, long amount, DateTime atUtc) =>
        new(Merchant.Id, Environment, NextEventId(), atUtc, orderId, amount, Merchant.Currency);

    public RefundRequested Refund(Guid orderId, long amount, DateTime atUtc) =>
        new(Merchant.Id, Environment, NextEventId(), atUtc, orderId, amount, Merchant.Currency);

    /// <summary>Creates, approves and captures an order in one batch; returns its id.</summary>
    public async Task<Guid> CapturedOrderAsync(long amount, DateTime atUtc, long? captured = null)
    {
        var request = Requested(amount, atUtc);
        await Ledger.ApplyAsync([request, Approved(request.OrderId, atUtc.AddMinutes(1)), Capture(request.OrderId, captured ?? amount, atUtc.AddMinutes(2))]);
        return request.OrderId;
    }

    public void Dispose() => Database.Dispose();
}
