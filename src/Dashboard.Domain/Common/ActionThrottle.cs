namespace Dashboard.Domain.Common;

/// <summary>BL-03: actions that run inside a circuit (no HTTP request for the rate limiter middleware to see) and are
/// worth automating for an attacker: each is limited per user.</summary>
public enum ThrottledAction
{
    KeyOperation,
    Invitation,
    TestIpn,
}

/// <summary>BL-03: refuses an action that came too often. Implemented in the web project with ASP.NET Core's rate
/// limiters, limits from configuration ("RateLimits" section).</summary>
public interface IActionThrottle
{
    /// <summary>Throws <see cref="RateLimitedException"/> when <paramref name="partition"/> (the user) has used up the
    /// permits of <paramref name="action"/>.</summary>
    void Demand(ThrottledAction action, string? partition);
}

/// <summary>Too many attempts: shown to the user in their language, with the seconds to wait.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter)
    : DomainRuleException("RateLimit.TryAgainIn", (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)))
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
