using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.TestAccounts;
using Dashboard.Domain.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Tests.TestAccounts;

public sealed class TestAccountServiceTests : IDisposable
{
    private readonly IntegrationFixture f = new();
    private readonly TestAccountService accounts;

    public TestAccountServiceTests() => accounts = new TestAccountService(f.Database.Factory(f.Scope), f.Actor, f.Audit, f.Clock);

    public void Dispose() => f.Dispose();

    private static readonly AddressInput Paris = new("Camille Test", "1 rue de la Paix", "75002", "Paris", "FR");

    private Task<TestBuyerRow> BuyerAsync(string email = "camille.test@example.fr") =>
        accounts.CreateAsync(new NewTestBuyer("Camille Test", email, "sandbox-pass-1", "visa", 12, 2030, Paris));

    private async Task<string> PasswordHashAsync()
    {
        await using var db = f.Database.Create(MerchantScope.System);
        return (await db.TestBuyers.SingleAsync()).PasswordHash;
    }

    [Fact]
    public async Task Editing_a_buyer_keeps_the_password_unless_a_new_one_is_typed()
    {
        var buyer = await BuyerAsync();
        var hash = await PasswordHashAsync();

        await accounts.UpdateAsync(buyer.Id, " Camille Martin ", "camille.martin@example.fr", "");
        var edited = await accounts.GetAsync(buyer.Id);
        Assert.Equal(("Camille Martin", "camille.martin@example.fr"), (edited.Name, edited.Email));
        Assert.Equal(hash, await PasswordHashAsync());

        await accounts.UpdateAsync(buyer.Id, "Camille Martin", "camille.martin@example.fr", "another-pass-2");
        var changed = await PasswordHashAsync();
        Assert.NotEqual(hash, changed);
        Assert.DoesNotContain("another-pass-2", changed);
    }

    [Fact]
    public async Task Every_invalid_buyer_field_is_named_with_its_own_message()
    {
        var buyer = await BuyerAsync();
        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() => accounts.UpdateAsync(buyer.Id, " ", "not-an-email", "short"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Name"] = "Error.TestBuyerNameInvalid", ["Email"] = "Error.TestBuyerEmailInvalid", ["Password"] = "Error.TestBuyerPasswordInvalid",
        }, refused.Errors);

        await BuyerAsync("other@example.fr");
        var taken = await Assert.ThrowsAsync<InvalidFieldsException>(() => accounts.UpdateAsync(buyer.Id, "Camille", "other@example.fr", null));
        Assert.Equal("Error.TestBuyerEmailTaken", taken.Errors["Email"]);
    }

    [Fact]
    public async Task A_buyer_holds_several_catalogued_instruments_that_can_be_edited_and_removed()
    {
        var buyer = await BuyerAsync();
        await accounts.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("mastercard", 3, 2031));
        await accounts.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("visa-decline", 1, 2029));
        var instruments = (await accounts.GetAsync(buyer.Id)).Instruments;
        Assert.Equal(["1111", "4444", "0002"], instruments.Select(i => i.Last4));
        Assert.Equal(TestInstrumentKind.ForceDecline, instruments[2].Kind);

        await accounts.UpdateInstrumentAsync(buyer.Id, instruments[1].Id, new TestInstrumentInput("visa-pending", 6, 2032));
        var changed = (await accounts.GetAsync(buyer.Id)).Instruments.Single(i => i.Id == instruments[1].Id);
        Assert.Equal(("0077", TestInstrumentKind.ForcePending, 6, 2032), (changed.Last4, changed.Kind, changed.ExpiryMonth, changed.ExpiryYear));

        await accounts.RemoveInstrumentAsync(buyer.Id, instruments[0].Id);
        Assert.Equal(["0077", "0002"], (await accounts.GetAsync(buyer.Id)).Instruments.Select(i => i.Last4));
    }

    [Fact]
    public async Task Only_documented_test_numbers_and_real_expiry_dates_are_accepted()
    {
        var buyer = await BuyerAsync();
        var pan = await Assert.ThrowsAsync<InvalidFieldsException>(() => accounts.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("4242424242424242", 13, 1999)));
        Assert.Equal(new Dictionary<string, string>
        {
            ["CardCode"] = "Error.TestCardUnknown", ["ExpiryMonth"] = "Error.TestCardExpiryInvalid", ["ExpiryYear"] = "Error.TestCardExpiryInvalid",
        }, pan.Errors);
        var only = Assert.Single((await accounts.GetAsync(buyer.Id)).Instruments);
        await Assert.ThrowsAsync<InvalidFieldsException>(() => accounts.UpdateInstrumentAsync(buyer.Id, only.Id, new TestInstrumentInput("visa", 0, 2030)));
        Assert.Equal(12, Assert.Single((await accounts.GetAsync(buyer.Id)).Instruments).ExpiryMonth);
    }

    [Fact]
    public async Task The_last_instrument_and_the_last_address_stay()
    {
        var buyer = await BuyerAsync();
        var last = await Assert.ThrowsAsync<DomainRuleException>(() => accounts.RemoveInstrumentAsync(buyer.Id, buyer.Instruments[0].Id));
        Assert.Equal("Error.TestBuyerLastInstrument", last.MessageKey);
        var lastAddress = await Assert.ThrowsAsync<DomainRuleException>(() => accounts.RemoveAddressAsync(buyer.Id, buyer.Addresses[0].Id));
        Assert.Equal("Error.TestBuyerLastAddress", lastAddress.MessageKey);
        await Assert.ThrowsAsync<NotFoundException>(() => accounts.RemoveAddressAsync(buyer.Id, Guid.NewGuid()));
    }

    [Fact]
    public async Task Addresses_are_added_edited_and_removed_with_errors_per_field()
    {
        var buyer = await BuyerAsync();
        await accounts.AddAddressAsync(buyer.Id, new AddressInput("Camille Test", " 5 Hauptstraße ", "10115", "Berlin", "de"));
        var berlin = (await accounts.GetAsync(buyer.Id)).Addresses.Single(a => a.City == "Berlin");
        Assert.Equal(("5 Hauptstraße", "DE"), (berlin.Line1, berlin.CountryCode));

        var refused = await Assert.ThrowsAsync<InvalidFieldsException>(() =>
            accounts.UpdateAddressAsync(buyer.Id, berlin.Id, new AddressInput("Camille", "", "10115", "Berlin", "Deutschland")));
        Assert.Equal(new Dictionary<string, string> { ["Line1"] = "Error.AddressFieldInvalid", ["CountryCode"] = "Error.CountryCodeInvalid" }, refused.Errors);

        await accounts.UpdateAddressAsync(buyer.Id, berlin.Id, new AddressInput("Camille", "7 Unter den Linden", "10117", "Berlin", "DE"));
        await accounts.RemoveAddressAsync(buyer.Id, buyer.Addresses[0].Id);
        var only = Assert.Single((await accounts.GetAsync(buyer.Id)).Addresses);
        Assert.Equal(("7 Unter den Linden", "10117"), (only.Line1, only.PostalCode));
    }

    [Fact]
    public async Task Editing_needs_the_edit_permission_and_the_sandbox()
    {
        var buyer = await BuyerAsync();
        f.Actor.Level = PermissionLevel.View;
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.AddAddressAsync(buyer.Id, Paris));
        await Assert.ThrowsAsync<ForbiddenException>(() => accounts.UpdateAsync(buyer.Id, "X", "x@example.fr", null));
        Assert.Equal("Camille Test", (await accounts.GetAsync(buyer.Id)).Name);

        f.Actor.Level = PermissionLevel.Edit;
        var production = new TestAccountService(f.Database.Factory(new MerchantScope(f.Merchant.Id, PaymentEnvironment.Production)), f.Actor, f.Audit, f.Clock);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => production.AddInstrumentAsync(buyer.Id, new TestInstrumentInput("amex", 1, 2030)));
        Assert.Equal("Error.SandboxOnly", refused.MessageKey);
    }

    [Fact]
    public async Task Every_change_to_a_buyer_is_audited_without_the_password()
    {
        var buyer = await BuyerAsync();
        await accounts.UpdateAsync(buyer.Id, "Camille Test", "camille.test@example.fr", "secret-new-pass-9");
        await accounts.AddAddressAsync(buyer.Id, Paris with { Line1 = "2 rue de la Paix" });
        await accounts.DeleteAsync(buyer.Id);

        await using var db = f.Database.Create(MerchantScope.System);
        var events = await db.AuditEvents.Where(a => a.TargetType == "TestBuyer").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([TestBuyerAuditActions.Created, TestBuyerAuditActions.Updated, TestBuyerAuditActions.Updated, TestBuyerAuditActions.Deleted],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("camille.test@example.fr", e.TargetId));
        Assert.Equal("profile, password", events[1].Details);
        Assert.Equal("address added", events[2].Details);
        Assert.All(events, e => Assert.DoesNotContain("secret-new-pass-9", e.Details ?? "", StringComparison.Ordinal));
    }
}
