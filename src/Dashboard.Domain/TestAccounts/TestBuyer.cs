using System.Net.Mail;
using System.Security.Cryptography;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.TestAccounts;

public enum TestInstrumentKind
{
    Card = 0,
    /// <summary>Every authorization with it is declined (simulation string "decline").</summary>
    ForceDecline = 1,
    /// <summary>Authorizations stay Pending until the 15-minute window closes.</summary>
    ForcePending = 2,
}

/// <summary>A published test card: brand and number from card schemes' public test ranges, never a real PAN.</summary>
public sealed record TestCard(string Code, string Brand, string Number, TestInstrumentKind Kind)
{
    public string Last4 => Number[^4..];

    /// <summary>The only numbers a test buyer can hold; the UI picks from this list, nobody types a PAN.</summary>
    public static readonly IReadOnlyList<TestCard> Catalog =
    [
        new("visa", "Visa", "4111111111111111", TestInstrumentKind.Card),
        new("mastercard", "Mastercard", "5555555555554444", TestInstrumentKind.Card),
        new("amex", "American Express", "378282246310005", TestInstrumentKind.Card),
        new("visa-decline", "Visa", "4000000000000002", TestInstrumentKind.ForceDecline),
        new("visa-pending", "Visa", "4000000000000077", TestInstrumentKind.ForcePending),
    ];

    public static TestCard ByCode(string code) =>
        Catalog.FirstOrDefault(c => c.Code == code) ?? throw new DomainRuleException("Error.TestCardUnknown");
}

public sealed class TestInstrument
{
    private TestInstrument() { }

    internal TestInstrument(TestCard card, int expiryMonth, int expiryYear)
    {
        if (expiryMonth is < 1 or > 12 || expiryYear is < 2000 or > 2100) throw new DomainRuleException("Error.TestCardExpiryInvalid");
        Id = Guid.CreateVersion7();
        CardCode = card.Code;
        Brand = card.Brand;
        Last4 = card.Last4;
        Kind = card.Kind;
        ExpiryMonth = expiryMonth;
        ExpiryYear = expiryYear;
    }

    public Guid Id { get; private set; }
    public string CardCode { get; private set; } = "";
    public string Brand { get; private set; } = "";
    public string Last4 { get; private set; } = "";
    public TestInstrumentKind Kind { get; private set; }
    public int ExpiryMonth { get; private set; }
    public int ExpiryYear { get; private set; }
}

public sealed record AddressInput(string Name, string Line1, string PostalCode, string City, string CountryCode);

public sealed class TestShippingAddress
{
    public const int FieldMaxLength = 120;

    private TestShippingAddress() { }

    internal TestShippingAddress(AddressInput a)
    {
        string Req(string? v) => string.IsNullOrWhiteSpace(v) || v.Trim().Length > FieldMaxLength
            ? throw new DomainRuleException("Error.AddressInvalid") : v.Trim();
        Id = Guid.CreateVersion7();
        Name = Req(a.Name);
        Line1 = Req(a.Line1);
        PostalCode = Req(a.PostalCode);
        City = Req(a.City);
        CountryCode = a.CountryCode is { Length: 2 } c && c.All(char.IsAsciiLetterUpper) ? c : throw new DomainRuleException("Error.AddressInvalid");
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Line1 { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
}

/// <summary>A Sandbox buyer for the sandbox checkout (peers C2): e-mail, password, test instruments, shipping addresses.</summary>
public sealed class TestBuyer : IEnvironmentOwned
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 8;
    private readonly List<TestInstrument> _instruments = [];
    private readonly List<TestShippingAddress> _addresses = [];

    private TestBuyer() { }

    public TestBuyer(Guid merchantId, PaymentEnvironment environment, string name, string email, string password, DateTime createdUtc)
    {
        if (environment != PaymentEnvironment.Sandbox) throw new DomainRuleException("Error.SandboxOnly");
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
        CreatedUtc = createdUtc;
        Update(name, email, password);
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public IReadOnlyCollection<TestInstrument> Instruments => _instruments;
    public IReadOnlyCollection<TestShippingAddress> Addresses => _addresses;

    /// <param name="password">Null keeps the current password.</param>
    public void Update(string name, string email, string? password)
    {
        name = (name ?? "").Trim();
        email = (email ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength) throw new DomainRuleException("Error.TestBuyerNameInvalid");
        if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            throw new DomainRuleException("Error.TestBuyerEmailInvalid");
        Name = name;
        Email = email;
        if (password is not null || PasswordHash.Length == 0)
        {
            if (password is null || password.Length < PasswordMinLength || password.Length > 128) throw new DomainRuleException("Error.TestBuyerPasswordInvalid", PasswordMinLength);
            PasswordHash = Hash(password);
        }
    }

    public TestInstrument AddInstrument(TestCard card, int expiryMonth, int expiryYear)
    {
        var instrument = new TestInstrument(card, expiryMonth, expiryYear);
        _instruments.Add(instrument);
        return instrument;
    }

    public void RemoveInstrument(Guid id) => _instruments.RemoveAll(i => i.Id == id);

    public TestShippingAddress AddAddress(AddressInput address)
    {
        var a = new TestShippingAddress(address);
        _addresses.Add(a);
        return a;
    }

    public void RemoveAddress(Guid id) => _addresses.RemoveAll(a => a.Id == id);

    // The sandbox checkout's password: PBKDF2 like any password, even for a test account.
    private static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
