using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Domain.Users;

/// <summary>A person who signs in. Merchant access comes from <see cref="Merchants.MerchantMember"/> rows.</summary>
public sealed class DashboardUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>UI language: en, fr, de or ja. Remembered across sign-ins.</summary>
    public string PreferredCulture { get; set; } = "en";

    /// <summary>IANA time zone used to display timestamps (stored values are always UTC).</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The view the user last chose in the header switcher (merchant and environment).</summary>
    public Guid? SelectedMerchantId { get; set; }
    public PaymentEnvironment SelectedEnvironment { get; set; } = PaymentEnvironment.Sandbox;

    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSignInUtc { get; set; }

    /// <summary>AUTH-04: the RFC 6238 time step (Unix seconds / 30) of the last authenticator code accepted, so the
    /// same code (or an older one) cannot be used again inside its validity window.</summary>
    public long? LastTotpTimeStep { get; set; }
}
