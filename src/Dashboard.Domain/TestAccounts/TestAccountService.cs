using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.TestAccounts;

public sealed record TestInstrumentRow(Guid Id, string CardCode, string Brand, string Last4, TestInstrumentKind Kind, int ExpiryMonth, int ExpiryYear);

public sealed record TestAddressRow(Guid Id, string Name, string Line1, string PostalCode, string City, string CountryCode);

public sealed record TestBuyerRow(Guid Id, string Name, string Email, DateTime CreatedUtc,
    IReadOnlyList<TestInstrumentRow> Instruments, IReadOnlyList<TestAddressRow> Addresses);

public sealed record NewTestBuyer(string Name, string Email, string Password, string CardCode, int ExpiryMonth, int ExpiryYear, AddressInput Address);

public static class TestBuyerAuditActions
{
    public const string Created = "test-buyer.created";
    public const string Updated = "test-buyer.updated";
    public const string Deleted = "test-buyer.deleted";
}

/// <summary>Sandbox buyer accounts of the current merchant (Integration › Test accounts); Sandbox only. Every change is
/// audited with the buyer's e-mail as target and what changed (never a password or a card's test code).</summary>
public sealed class TestAccountService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, AuditService audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<TestBuyerRow>> ListAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.TestAccounts, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var buyers = await db.TestBuyers.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        return buyers.Select(Row).ToList();
    }

    public async Task<TestBuyerRow> GetAsync(Guid buyerId, CancellationToken ct = default)
    {
        actor.Demand(Section.TestAccounts, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Row(await db.TestBuyers.AsNoTracking().FirstOrDefaultAsync(b => b.Id == buyerId, ct) ?? throw new NotFoundException("Test buyer"));
    }

    public async Task<TestBuyerRow> CreateAsync(NewTestBuyer input, CancellationToken ct = default)
    {
        await using var db = await EditContextAsync(ct);
        var buyer = new TestBuyer(db.Scope.MerchantId, db.Scope.Environment, input.Name, input.Email, input.Password, clock.GetUtcNow().UtcDateTime);
        buyer.AddInstrument(new TestInstrumentInput(input.CardCode, input.ExpiryMonth, input.ExpiryYear));
        buyer.AddAddress(input.Address);
        await EnsureEmailFreeAsync(db, buyer.Email, null, ct);
        db.TestBuyers.Add(buyer);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, TestBuyerAuditActions.Created, buyer, "created", ct);
        return Row(buyer);
    }

    /// <param name="newPassword">Empty keeps the current password.</param>
    public Task UpdateAsync(Guid buyerId, string name, string email, string? newPassword, CancellationToken ct = default) =>
        EditAsync(buyerId, async (db, buyer) =>
        {
            buyer.Update(name, email, string.IsNullOrEmpty(newPassword) ? null : newPassword);
            await EnsureEmailFreeAsync(db, buyer.Email, buyer.Id, ct);
        }, string.IsNullOrEmpty(newPassword) ? "profile" : "profile, password", ct);

    public Task AddInstrumentAsync(Guid buyerId, TestInstrumentInput input, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.AddInstrument(input), "card added", ct);

    public Task UpdateInstrumentAsync(Guid buyerId, Guid instrumentId, TestInstrumentInput input, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.ChangeInstrument(instrumentId, input), "card changed", ct);

    public Task RemoveInstrumentAsync(Guid buyerId, Guid instrumentId, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.RemoveInstrument(instrumentId), "card removed", ct);

    public Task AddAddressAsync(Guid buyerId, AddressInput address, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.AddAddress(address), "address added", ct);

    public Task UpdateAddressAsync(Guid buyerId, Guid addressId, AddressInput address, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.ChangeAddress(addressId, address), "address changed", ct);

    public Task RemoveAddressAsync(Guid buyerId, Guid addressId, CancellationToken ct = default) =>
        EditAsync(buyerId, (_, buyer) => buyer.RemoveAddress(addressId), "address removed", ct);

    public async Task DeleteAsync(Guid buyerId, CancellationToken ct = default)
    {
        await using var db = await EditContextAsync(ct);
        var buyer = await FindAsync(db, buyerId, ct);
        db.TestBuyers.Remove(buyer);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, TestBuyerAuditActions.Deleted, buyer, "deleted", ct);
    }

    private Task EditAsync(Guid buyerId, Action<DashboardDbContext, TestBuyer> change, string what, CancellationToken ct) =>
        EditAsync(buyerId, (db, buyer) =>
        {
            change(db, buyer);
            return Task.CompletedTask;
        }, what, ct);

    private async Task EditAsync(Guid buyerId, Func<DashboardDbContext, TestBuyer, Task> change, string what, CancellationToken ct)
    {
        await using var db = await EditContextAsync(ct);
        var buyer = await FindAsync(db, buyerId, ct);
        await change(db, buyer);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, TestBuyerAuditActions.Updated, buyer, what, ct);
    }

    private Task AuditAsync(IMerchantScope scope, string action, TestBuyer buyer, string what, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment,
            "TestBuyer", buyer.Email, actor.IpAddress, what), ct);

    private async Task<DashboardDbContext> EditContextAsync(CancellationToken ct)
    {
        actor.Demand(Section.TestAccounts, PermissionLevel.Edit);
        var db = await contexts.CreateDbContextAsync(ct);
        if (db.Scope.Environment != PaymentEnvironment.Sandbox)
        {
            await db.DisposeAsync();
            throw new DomainRuleException("Error.SandboxOnly");
        }
        return db;
    }

    private static async Task<TestBuyer> FindAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.TestBuyers.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("Test buyer");

    private static async Task EnsureEmailFreeAsync(DashboardDbContext db, string email, Guid? except, CancellationToken ct)
    {
        if (await db.TestBuyers.AnyAsync(b => b.Email == email && b.Id != except, ct))
            throw InvalidFieldsException.For("Email", "Error.TestBuyerEmailTaken");
    }

    internal static TestBuyerRow Row(TestBuyer b) => new(b.Id, b.Name, b.Email, b.CreatedUtc,
        b.Instruments.Select(i => new TestInstrumentRow(i.Id, i.CardCode, i.Brand, i.Last4, i.Kind, i.ExpiryMonth, i.ExpiryYear)).ToList(),
        b.Addresses.Select(a => new TestAddressRow(a.Id, a.Name, a.Line1, a.PostalCode, a.City, a.CountryCode)).ToList());
}
