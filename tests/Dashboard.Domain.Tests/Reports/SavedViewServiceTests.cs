using Dashboard.Domain.Common;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Tests.Ledger;
using Dashboard.Domain.Users;

namespace Dashboard.Domain.Tests.Reports;

public sealed class SavedViewServiceTests : IDisposable
{
    private readonly LedgerFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string AddUser(string id)
    {
        using var db = _f.Database.Create(MerchantScope.System);
        db.Users.Add(new DashboardUser { Id = id, UserName = id, Email = $"{id}@example.com" });
        db.SaveChanges();
        return id;
    }

    private SavedViewService Service(string userId, PaymentEnvironment? environment = null) =>
        new(_f.Database.Factory(new MerchantScope(_f.Merchant.Id, environment ?? _f.Environment)), new NamedActor(userId), _f.Clock);

    [Fact]
    public async Task A_saved_view_belongs_to_its_user_and_view_and_saving_the_same_name_replaces_it()
    {
        var alice = AddUser("alice");
        var bob = AddUser("bob");
        await Service(alice).SaveAsync("transactions", Section.Transactions, " Captures ", "type=Capture", ["Amount", "Status"]);
        await Service(alice).SaveAsync("transactions", Section.Transactions, "Captures", "type=Capture&status=Completed", []);

        var mine = Assert.Single(await Service(alice).ListAsync("transactions", Section.Transactions));
        Assert.Equal("Captures", mine.Name);
        Assert.Equal("type=Capture&status=Completed", mine.Query);
        Assert.Empty(mine.ColumnList);
        Assert.Empty(await Service(bob).ListAsync("transactions", Section.Transactions));
        Assert.Empty(await Service(alice, PaymentEnvironment.Sandbox).ListAsync("transactions", Section.Transactions));
        await Assert.ThrowsAsync<NotFoundException>(() => Service(bob).DeleteAsync(mine.Id));
        await Service(alice).DeleteAsync(mine.Id);
        Assert.Empty(await Service(alice).ListAsync("transactions", Section.Transactions));
    }

    [Fact]
    public async Task A_view_needs_a_name()
    {
        var alice = AddUser("alice");
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => Service(alice).SaveAsync("transactions", Section.Transactions, "  ", "", []));
        Assert.Equal("Error.ViewNameInvalid", e.MessageKey);
    }

    private sealed class NamedActor(string userId) : ICurrentActor
    {
        public string? UserId => userId;
        public string? UserName => userId;
        public string? IpAddress => null;
        public void Demand(Section section, PermissionLevel level) { }
    }
}
