using Dashboard.Domain.Common;

namespace Dashboard.Domain.Merchants;

/// <summary>A postal address; the postcode is checked against the country's format.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string City, string Postcode, string CountryCode)
{
    public const int LineMaxLength = 200;

    public static PostalAddress Empty { get; } = new("", null, "", "", "");

    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1);

    public PostalAddress Validated()
    {
        var a = new PostalAddress(Line1.Trim(), string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), City.Trim(), Postcode.Trim().ToUpperInvariant(), CountryCode);
        if (a.Line1.Length == 0 || a.City.Length == 0 || a.Line1.Length > LineMaxLength || (a.Line2?.Length ?? 0) > LineMaxLength || a.City.Length > LineMaxLength)
            throw new DomainRuleException("Error.AddressIncomplete");
        if (!Merchant.SupportedCountries.Contains(a.CountryCode)) throw new DomainRuleException("Error.CountryNotSupported", a.CountryCode);
        if (!PostcodeRules.IsValid(a.CountryCode, a.Postcode)) throw new DomainRuleException("Error.PostcodeInvalid", a.Postcode, a.CountryCode);
        CardNumberDetector.Refuse($"{a.Line1} {a.Line2} {a.City}");
        return a;
    }
}

/// <summary>
/// Settings › Account info of one merchant: addresses, buyer-facing contact, payout bank account and the card on
/// file for negative balances — of which only brand, last four digits and expiry are ever stored (EXP-03).
/// </summary>
public sealed class AccountProfile : IMerchantOwned
{
    public const int ShortTextMaxLength = 100;

    public static readonly IReadOnlyList<string> CardBrands = ["Visa", "Mastercard", "American Express", "JCB", "Diners Club", "Discover"];

    private AccountProfile() { }

    public AccountProfile(Guid merchantId) => MerchantId = merchantId;

    public Guid MerchantId { get; private set; }
    public PostalAddress BusinessAddress { get; private set; } = PostalAddress.Empty;
    public PostalAddress ReturnAddress { get; private set; } = PostalAddress.Empty;
    public string? Phone { get; private set; }
    public string? CustomerServiceEmail { get; private set; }
    public string? StoreName { get; private set; }
    /// <summary>The IBAN encrypted with Data Protection (purpose per merchant, see <see cref="IbanPurpose"/>); the
    /// plaintext never rests in the database.</summary>
    public string? ProtectedIban { get; private set; }

    /// <summary>What the portal shows: country, check digits and the last four ("FR14•••…•2606").</summary>
    public string? MaskedIban { get; private set; }
    public string? Bic { get; private set; }
    public string? AccountHolder { get; private set; }
    public string? CardBrand { get; private set; }
    public string? CardLast4 { get; private set; }
    public int? CardExpiryMonth { get; private set; }
    public int? CardExpiryYear { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    public bool HasBankAccount => ProtectedIban is not null;

    /// <summary>The Data Protection purpose of a merchant's IBAN: a ciphertext copied to another merchant does not decrypt.</summary>
    public static string IbanPurpose(Guid merchantId) => $"Dashboard.Merchants.Iban.v1:{merchantId:N}";

    public void UpdateContact(PostalAddress business, PostalAddress returns, string phone, string customerServiceEmail, string storeName, DateTime nowUtc)
    {
        phone = phone.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9][0-9 ()\-]{5,24}$")) throw new DomainRuleException("Error.PhoneInvalid");
        if (!EmailAddressRule.IsValid(customerServiceEmail)) throw new DomainRuleException("Error.EmailInvalid", customerServiceEmail);
        storeName = storeName.Trim();
        if (storeName.Length is 0 or > ShortTextMaxLength) throw new DomainRuleException("Error.StoreNameInvalid");
        CardNumberDetector.Refuse(storeName);
        BusinessAddress = business.Validated();
        ReturnAddress = returns.IsEmpty ? BusinessAddress : returns.Validated();
        Phone = phone;
        CustomerServiceEmail = customerServiceEmail.Trim();
        StoreName = storeName;
        UpdatedUtc = nowUtc;
    }

    /// <param name="protect">Encrypts the normalized IBAN under <see cref="IbanPurpose"/>.</param>
    public void ChangeBankAccount(string iban, string bic, string holder, Func<string, string> protect, DateTime nowUtc)
    {
        if (!BankAccountRules.IsValidIban(iban)) throw new DomainRuleException("Error.IbanInvalid");
        if (!BankAccountRules.IsValidBic(bic)) throw new DomainRuleException("Error.BicInvalid");
        holder = holder.Trim();
        if (holder.Length is 0 or > ShortTextMaxLength) throw new DomainRuleException("Error.AccountHolderInvalid");
        CardNumberDetector.Refuse(holder);
        var normalized = BankAccountRules.NormalizeIban(iban);
        ProtectedIban = protect(normalized);
        MaskedIban = BankAccountRules.MaskIban(normalized);
        Bic = bic.Trim().ToUpperInvariant();
        AccountHolder = holder;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Records the card on file by brand, last four digits and expiry; the full number never reaches the portal.</summary>
    public void ChangeCard(string brand, string last4, int month, int year, DateTime nowUtc)
    {
        if (!CardBrands.Contains(brand)) throw new DomainRuleException("Error.CardBrandInvalid");
        if (last4.Length != 4 || !last4.All(char.IsAsciiDigit)) throw new DomainRuleException("Error.CardLast4Invalid");
        if (month is < 1 or > 12 || year < nowUtc.Year || year > nowUtc.Year + 20 || (year == nowUtc.Year && month < nowUtc.Month))
            throw new DomainRuleException("Error.CardExpired");
        CardBrand = brand;
        CardLast4 = last4;
        CardExpiryMonth = month;
        CardExpiryYear = year;
        UpdatedUtc = nowUtc;
    }

    /// <summary>The bank details as the audit trail and mails may show them: masked.</summary>
    public string BankSummary => ProtectedIban is null ? "(none)" : $"{MaskedIban} {Bic} {AccountHolder}";

    /// <summary>Rows written before encryption hold the plaintext IBAN and no mask: encrypts them in place.</summary>
    /// <returns>true when the row changed.</returns>
    public bool ProtectLegacyIban(Func<string, string> protect)
    {
        if (ProtectedIban is null || MaskedIban is not null) return false;
        var plain = BankAccountRules.NormalizeIban(ProtectedIban);
        MaskedIban = BankAccountRules.MaskIban(plain);
        ProtectedIban = protect(plain);
        return true;
    }
}
