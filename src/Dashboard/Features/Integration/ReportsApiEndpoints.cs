using System.Collections.Concurrent;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Integration;

/// <summary>
/// The signed, read-only Reports API (documented on Integration Central). Requests carry no cookie: the access key's
/// HMAC signature authenticates them, and the key's merchant and environment become the query scope, so a Sandbox key
/// only ever reads Sandbox data.
/// </summary>
public static class ReportsApiEndpoints
{
    public const string BasePath = "/api/v1";
    public const int MaxBodyBytes = 64 * 1024;

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).AllowAnonymous().DisableAntiforgery().AddEndpointFilter(VerifySignatureAsync);

        api.MapGet("/transactions", async (HttpContext http, DateTime? from, DateTime? to, TransactionType? type, TransactionStatus? status,
            int? page, int? pageSize, CancellationToken ct) =>
        {
            var filter = new ApiTransactionFilter(Utc(from), Utc(to), type, status, page ?? 1, pageSize ?? 50);
            return Results.Ok(await Queries(http).TransactionsAsync(filter, ct));
        });
        api.MapGet("/settlements", async (HttpContext http, CancellationToken ct) => Results.Ok(await Queries(http).SettlementsAsync(ct)));
        api.MapGet("/settlements/{reference}/report", async (HttpContext http, string reference, CancellationToken ct) =>
            await Queries(http).SettlementReportXmlAsync(reference, ct) is { } xml
                ? Results.Text(xml, "application/xml; charset=utf-8")
                : Results.NotFound());
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static ReportsApiQueries Queries(HttpContext http)
    {
        var caller = (ApiCaller)http.Items[typeof(ApiCaller)]!;
        var options = http.RequestServices.GetRequiredService<DbContextOptions<DashboardDbContext>>();
        return new ReportsApiQueries(new KeyScopedContexts(options, new MerchantScope(caller.MerchantId, caller.Environment)));
    }

    private static async ValueTask<object?> VerifySignatureAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var throttle = http.RequestServices.GetRequiredService<ApiFailureThrottle>();
        if (throttle.IsBlocked(ip, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var body = await ReadBodyAsync(http.Request);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var request = new SignedRequest(http.Request.Method, http.Request.Path.Value ?? "/",
            http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList(),
            http.Request.Headers[RequestSigning.DateHeader].FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault(), body, ip);
        var caller = await http.RequestServices.GetRequiredService<ApiRequestVerifier>().VerifyAsync(request, http.RequestAborted);
        if (caller is null)
        {
            throttle.RecordFailure(ip);
            return Results.Json(new { error = "signature_invalid" }, statusCode: StatusCodes.Status403Forbidden);
        }
        http.Items[typeof(ApiCaller)] = caller;
        return await next(context);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + n > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private sealed class KeyScopedContexts(DbContextOptions<DashboardDbContext> options, IMerchantScope scope) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options, scope);
    }
}

/// <summary>
/// BL-03 for the API: after 20 failed verifications from one address within 5 minutes, further requests get 429
/// until the window passes. In memory, per instance: enough to stop guessing, not a distributed limiter.
/// </summary>
public sealed class ApiFailureThrottle(TimeProvider clock)
{
    public const int MaxFailures = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Queue<DateTime>> _failures = new();

    public void RecordFailure(string ip)
    {
        var q = _failures.GetOrAdd(ip, _ => new Queue<DateTime>());
        lock (q) q.Enqueue(clock.GetUtcNow().UtcDateTime);
    }

    public bool IsBlocked(string ip, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(ip, out var q)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        lock (q)
        {
            while (q.Count > 0 && now - q.Peek() > Window) q.Dequeue();
            if (q.Count < MaxFailures) return false;
            retryAfter = q.Peek() + Window - now;
            return true;
        }
    }
}
