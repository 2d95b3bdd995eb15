using System.Globalization;
using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Security;

namespace Dashboard.Features.Audit;

/// <summary>GET /settings/audit/export.csv — the filtered audit log as CSV, streamed, for Users:View only.</summary>
public static class AuditExportEndpoint
{
    public const string Path = "/settings/audit/export.csv";

    public static void MapAuditExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ExportAsync).RequireAuthorization(Policies.ForSection(Section.Users, PermissionLevel.View))
            .RequireRateLimiting(HttpRateLimits.ExportsPolicy);

    private static async Task ExportAsync(HttpContext http, AuditQueries queries, AuditService audit, CurrentView view,
        string? actor, string? action, DateTime? from, DateTime? to)
    {
        var filter = AuditFilterQuery.ToFilter(actor, action, from, to, view.TimeZoneId);
        await audit.RecordAsync(new AuditRecord(AuditActions.AuditLogExported, true, view.UserId, view.UserName, view.MerchantId, view.Environment,
            IpAddress: http.Connection.RemoteIpAddress?.ToString(), Details: $"actor={actor}; action={action}; from={from:yyyy-MM-dd}; to={to:yyyy-MM-dd}"));

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync("OccurredUtc,Actor,ActorUserId,Action,Success,TargetType,TargetId,IpAddress,Details");
        await foreach (var e in queries.StreamAsync(filter, http.RequestAborted))
        {
            await writer.WriteLineAsync(string.Join(',',
                e.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Cell(e.ActorName), Cell(e.ActorUserId),
                Cell(e.Action), e.Success ? "true" : "false", Cell(e.TargetType), Cell(e.TargetId), Cell(e.IpAddress), Cell(e.Details)));
        }
    }

    /// <summary>Quotes a value and defuses spreadsheet formulas (CSV injection: =, +, -, @ at the start).</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}

/// <summary>Turns the page's date filter (days in the user's time zone, "to" inclusive) into a UTC window.</summary>
public static class AuditFilterQuery
{
    public static AuditFilter ToFilter(string? actor, string? action, DateTime? fromDay, DateTime? toDay, string timeZoneId)
    {
        var tz = Infrastructure.Localization.DisplayFormat.Resolve(timeZoneId);
        DateTime? Utc(DateTime? day) => day is { } d
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified), tz)
            : null;
        return new AuditFilter(actor, string.IsNullOrWhiteSpace(action) ? null : action, Utc(fromDay), Utc(toDay?.AddDays(1)));
    }
}
