using System.Diagnostics;
using System.Security.Cryptography;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

/// <summary>What one HTTP POST returned: a status (or none, when it never got an answer), latency and a short excerpt.</summary>
public sealed record IpnSendResult(int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error)
{
    /// <summary>IPN-05: a 2xx within the timeout is success; anything else is retried.</summary>
    public bool Success => StatusCode is >= 200 and < 300;
}

/// <summary>The outbound channel; the production implementation is SSRF-safe (IPN-04), tests use a fake or a loopback receiver.</summary>
public interface IIpnSender
{
    Task<IpnSendResult> SendAsync(string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct);
}

/// <summary>Told when an endpoint keeps failing (the web layer e-mails the merchant's technical contact).</summary>
public interface IIpnFailureAlert
{
    Task EndpointFailingAsync(Guid merchantId, Domain.Common.PaymentEnvironment environment, string url, int consecutiveFailures, CancellationToken ct);
}

/// <summary>
/// Delivers due outbox notifications at least once, in creation order per endpoint, with exponential backoff for up to
/// three days and the same event id on every attempt. It runs on the system scope (a background job).
/// </summary>
public sealed class IpnDispatcher(IDbContextFactory<DashboardDbContext> systemContexts, IIpnSender sender, SecretProtector protector,
    IIpnFailureAlert alert, TimeProvider clock)
{
    public const int BatchSize = 50;

    /// <summary>How many endpoints one round serves at the same time.</summary>
    public const int MaxConcurrentEndpoints = 8;

    /// <returns>The number of attempts made.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        await using var db = await systemContexts.CreateDbContextAsync(ct);
        if (!db.Scope.IsSystem) throw new InvalidOperationException("The dispatcher needs the system scope.");
        var now = clock.GetUtcNow().UtcDateTime;
        List<IpnNotification> due;
        if (RowClaims.IsShared(db))
        {
            // Several instances: claim the rows, so no other instance sends them while this pass runs.
            var claimed = await RowClaims.ClaimDueAsync<long>(db, "IpnNotifications", "Id", now, BatchSize, ct);
            due = await db.IpnNotifications.Where(n => claimed.Contains(n.Id)).OrderBy(n => n.Id).ToListAsync(ct);
        }
        else
        {
            due = await db.IpnNotifications
                .Where(n => n.Status == IpnNotificationStatus.Pending && n.NextAttemptUtc <= now)
                .OrderBy(n => n.Id).Take(BatchSize).ToListAsync(ct);
        }
        if (due.Count == 0) return 0;

        var keys = due.Select(n => n.MerchantId).Distinct().ToList();
        var endpoints = (await db.IpnEndpoints.Where(e => keys.Contains(e.MerchantId)).ToListAsync(ct))
            .ToDictionary(e => (e.MerchantId, e.Environment));
        // Endpoints are served side by side, so one that hangs until the sender's timeout (or keeps failing) does
        // not hold up deliveries to the others; within an endpoint, notifications go out in creation order, and
        // after a failure the rest of that endpoint's notifications wait for the next round. The sends overlap;
        // the database is written by one endpoint's worker at a time (a DbContext is not thread-safe).
        var groups = due.GroupBy(n => (n.MerchantId, n.Environment)).Where(g => endpoints.ContainsKey(g.Key)).ToList();
        var attempts = 0;
        // Claimed rows this round does not send (no endpoint, or queued behind a failure) go back to the pool.
        var skipped = due.Where(n => !endpoints.ContainsKey((n.MerchantId, n.Environment))).Select(n => n.Id).ToList();
        using var writing = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentEndpoints, CancellationToken = ct };
        await Parallel.ForEachAsync(groups, parallel, async (group, token) =>
        {
            var endpoint = endpoints[group.Key];
            var sent = 0;
            foreach (var n in group)
            {
                var result = await SendAsync(endpoint, n, clock.GetUtcNow().UtcDateTime, token);
                await writing.WaitAsync(token);
                try
                {
                    var at = clock.GetUtcNow().UtcDateTime;
                    n.RecordAttempt(result.Success, at);
                    db.IpnDeliveryAttempts.Add(new IpnDeliveryAttempt(n, endpoint.Url, at, result.StatusCode, result.LatencyMs,
                        result.ResponseExcerpt, result.Error, result.Success));
                    if (result.Success)
                    {
                        endpoint.RecordSuccess(at);
                    }
                    else if (endpoint.RecordFailure(at))
                    {
                        await alert.EndpointFailingAsync(endpoint.MerchantId, endpoint.Environment, endpoint.Url, endpoint.ConsecutiveFailures, token);
                    }
                    // Saved per attempt: a crash after a send repeats at most that one notification (at-least-once).
                    await db.SaveChangesAsync(token);
                    attempts++;
                    sent++;
                    if (!result.Success) skipped.AddRange(group.Skip(sent).Select(x => x.Id));
                }
                finally
                {
                    writing.Release();
                }
                if (!result.Success) break;
            }
        });
        if (RowClaims.IsShared(db)) await RowClaims.ReleaseAsync(db, "IpnNotifications", skipped, now, ct);
        return attempts;
    }

    private async Task<IpnSendResult> SendAsync(IpnEndpoint endpoint, IpnNotification n, DateTime nowUtc, CancellationToken ct)
    {
        List<string> secrets;
        try
        {
            secrets = endpoint.SigningSecrets(nowUtc).Select(s => protector.Unprotect(SecretProtector.IpnSigningPurpose, s)).ToList();
        }
        catch (CryptographicException)
        {
            return new IpnSendResult(null, 0, null, "signing secret unreadable");
        }
        var headers = new Dictionary<string, string>
        {
            [IpnSigner.Header] = IpnSigner.SignatureHeader(new DateTimeOffset(nowUtc).ToUnixTimeSeconds(), n.Payload, secrets),
            [IpnSigner.EventIdHeader] = n.EventId,
        };
        var watch = Stopwatch.StartNew();
        try
        {
            return await sender.SendAsync(endpoint.Url, n.Payload, headers, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new IpnSendResult(null, (int)watch.ElapsedMilliseconds, null, e.GetType().Name);
        }
    }
}
