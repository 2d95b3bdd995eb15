using Dashboard.Domain.Common;

namespace Dashboard.Domain.Merchants;

/// <summary>A merchant account: the seller of seed 002's SellerId, with one ledger currency and two environments.</summary>
public sealed class Merchant
{
    public const int MerchantCodeLength = 14;
    public const int LegalNameMaxLength = 200;

    /// <summary>Countries the provider onboards (seed 001) plus Japan (seed 002).</summary>
    public static readonly IReadOnlyList<string> SupportedCountries =
        ["GB", "DE", "FR", "IT", "ES", "LU", "NL", "SE", "PT", "HU", "DK", "JP"];

    private Merchant() { }

    public Merchant(string merchantCode, string legalName, string countryCode, string currency, DateTime createdUtc)
    {
        if (string.IsNullOrWhiteSpace(legalName) || legalName.Length > LegalNameMaxLength)
            throw new DomainRuleException("Error.LegalNameInvalid");
        if (!SupportedCountries.Contains(countryCode))
            throw new DomainRuleException("Error.CountryNotSupported", countryCode);
        if (!Currencies.IsSupported(currency))
            throw new DomainRuleException("Error.UnknownCurrency", currency);
        if (merchantCode.Length != MerchantCodeLength || !merchantCode.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleException("Error.MerchantCodeInvalid");
        Id = Guid.NewGuid();
        MerchantCode = merchantCode;
        LegalName = legalName.Trim();
        CountryCode = countryCode;
        Currency = currency;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The public merchant id shown to integrators, like seed 002's SellerId (e.g. A2XK8Q3ZT9LMPB).</summary>
    public string MerchantCode { get; private set; } = "";
    public string LegalName { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    /// <summary>AUTH-04: set by an admin, every member must enrol an authenticator before using the portal.</summary>
    public bool RequireTwoFactor { get; private set; }

    public void SetTwoFactorRequirement(bool required) => RequireTwoFactor = required;

    public void Rename(string legalName)
    {
        if (string.IsNullOrWhiteSpace(legalName) || legalName.Trim().Length > LegalNameMaxLength)
            throw new DomainRuleException("Error.LegalNameInvalid");
        LegalName = legalName.Trim();
    }

    /// <summary>A random merchant id in the seed's style: 14 upper-case letters and digits starting with 'A'.</summary>
    public static string NewMerchantCode()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        Span<char> code = stackalloc char[MerchantCodeLength];
        code[0] = 'A';
        for (var i = 1; i < code.Length; i++)
            code[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(code);
    }
}
