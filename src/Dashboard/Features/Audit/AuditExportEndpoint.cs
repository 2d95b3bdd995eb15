using System.Globalization;
using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Export;
using Dashboard.Infrastructure.Localization;
using Dashboard.Infrastructure.Security;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Features.Audit;

/// <summary>GET /settings/audit/export.csv and .xlsx — the filtered audit log, streamed without a row cap, for Users:View
/// only; every export is itself audited.</summary>
public static class AuditExportEndpoint
{
    public const string Path = "/settings/audit/export.csv";
    public const string XlsxPath = "/settings/audit/export.xlsx";

    public static void MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync).RequireAuthorization(Policies.ForSection(Section.Users, PermissionLevel.View))
            .RequireRateLimiting(HttpRateLimits.ExportsPolicy);
        app.MapGet(XlsxPath, ExportXlsxAsync).RequireAuthorization(Policies.ForSection(Section.Users, PermissionLevel.View))
            .RequireRateLimiting(HttpRateLimits.ExportsPolicy);
    }

    private static Task RecordExportAsync(HttpContext http, AuditService audit, CurrentView view, string format, string? actor, string? action, DateTime? from, DateTime? to) =>
        audit.RecordAsync(new AuditRecord(AuditActions.AuditLogExported, true, view.UserId, view.UserName, view.MerchantId, view.Environment,
            IpAddress: http.Connection.RemoteIpAddress?.ToString(), Details: Describe(actor, action, from, to) + $"; format={format}"));

    private static string Describe(string? actor, string? action, DateTime? from, DateTime? to) =>
        $"actor={actor}; action={action}; from={from:yyyy-MM-dd}; to={to:yyyy-MM-dd}";

    private static async Task ExportXlsxAsync(HttpContext http, AuditQueries queries, AuditService audit, CurrentView view, DisplayFormat display,
        IStringLocalizer<UiText> L, TimeProvider clock, string? actor, string? action, DateTime? from, DateTime? to)
    {
        view.Demand(Section.Users, PermissionLevel.View);
        var filter = AuditFilterQuery.ToFilter(actor, action, from, to, view.TimeZoneId);
        await RecordExportAsync(http, audit, view, "xlsx", actor, action, from, to);
        string success = L["Audit.Success"], failure = L["Audit.Failure"];
        ExportColumn<AuditEvent>[] columns =
        [
            ExportColumn<AuditEvent>.Date($"{L["Audit.Time"]} ({display.TimeZone.Id})", e => display.ToLocal(e.OccurredUtc)),
            ExportColumn<AuditEvent>.Text(L["Audit.Actor"], e => e.ActorName, 30),
            ExportColumn<AuditEvent>.Text(L["Audit.Action"], e => e.Action, 28),
            ExportColumn<AuditEvent>.Text(L["Audit.Result"], e => e.Success ? success : failure, 12),
            ExportColumn<AuditEvent>.Text(L["Audit.Target"], e => $"{e.TargetType} {e.TargetId}".Trim(), 28),
            ExportColumn<AuditEvent>.Text(L["Audit.Ip"], e => e.IpAddress, 18),
            ExportColumn<AuditEvent>.Text(L["Audit.Details"], e => e.Details, 60),
        ];
        var now = display.ToLocal(clock.GetUtcNow().UtcDateTime);
        var header = new ExportHeader(L["Nav.AuditLog"],
        [
            new(L["Reports.Export.Merchant"], $"{view.Merchant!.LegalName} ({view.Merchant.MerchantCode})"),
            new(L["Reports.Export.Filter"], Describe(actor, action, from, to)),
        ]);
        await ExportResponse.StreamAsync(http, ExportResponse.Xlsx, $"audit-{view.Merchant.MerchantCode}-{now:yyyyMMdd-HHmm}.xlsx".ToLowerInvariant(),
            (stream, ct) => XlsxExportWriter.WriteAsync(stream, header, columns, queries.StreamAsync(filter, ct), ct));
    }

    private static async Task ExportAsync(HttpContext http, AuditQueries queries, AuditService audit, CurrentView view,
        string? actor, string? action, DateTime? from, DateTime? to)
    {
        var filter = AuditFilterQuery.ToFilter(actor, action, from, to, view.TimeZoneId);
        await RecordExportAsync(http, audit, view, "csv", actor, action, from, to);

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
