using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;

namespace Dashboard.Domain.Tests.Ledger;

/// <summary>Orders in a known state, for the entity tests.</summary>
internal static class Orders
{
    public static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static int _next = 1_000_000;

    public static PaymentOrder Pending(long amount = 10_000, PaymentEnvironment environment = PaymentEnvironment.Production,
        string country = "FR", string currency = "EUR")
    {
        var n = Interlocked.Increment(ref _next);
        return new PaymentOrder(Guid.NewGuid(), Guid.NewGuid(), environment, $"S02-{n}-{n + 1_234}", $"FR-{n}",
            "Camille Martin", "camille.martin@example.fr", amount, currency, FeeSchedule.For(country, currency), T0);
    }

    public static PaymentOrder Open(long amount = 10_000, PaymentEnvironment environment = PaymentEnvironment.Production)
    {
        var order = Pending(amount, environment);
        order.Decide(true, null, T0.AddMinutes(1));
        return order;
    }
}
