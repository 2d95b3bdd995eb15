using System.Security.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Users;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// The signed-in user's current view (merchant + environment) and permissions, for one request or one circuit.
/// It is the <see cref="IMerchantScope"/> every DbContext of the scope filters by; until it is loaded it sees nothing.
/// </summary>
public sealed class CurrentView(UserAccessService access, RequestOrigin origin, TimeProvider clock, IOptions<DashboardOptions> options)
    : IMerchantScope, ICurrentActor
{
    private UserAccess? _access;
    private string? _loadedFor;
    private DateTime _loadedUtc;

    public bool IsLoaded => _access is not null;
    public UserAccess? Access => _access;
    public Guid MerchantId => _access?.Current?.Merchant.Id ?? Guid.Empty;
    public PaymentEnvironment Environment => _access?.Environment ?? PaymentEnvironment.Sandbox;
    public bool IsSystem => false;
    public string? UserId => _loadedFor;
    public string? UserName => _access?.Email;
    public string? IpAddress => origin.IpAddress;
    public Merchant? Merchant => _access?.Current?.Merchant;
    public string Currency => Merchant?.Currency ?? "EUR";
    public string TimeZoneId => _access?.TimeZoneId ?? "UTC";

    public PermissionLevel LevelFor(Section section) => _access?.Current?.Member.LevelFor(section) ?? PermissionLevel.None;

    public bool Can(Section section, PermissionLevel level) => LevelFor(section) >= level;

    /// <summary>When the user last confirmed their password in this circuit (step-up for sensitive actions, AUTH-08).</summary>
    public DateTime? ReauthenticatedUtc { get; private set; }

    public void MarkReauthenticated(DateTime nowUtc) => ReauthenticatedUtc = nowUtc;

    /// <summary>Loads the view for the user; a circuit re-reads it once it is older than the revalidation interval,
    /// so a permission change or removal reaches open circuits on their next navigation (AC-03).</summary>
    public async Task<bool> LoadAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        var maxAge = TimeSpan.FromSeconds(Math.Max(1, options.Value.RevalidationSeconds));
        if (_loadedFor == userId && _access is not null && now - _loadedUtc < maxAge) return true;
        if (_loadedFor != userId) ReauthenticatedUtc = null;
        _access = await access.LoadAsync(userId, ct);
        _loadedFor = userId;
        _loadedUtc = now;
        return _access is not null;
    }

    /// <summary>Forgets the cached access so the next <see cref="LoadAsync"/> reads it again (after a view switch).</summary>
    public void Invalidate() => _loadedUtc = DateTime.MinValue;

    /// <summary>Throws unless the user holds at least <paramref name="level"/> on <paramref name="section"/>.
    /// Services call it on every operation: hiding a button is not authorization.</summary>
    public void Demand(Section section, PermissionLevel level)
    {
        if (!Can(section, level)) throw new ForbiddenException($"{section} {level}");
    }
}
