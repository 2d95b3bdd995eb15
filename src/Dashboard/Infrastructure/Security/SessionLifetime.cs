using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dashboard.Infrastructure.Security;

/// <summary>SESS-02: when the person last did something in this circuit's page (pointer, keys, wheel, touch, scroll,
/// reported by <c>IdleLock</c>; not the render acknowledgements and other traffic the browser sends by itself), and
/// whether it has been idle too long. One per circuit (scoped). Once expired it stays expired: after a
/// laptop sleeps for an hour, the reconnection's own messages must not count as fresh activity.</summary>
public sealed class CircuitActivity(TimeProvider clock, Microsoft.Extensions.Options.IOptions<DashboardOptions> options)
{
    private readonly TimeSpan _timeout = options.Value.IdleTimeout;
    private long _lastInboundTicks = clock.GetUtcNow().UtcTicks;
    private int _expired;

    public DateTimeOffset LastInboundUtc => new(Interlocked.Read(ref _lastInboundTicks), TimeSpan.Zero);

    public TimeSpan IdleFor => clock.GetUtcNow() - LastInboundUtc;

    public bool IsExpired => Volatile.Read(ref _expired) == 1 || IdleFor >= _timeout;

    public void Touch()
    {
        if (IsExpired)
        {
            Interlocked.Exchange(ref _expired, 1);
            return;
        }
        Interlocked.Exchange(ref _lastInboundTicks, clock.GetUtcNow().UtcTicks);
    }
}

/// <summary>SESS-02: the absolute lifetime of a sign-in. The cookie's IssuedUtc is not usable for this: Identity's
/// security-stamp validator and any cookie renewal move IssuedUtc to "now". So the first sign-in instant is kept in
/// the authentication properties, which survive renewals and <c>RefreshSignInAsync</c>.</summary>
public static class SessionLifetime
{
    public const string SignedInItem = ".dashboard.signedInUtc";

    public static void StampSignIn(CookieSigningInContext context, TimeProvider clock)
    {
        if (!context.Properties.Items.ContainsKey(SignedInItem))
            context.Properties.Items[SignedInItem] = clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The instant of the original sign-in (falls back to IssuedUtc for cookies written before this item).</summary>
    public static DateTimeOffset? SignedInUtc(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInItem, out var raw)
            && long.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : properties.IssuedUtc;

    public static bool IsTooOld(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        SignedInUtc(properties) is not { } signedIn || now - signedIn > lifetime;

    /// <summary>Wraps the cookie events: stamps the sign-in instant and rejects sign-ins older than the absolute
    /// lifetime before Identity's security-stamp validation runs.</summary>
    public static void Apply(CookieAuthenticationOptions options, TimeSpan lifetime)
    {
        var validate = options.Events.OnValidatePrincipal;
        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = async context =>
        {
            StampSignIn(context, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
            await signingIn(context);
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (IsTooOld(context.Properties, now, lifetime))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validate(context);
        };
    }
}
