using System.Data.Common;
using System.Net;
using Dashboard.Resources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;

namespace Dashboard.Infrastructure.Data;

/// <summary>
/// REL-02: the database is busy (another process holds a lock longer than the busy timeout), missing or unreadable.
/// That is an outage to explain, not a bug to report: pages answer 503 with a short localized message and the
/// interactive shell offers "Try again"; nothing is cached, so the portal recovers as soon as the database does.
/// </summary>
public static class DatabaseAvailability
{
    // SQLite result codes (primary, low byte): BUSY, LOCKED, IOERR, CORRUPT, CANTOPEN, NOTADB.
    private static readonly int[] UnavailableCodes = [5, 6, 10, 11, 14, 26];

    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && UnavailableCodes.Contains(sqlite.SqliteErrorCode & 0xFF)) return true;
            // Other providers flag connection failures and timeouts as transient.
            if (e is DbException { IsTransient: true }) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable)) return true;
        }
        return false;
    }

    /// <summary>Turns an unavailable database during a request into 503 + Retry-After and a localized page (or a
    /// problem document for the API), instead of the error page. Runs after request localization.</summary>
    public static void UseDatabaseUnavailablePage(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (Exception e) when (IsUnavailable(e) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseAvailability))
                    .LogWarning("Database unavailable for {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, e.GetBaseException().Message);
                var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers.CacheControl = "no-store";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(text["Shell.DatabaseUnavailable"], statusCode: 503).ExecuteAsync(context);
                    return;
                }
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Page(text, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
            }
        });

    private static string Page(IStringLocalizer text, string language)
    {
        string H(string key) => WebUtility.HtmlEncode(text[key]);
        return $"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta http-equiv="refresh" content="{RetryAfterSeconds * 2}" /><title>{H("Shell.DatabaseUnavailableTitle")} · {H("App.Name")}</title>
            <link rel="stylesheet" href="/app.css" /></head>
            <body><main class="state-card" data-testid="database-unavailable" role="alert">
            <h1>{H("Shell.DatabaseUnavailableTitle")}</h1><p>{H("Shell.DatabaseUnavailable")}</p>
            <p><a href="">{H("Shell.TryAgain")}</a></p></main></body></html>
            """;
    }
}
