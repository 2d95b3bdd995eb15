using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Dashboard.Domain.Common;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Security;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> attempts per <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    [Range(1, 1_000_000)] public int PermitLimit { get; set; }
    [Range(1, 86_400)] public int WindowSeconds { get; set; }

    public FixedWindowRateLimiterOptions ToLimiter() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>BL-03: the "RateLimits" section. Like the Reports API's failure throttle, counters live in the memory of
/// each portal process (several instances behind a load balancer each apply the limit).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in, two-factor and recovery-code posts from one client address.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule SignInPerIp { get; set; } = new() { PermitLimit = 30, WindowSeconds = 300 };
    /// <summary>Sign-in posts naming one account, from anywhere (lockout after 10 failures stays the primary control).</summary>
    [Required, ValidateObjectMembers] public RateLimitRule SignInPerAccount { get; set; } = new() { PermitLimit = 15, WindowSeconds = 300 };
    /// <summary>Forgot-password and reset-password posts from one client address.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };
    /// <summary>Export downloads per user.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule Exports { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };
    /// <summary>Invitations sent or re-sent per user.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule Invitations { get; set; } = new() { PermitLimit = 20, WindowSeconds = 3600 };
    /// <summary>Access-key and token create, roll and revoke per user.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule KeyOperations { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
    /// <summary>"Send test notification" per user.</summary>
    [Required, ValidateObjectMembers] public RateLimitRule TestIpn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimitRule For(ThrottledAction action) => action switch
    {
        ThrottledAction.KeyOperation => KeyOperations,
        ThrottledAction.Invitation => Invitations,
        ThrottledAction.TestIpn => TestIpn,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

[OptionsValidator]
public sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

/// <summary>BL-03 inside circuits: one fixed window per (action, user).</summary>
public sealed class ActionThrottle(IOptions<RateLimitOptions> options) : IActionThrottle, IDisposable
{
    private readonly PartitionedRateLimiter<(ThrottledAction Action, string User)> _limiter =
        PartitionedRateLimiter.Create<(ThrottledAction Action, string User), (ThrottledAction, string)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => options.Value.For(k.Item1).ToLimiter()));

    public void Demand(ThrottledAction action, string? partition)
    {
        using var lease = _limiter.AttemptAcquire((action, partition ?? "anonymous"));
        if (lease.IsAcquired) return;
        throw new RateLimitedException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : options.Value.For(action).ToLimiter().Window);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>BL-03 for HTTP: 429 with Retry-After on sign-in (per address and per account), password reset (per
/// address) and exports (per user). The client address is the connection's: no forwarded header is trusted, so a
/// spoofed X-Forwarded-For changes nothing.</summary>
public static class HttpRateLimits
{
    public const string ExportsPolicy = "exports";
    private const string AccountItem = ".dashboard.signInAccount";

    private static readonly string[] SignInPaths = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];
    private static readonly string[] PasswordPaths = ["/Account/ForgotPassword", "/Account/ResetPassword"];

    public static void AddDashboardRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<ActionThrottle>();
        services.AddSingleton<IActionThrottle>(sp => sp.GetRequiredService<ActionThrottle>());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, retry.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
                // A plain answer: no "not found" page re-executed in its place.
                http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("Too many requests. Try again later.", ct);
            };
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                    var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                    if (Matches(http, SignInPaths)) return RateLimitPartition.GetFixedWindowLimiter("signin|" + ip, _ => limits.SignInPerIp.ToLimiter());
                    if (Matches(http, PasswordPaths)) return RateLimitPartition.GetFixedWindowLimiter("password|" + ip, _ => limits.PasswordReset.ToLimiter());
                    return RateLimitPartition.GetNoLimiter("");
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.Items[AccountItem] is string account
                        ? RateLimitPartition.GetFixedWindowLimiter("account|" + account,
                            _ => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInPerAccount.ToLimiter())
                        : RateLimitPartition.GetNoLimiter("")));
            o.AddPolicy(ExportsPolicy, http =>
            {
                var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                var key = user is not null ? "user|" + user : "ip|" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Exports.ToLimiter());
            });
        });
    }

    /// <summary>Reads the account name of a sign-in post (the form is buffered, so the page still binds it) and then
    /// applies the limits.</summary>
    public static IApplicationBuilder UseDashboardRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && Matches(context, ["/Account/Login"]) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form["Input.Email"].ToString().Trim() is { Length: > 0 } email)
                    context.Items[AccountItem] = email.ToUpperInvariant();
            }
            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool Matches(HttpContext http, string[] paths) =>
        paths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
