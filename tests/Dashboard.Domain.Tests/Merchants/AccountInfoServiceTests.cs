using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Merchants;
using Microsoft.AspNetCore.DataProtection;
using Dashboard.Domain.Tests.Users;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Domain.Tests.Users.UsersFixture;

namespace Dashboard.Domain.Tests.Merchants;

public sealed class AccountInfoServiceTests : IDisposable
{
    private const string Iban = "DE89 3704 0044 0532 0130 00";
    private readonly UsersFixture _f = new();
    private readonly FakeActor _owner;
    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();
    private readonly SecretProtector _secrets;

    public AccountInfoServiceTests()
    {
        var owner = _f.AddUser("owner@shop.example");
        _f.AddMember(owner, PermissionGrant.Admin);
        _f.AddMember(_f.AddUser("second-admin@shop.example"), PermissionGrant.Admin);
        _owner = _f.ActorFor(owner, PermissionGrant.Admin);
        _owner.ReauthenticatedUtc = Start;
        _secrets = new SecretProtector(_keys);
    }

    public void Dispose() => _f.Dispose();

    private AccountInfoService ServiceAs(FakeActor actor)
    {
        var scope = new MerchantScope(_f.Merchant.Id, PaymentEnvironment.Sandbox);
        return new AccountInfoService(_f.Db.Factory(scope), scope, actor, new AuditService(_f.Db.System, _f.Clock), _f.Outbox, _f.Clock, _secrets);
    }

    private static readonly PostalAddress Paris = new("12 rue de la Paix", null, "Paris", "75002", "FR");

    [Fact]
    public async Task Contact_details_are_saved_and_an_empty_return_address_defaults_to_the_business_address()
    {
        await ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Test SAS", Paris, PostalAddress.Empty, "+33 1 23 45 67 89", "service@shop.example", "Maison"));
        var details = await ServiceAs(_owner).GetAsync();
        Assert.Equal("Maison Test SAS", details.LegalName);
        Assert.Equal(Paris, details.ReturnAddress);
    }

    [Theory]
    [InlineData("75002", "Maison", "Error.PostcodeInvalid")]
    [InlineData("7500", "Maison", "Error.PostcodeInvalid")]
    [InlineData("75002", "Shop 4111 1111 1111 1111", "Error.CardNumberNotAllowed")]
    public async Task Invalid_contact_details_are_refused(string postcode, string storeName, string key)
    {
        var address = Paris with { Postcode = postcode, CountryCode = key == "Error.PostcodeInvalid" && postcode == "75002" ? "NL" : "FR" };
        var e = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison", address, PostalAddress.Empty, "+33 1 23 45 67 89", "service@shop.example", storeName)));
        Assert.Equal(key, e.MessageKey);
    }

    [Fact]
    public async Task A_bank_change_is_masked_audited_with_before_and_after_and_mailed_to_every_admin()
    {
        await ServiceAs(_owner).ChangeBankAccountAsync(Iban, "COBADEFFXXX", "Maison Test SAS");
        await ServiceAs(_owner).ChangeBankAccountAsync("FR14 2004 1010 0505 0001 3M02 606", "BNPAFRPP", "Maison Test SAS");

        var details = await ServiceAs(_owner).GetAsync();
        Assert.Equal("FR14•••••••••••••••••••2606", details.MaskedIban);
        await using var db = _f.Db.Create(MerchantScope.System);
        var audit = await db.AuditEvents.Where(e => e.Action == AccountInfoService.AuditBankChanged).OrderBy(e => e.Id).LastAsync();
        Assert.Equal("before=DE89••••••••••••••3000 COBADEFFXXX Maison Test SAS; after=FR14•••••••••••••••••••2606 BNPAFRPP Maison Test SAS", audit.Details);
        Assert.DoesNotContain("370400440532013000", string.Join(" ", await db.AuditEvents.Select(e => e.Details).ToListAsync()));
        var mails = await db.EmailMessages.Where(m => m.TemplateKey == MailTemplatesKeys.SecurityChange).Select(m => m.Recipient).Distinct().ToListAsync();
        Assert.Equal(["owner@shop.example", "second-admin@shop.example"], mails.Order());
    }

    [Fact]
    public async Task Bank_and_card_changes_need_a_password_confirmed_within_five_minutes()
    {
        _f.Clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => ServiceAs(_owner).ChangeBankAccountAsync(Iban, "COBADEFFXXX", "X"));
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() => ServiceAs(_owner).ChangeCardAsync("Visa", "1111", 12, 2030));
    }

    [Fact]
    public async Task A_legal_name_change_needs_a_fresh_password_but_other_contact_changes_do_not()
    {
        await ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Test SAS", Paris, PostalAddress.Empty, "+33 1 23 45 67 89", "service@shop.example", "Maison"));
        _f.Clock.Advance(TimeSpan.FromMinutes(6));

        await ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Test SAS", Paris, PostalAddress.Empty, "+33 1 23 45 67 00", "service@shop.example", "Maison 2"));
        await Assert.ThrowsAsync<ReauthenticationRequiredException>(() =>
            ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Renamed SAS", Paris, PostalAddress.Empty, "+33 1 23 45 67 00", "service@shop.example", "Maison 2")));
        Assert.Equal("Maison Test SAS", (await ServiceAs(_owner).GetAsync()).LegalName);

        _owner.ReauthenticatedUtc = _f.Clock.GetUtcNow().UtcDateTime;
        await ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Renamed SAS", Paris, PostalAddress.Empty, "+33 1 23 45 67 00", "service@shop.example", "Maison 2"));
        Assert.Equal("Maison Renamed SAS", (await ServiceAs(_owner).GetAsync()).LegalName);
    }

    [Fact]
    public async Task The_iban_rests_encrypted_for_this_merchant_and_only_its_mask_is_readable()
    {
        await ServiceAs(_owner).ChangeBankAccountAsync(Iban, "COBADEFFXXX", "Maison Test SAS");

        await using var db = _f.Db.Create(MerchantScope.System);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Iban, MaskedIban FROM AccountProfiles";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var raw = reader.GetString(0);
        Assert.DoesNotContain("370400440532013000", raw);
        Assert.DoesNotContain("DE89", raw);
        Assert.Equal("DE89••••••••••••••3000", reader.GetString(1));
        Assert.Equal("DE89370400440532013000", _secrets.Unprotect(AccountProfile.IbanPurpose(_f.Merchant.Id), raw));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => _secrets.Unprotect(AccountProfile.IbanPurpose(_f.Other.Id), raw));
    }

    [Fact]
    public async Task Plaintext_rows_from_before_encryption_are_encrypted_once_at_start_up()
    {
        await ServiceAs(_owner).SaveContactAsync(new ContactInput("Maison Test", Paris, PostalAddress.Empty, "+33 1 23 45 67 89", "service@shop.example", "Maison"));
        await using var db = _f.Db.Create(MerchantScope.System);
        // What the previous schema stored: the IBAN as typed, no mask.
        await db.Database.ExecuteSqlRawAsync("UPDATE AccountProfiles SET Iban = 'DE89370400440532013000', MaskedIban = NULL");

        Assert.Equal(1, await LegacyIbans.ProtectAsync(db, _secrets));
        Assert.Equal(0, await LegacyIbans.ProtectAsync(db, _secrets));

        var stored = await db.AccountProfiles.AsNoTracking().SingleAsync();
        Assert.Equal("DE89••••••••••••••3000", stored.MaskedIban);
        Assert.NotEqual("DE89370400440532013000", stored.ProtectedIban);
        Assert.Equal("DE89370400440532013000", _secrets.Unprotect(AccountProfile.IbanPurpose(_f.Merchant.Id), stored.ProtectedIban!));
        Assert.Equal("DE89••••••••••••••3000", (await ServiceAs(_owner).GetAsync()).MaskedIban);
    }

    [Fact]
    public async Task A_bad_iban_checksum_is_refused()
    {
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => ServiceAs(_owner).ChangeBankAccountAsync("DE88 3704 0044 0532 0130 00", "COBADEFFXXX", "X"));
        Assert.Equal("Error.IbanInvalid", e.MessageKey);
    }

    [Theory]
    [InlineData("Visa", "1111", 12, 2030, null)]
    [InlineData("Visa", "4111111111111111", 12, 2030, "Error.CardLast4Invalid")]
    [InlineData("Visa", "1111", 10, 2026, "Error.CardExpired")]
    [InlineData("Bitcoin", "1111", 12, 2030, "Error.CardBrandInvalid")]
    public async Task Only_brand_last_four_and_a_future_expiry_are_accepted_for_the_card(string brand, string last4, int month, int year, string? key)
    {
        var change = () => ServiceAs(_owner).ChangeCardAsync(brand, last4, month, year);
        if (key is null) await change();
        else Assert.Equal(key, (await Assert.ThrowsAsync<DomainRuleException>(change)).MessageKey);
    }

    [Fact]
    public async Task Viewers_read_but_do_not_change_and_others_do_not_read()
    {
        var viewer = _f.ActorFor(_f.AddUser("viewer@shop.example"), Grant((Section.AccountInfo, PermissionLevel.View)));
        viewer.ReauthenticatedUtc = Start;
        await ServiceAs(viewer).GetAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => ServiceAs(viewer).ChangeBankAccountAsync(Iban, "COBADEFFXXX", "X"));
        await Assert.ThrowsAsync<ForbiddenException>(() => ServiceAs(viewer).SaveContactAsync(new ContactInput("M", Paris, Paris, "+33 1 23 45 67 89", "s@shop.example", "M")));
        var stranger = _f.ActorFor(_f.AddUser("claims@shop.example"), Grant((Section.Claims, PermissionLevel.Edit)));
        await Assert.ThrowsAsync<ForbiddenException>(() => ServiceAs(stranger).GetAsync());
    }
}
