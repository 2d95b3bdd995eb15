using Dashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>AC-04: an entity that belongs to a merchant cannot be added without the merchant filter.</summary>
public sealed class TenantModelTests
{
    // Rows with a MerchantId that are deliberately not filtered by the current view, and why.
    private static readonly Dictionary<string, string> Unfiltered = new()
    {
        ["MerchantMember"] = "looked up by user id to build the view switcher across all of a user's merchants",
        ["AuditEvent"] = "sign-in events have no merchant; the audit log page filters by merchant explicitly",
        ["EmailMessage"] = "the outbox is sent by a system job across merchants (and holds mail of no merchant); the sent log filters by the current merchant explicitly",
    };

    [Fact]
    public void Every_entity_with_a_merchant_id_is_merchant_owned_and_filtered()
    {
        using var database = new TestDatabase();
        using var db = database.Create(MerchantScope.None);
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var name = entity.ClrType.Name;
            var hasMerchantId = entity.FindProperty("MerchantId") is not null;
            var owned = typeof(IMerchantOwned).IsAssignableFrom(entity.ClrType);
            if (hasMerchantId && !owned && !Unfiltered.ContainsKey(name))
                problems.Add($"{name} has MerchantId but does not implement IMerchantOwned");
            if (owned)
            {
                var filter = entity.GetDeclaredQueryFilters().Select(f => f.Expression?.ToString()).FirstOrDefault();
                if (filter is null || !filter.Contains("MerchantId", StringComparison.Ordinal))
                    problems.Add($"{name} is merchant-owned but has no MerchantId query filter");
                if (typeof(IEnvironmentOwned).IsAssignableFrom(entity.ClrType) && !filter!.Contains("Environment", StringComparison.Ordinal))
                    problems.Add($"{name} is environment-owned but its filter ignores the environment");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void An_empty_scope_sees_no_merchant_owned_rows()
    {
        using var database = new TestDatabase();
        var merchant = database.AddMerchant();
        using (var system = database.Create(MerchantScope.System))
        {
            system.PaymentOrders.Add(new Dashboard.Domain.Ledger.PaymentOrder(Guid.NewGuid(), merchant.Id, PaymentEnvironment.Sandbox,
                "S02-1000001-1001234", "FR-1", "Camille Martin", "camille@example.fr", 1_000, "EUR",
                Dashboard.Domain.Ledger.FeeSchedule.For("FR", "EUR"), Ledger.Orders.T0));
            system.SaveChanges();
        }
        using (var own = database.Create(new MerchantScope(merchant.Id, PaymentEnvironment.Sandbox)))
            Assert.Single(own.PaymentOrders.ToList());
        using var anonymous = database.Create(MerchantScope.None);
        Assert.Empty(anonymous.PaymentOrders.ToList());
        Assert.Empty(anonymous.PaymentTransactions.ToList());
    }
}
