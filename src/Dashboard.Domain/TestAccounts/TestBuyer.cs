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
}

public sealed class TestInstrument
{
    private TestInstrument() { }

    internal TestInstrument(TestInstrumentInput input)
    {
        Id = Guid.CreateVersion7();
        Change(input);
    }

    public Guid Id { get; private set; }
    public string CardCode { get; private set; } = "";
    public string Brand { get; private set; } = "";
    public string Last4 { get; private set; } = "";
    public TestInstrumentKind Kind { get; private set; }
    public int ExpiryMonth { get; private set; }
    public int ExpiryYear { get; private set; }

    internal void Change(TestInstrumentInput input)
    {
        var card = input.Validate();
        CardCode = card.Code;
        Brand = card.Brand;
        Last4 = card.Last4;
        Kind = card.Kind;
        ExpiryMonth = input.ExpiryMonth;
        ExpiryYear = input.ExpiryYear;
    }
}

/// <summary>A test card picked from <see cref="TestCard.Catalog"/> by its code, with an expiry.</summary>
public sealed record TestInstrumentInput(string CardCode, int ExpiryMonth, int ExpiryYear)
{
    /// <returns>The catalogued card; throws <see cref="InvalidFieldsException"/> naming the fields that fail.</returns>
    public TestCard Validate()
    {
        var errors = new Dictionary<string, string>();
        var card = TestCard.Catalog.FirstOrDefault(c => c.Code == CardCode);
        if (card is null) errors[nameof(CardCode)] = "Error.TestCardUnknown";
        if (ExpiryMonth is < 1 or > 12) errors[nameof(ExpiryMonth)] = "Error.TestCardExpiryInvalid";
        if (ExpiryYear is < 2000 or > 2100) errors[nameof(ExpiryYear)] = "Error.TestCardExpiryInvalid";
        InvalidFieldsException.ThrowIfAny(errors);
        return card!;
    }
}

public sealed record AddressInput(string Name, string Line1, string PostalCode, string City, string CountryCode)
{
    /// <returns>The trimmed address (country upper-cased); throws <see cref="InvalidFieldsException"/> naming the fields that fail.</returns>
    public AddressInput Validate()
    {
        var errors = new Dictionary<string, string>();
        string Req(string? v, string field)
        {
            v = (v ?? "").Trim();
            if (v.Length == 0 || v.Length > TestShippingAddress.FieldMaxLength) errors[field] = "Error.AddressFieldInvalid";
            return v;
        }
        var normalized = new AddressInput(Req(Name, nameof(Name)), Req(Line1, nameof(Line1)), Req(PostalCode, nameof(PostalCode)), Req(City, nameof(City)),
            (CountryCode ?? "").Trim().ToUpperInvariant());
        if (normalized.CountryCode is not { Length: 2 } c || !c.All(char.IsAsciiLetterUpper)) errors[nameof(CountryCode)] = "Error.CountryCodeInvalid";
        InvalidFieldsException.ThrowIfAny(errors);
        return normalized;
    }
}

public sealed class TestShippingAddress
{
    public const int FieldMaxLength = 120;

    private TestShippingAddress() { }

    internal TestShippingAddress(AddressInput a)
    {
        Id = Guid.CreateVersion7();
        Change(a);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Line1 { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";
    public string CountryCode { get; private set; } = "";

    internal void Change(AddressInput input)
    {
        var a = input.Validate();
        Name = a.Name;
        Line1 = a.Line1;
        PostalCode = a.PostalCode;
        City = a.City;
        CountryCode = a.CountryCode;
    }
}

/// <summary>A Sandbox buyer for the sandbox checkout (peers C2): e-mail, password, test instruments, shipping addresses.</summary>
public sealed class TestBuyer : IEnvironmentOwned
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int MaxInstruments = 10;
    public const int MaxAddresses = 10;
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

    /// <param name="password">Null keeps the current password (it is never shown again, only replaced).</param>
    public void Update(string name, string email, string? password)
    {
        name = (name ?? "").Trim();
        email = (email ?? "").Trim();
        var errors = new Dictionary<string, string>();
        if (name.Length == 0 || name.Length > NameMaxLength) errors["Name"] = "Error.TestBuyerNameInvalid";
        if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            errors["Email"] = "Error.TestBuyerEmailInvalid";
        var newPassword = password is not null || PasswordHash.Length == 0;
        if (newPassword && (password is null || password.Length < PasswordMinLength || password.Length > PasswordMaxLength))
            errors["Password"] = "Error.TestBuyerPasswordInvalid";
        InvalidFieldsException.ThrowIfAny(errors);
        Name = name;
        Email = email;
        if (newPassword) PasswordHash = Hash(password!);
    }

    public TestInstrument AddInstrument(TestInstrumentInput input)
    {
        if (_instruments.Count >= MaxInstruments) throw new DomainRuleException("Error.TestBuyerTooMany", MaxInstruments);
        var instrument = new TestInstrument(input);
        _instruments.Add(instrument);
        return instrument;
    }

    public void ChangeInstrument(Guid id, TestInstrumentInput input) =>
        (_instruments.FirstOrDefault(i => i.Id == id) ?? throw new NotFoundException("Test instrument")).Change(input);

    /// <summary>The simulator needs an instrument to pay with, so the last one stays.</summary>
    public void RemoveInstrument(Guid id)
    {
        var instrument = _instruments.FirstOrDefault(i => i.Id == id) ?? throw new NotFoundException("Test instrument");
        if (_instruments.Count == 1) throw new DomainRuleException("Error.TestBuyerLastInstrument");
        _instruments.Remove(instrument);
    }

    public TestShippingAddress AddAddress(AddressInput address)
    {
        if (_addresses.Count >= MaxAddresses) throw new DomainRuleException("Error.TestBuyerTooMany", MaxAddresses);
        var a = new TestShippingAddress(address);
        _addresses.Add(a);
        return a;
    }

    public void ChangeAddress(Guid id, AddressInput input) =>
        (_addresses.FirstOrDefault(a => a.Id == id) ?? throw new NotFoundException("Shipping address")).Change(input);

    /// <summary>A sandbox checkout ships somewhere, so the last address stays.</summary>
    public void RemoveAddress(Guid id)
    {
        var address = _addresses.FirstOrDefault(a => a.Id == id) ?? throw new NotFoundException("Shipping address");
        if (_addresses.Count == 1) throw new DomainRuleException("Error.TestBuyerLastAddress");
        _addresses.Remove(address);
    }

    // The sandbox checkout's password: PBKDF2 like any password, even for a test account.
    private static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
