using Dashboard.Domain.Common;

namespace Dashboard.Domain.Notifications;

/// <summary>The mail categories a merchant routes to its own addresses (seed 000: business, technical, claims; seed 002:
/// the failed-payment mail).</summary>
public enum NotificationCategory
{
    Business = 0,
    Technical = 1,
    Claims = 2,
    FailedPayment = 3,
}

/// <summary>Where one category's mail goes: one or more addresses (a distribution list is advised).</summary>
public sealed class NotificationRecipients : IMerchantOwned
{
    public const int MaxAddresses = 10;
    public const int AddressesMaxLength = MaxAddresses * (EmailAddressRule.MaxLength + 1);

    private NotificationRecipients() { }

    public NotificationRecipients(Guid merchantId, NotificationCategory category)
    {
        MerchantId = merchantId;
        Category = category;
    }

    public Guid MerchantId { get; private set; }
    public NotificationCategory Category { get; private set; }

    /// <summary>Comma-separated, validated, without duplicates.</summary>
    public string Addresses { get; private set; } = "";
    public DateTime UpdatedUtc { get; private set; }
    public string? UpdatedByUserId { get; private set; }

    public IReadOnlyList<string> AddressList => Split(Addresses);

    public void Replace(IEnumerable<string> addresses, string? userId, DateTime nowUtc)
    {
        var list = addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0) throw new DomainRuleException("Error.NotificationAddressRequired");
        if (list.Count > MaxAddresses) throw new DomainRuleException("Error.TooManyAddresses", MaxAddresses);
        if (list.FirstOrDefault(a => !EmailAddressRule.IsValid(a)) is { } bad) throw new DomainRuleException("Error.EmailInvalid", bad);
        Addresses = string.Join(",", list);
        UpdatedByUserId = userId;
        UpdatedUtc = nowUtc;
    }

    /// <summary>What a person typed: addresses separated by commas, semicolons, spaces or new lines.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
