using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Notifications;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Merchants;

public sealed record AccountInfoDetails(
    string LegalName, string CountryCode, PostalAddress BusinessAddress, PostalAddress ReturnAddress, string? Phone,
    string? CustomerServiceEmail, string? StoreName, string? MaskedIban, string? Bic, string? AccountHolder,
    string? CardBrand, string? CardLast4, int? CardExpiryMonth, int? CardExpiryYear);

public sealed record ContactInput(string LegalName, PostalAddress BusinessAddress, PostalAddress ReturnAddress, string Phone, string CustomerServiceEmail, string StoreName);

/// <summary>
/// Settings › Account info. Reading needs AccountInfo:View, changing AccountInfo:Edit. Bank and card changes also
/// (and a legal-name change) need a password confirmed within five minutes (AUTH-08), are audited with masked before/after and tell every
/// admin of the merchant by mail. The full IBAN never leaves this service.
/// </summary>
public sealed class AccountInfoService(
    IDbContextFactory<DashboardDbContext> contexts,
    IMerchantScope scope,
    ICurrentActor actor,
    AuditService audit,
    EmailOutbox outbox,
    TimeProvider clock,
    Integration.SecretProtector secrets)
{
    public const string AuditContactChanged = "account.contact-changed";
    public const string AuditBankChanged = "account.bank-changed";
    public const string AuditCardChanged = "account.card-changed";

    public async Task<AccountInfoDetails> GetAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.AccountInfo, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var merchant = await db.Merchants.AsNoTracking().FirstAsync(m => m.Id == scope.MerchantId, ct);
        var p = await db.AccountProfiles.AsNoTracking().FirstOrDefaultAsync(ct) ?? new AccountProfile(merchant.Id);
        return new AccountInfoDetails(merchant.LegalName, merchant.CountryCode, p.BusinessAddress, p.ReturnAddress, p.Phone, p.CustomerServiceEmail,
            p.StoreName, p.HasBankAccount ? p.MaskedIban : null, p.Bic, p.AccountHolder, p.CardBrand, p.CardLast4, p.CardExpiryMonth, p.CardExpiryYear);
    }

    public async Task SaveContactAsync(ContactInput input, CancellationToken ct = default)
    {
        actor.Demand(Section.AccountInfo, PermissionLevel.Edit);
        CardNumberDetector.Refuse(input.LegalName);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (merchant, profile) = await LoadAsync(db, ct);
        var before = $"{merchant.LegalName} | {profile.StoreName} | {profile.BusinessAddress.Postcode} {profile.BusinessAddress.CountryCode}";
        // The legal name is whom payouts go to: renaming needs a fresh password like bank details (AUTH-08).
        if (!string.Equals(merchant.LegalName, input.LegalName?.Trim(), StringComparison.Ordinal))
            ReauthenticationRequiredException.Demand(actor, Now);
        merchant.Rename(input.LegalName ?? "");
        profile.UpdateContact(input.BusinessAddress, input.ReturnAddress, input.Phone, input.CustomerServiceEmail, input.StoreName, Now);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditContactChanged, $"before={before}; after={merchant.LegalName} | {profile.StoreName} | {profile.BusinessAddress.Postcode} {profile.BusinessAddress.CountryCode}", ct);
    }

    public async Task ChangeBankAccountAsync(string iban, string bic, string holder, CancellationToken ct = default)
    {
        actor.Demand(Section.AccountInfo, PermissionLevel.Edit);
        ReauthenticationRequiredException.Demand(actor, Now);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (merchant, profile) = await LoadAsync(db, ct);
        var before = profile.BankSummary;
        profile.ChangeBankAccount(iban, bic, holder, plain => secrets.Protect(AccountProfile.IbanPurpose(merchant.Id), plain), Now);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditBankChanged, $"before={before}; after={profile.BankSummary}", ct);
        await NotifyAdminsAsync(db, merchant, $"Payout bank account of {merchant.LegalName} changed to {profile.MaskedIban}", ct);
    }

    public async Task ChangeCardAsync(string brand, string last4, int month, int year, CancellationToken ct = default)
    {
        actor.Demand(Section.AccountInfo, PermissionLevel.Edit);
        ReauthenticationRequiredException.Demand(actor, Now);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (merchant, profile) = await LoadAsync(db, ct);
        var before = profile.CardLast4 is null ? "(none)" : $"{profile.CardBrand} •••• {profile.CardLast4}";
        profile.ChangeCard(brand, last4, month, year, Now);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditCardChanged, $"before={before}; after={brand} •••• {last4} {month:00}/{year}", ct);
        await NotifyAdminsAsync(db, merchant, $"Card on file of {merchant.LegalName} changed to {brand} •••• {last4}", ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<(Merchant, AccountProfile)> LoadAsync(DashboardDbContext db, CancellationToken ct)
    {
        var merchant = await db.Merchants.FirstAsync(m => m.Id == scope.MerchantId, ct);
        var profile = await db.AccountProfiles.FirstOrDefaultAsync(ct);
        if (profile is null) db.AccountProfiles.Add(profile = new AccountProfile(merchant.Id));
        return (merchant, profile);
    }

    private async Task NotifyAdminsAsync(DashboardDbContext db, Merchant merchant, string what, CancellationToken ct)
    {
        var admins = await db.MerchantMembers.Where(m => m.MerchantId == merchant.Id && m.IsAdmin)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(ct);
        var when = Now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await outbox.EnqueueAsync(admins.Where(a => a.Email is not null)
            .Select(a => new MailRequest(a.Email!, a.DisplayName, a.PreferredCulture, MailTemplatesKeys.SecurityChange, [what, when], merchant.Id)).ToList(), ct);
    }

    private Task RecordAsync(string action, string details, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, TargetType: "Merchant",
            TargetId: scope.MerchantId.ToString(), IpAddress: actor.IpAddress, Details: details), ct);
}

/// <summary>Encrypts IBANs stored in plaintext before migration 20261123090000_IbanEncrypted (run at start-up, since a
/// migration cannot reach the Data Protection key ring; idempotent).</summary>
public static class LegacyIbans
{
    public static async Task<int> ProtectAsync(DashboardDbContext db, Integration.SecretProtector secrets, CancellationToken ct = default)
    {
        var legacy = await db.AccountProfiles.IgnoreQueryFilters().Where(p => p.ProtectedIban != null && p.MaskedIban == null).ToListAsync(ct);
        var changed = legacy.Count(p => p.ProtectLegacyIban(plain => secrets.Protect(AccountProfile.IbanPurpose(p.MerchantId), plain)));
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }
}
