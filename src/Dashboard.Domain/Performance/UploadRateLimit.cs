using Dashboard.Domain.Common;

namespace Dashboard.Domain.Performance;

/// <summary>
/// BL-03: at most <see cref="Permits"/> case-file uploads per user in any <see cref="Window"/> (sliding), so one account
/// cannot fill the disk or the virus scanner. Uploads run through the circuit, not an HTTP endpoint, so the limit is
/// enforced here and reported as a localized rule, with the minutes to wait. In memory: per portal instance.
/// </summary>
public sealed class UploadRateLimit(TimeProvider clock, int permits = UploadRateLimit.DefaultPermits, TimeSpan? window = null)
{
    public const int DefaultPermits = 30;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Queue<DateTime>> _recent = new(StringComparer.Ordinal);

    public int Permits { get; } = permits;
    public TimeSpan Window { get; } = window ?? DefaultWindow;

    /// <summary>Counts one upload of <paramref name="userKey"/>, or refuses it when the window is full.</summary>
    /// <exception cref="DomainRuleException">Error.TooManyUploads, with the limit, the window and the minutes to wait.</exception>
    public void Acquire(string userKey)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_recent)
        {
            if (!_recent.TryGetValue(userKey, out var times)) _recent[userKey] = times = new Queue<DateTime>();
            while (times.Count > 0 && times.Peek() <= now - Window) times.Dequeue();
            if (times.Count >= Permits)
            {
                var wait = times.Peek() + Window - now;
                throw new DomainRuleException("Error.TooManyUploads", Permits, (int)Window.TotalMinutes, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
            }
            times.Enqueue(now);
            if (_recent.Count > 10_000) Prune(now);
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, times) in _recent.ToList())
        {
            if (times.Count == 0 || times.Last() <= now - Window) _recent.Remove(key);
        }
    }
}
