using System.Globalization;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Payments;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Features.Reports.Payments;
using Dashboard.Features.Reports.Transactions;
using Dashboard.Infrastructure.Export;
using Dashboard.Infrastructure.Localization;
using Dashboard.Infrastructure.Security;
using Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace Dashboard.Features.Reports;

/// <summary>
/// Report files leave through these endpoints, never through the circuit: authorized per section, scoped to the
/// current view, streamed without a row cap, not cached, and audited (who, what filter, how many rows).
/// </summary>
public static class ReportExportEndpoints
{
    public static void MapReportExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports").RequireRateLimiting(HttpRateLimits.ExportsPolicy);
        exports.MapGet("/transactions.{format:regex(^(xlsx|csv)$)}", ExportTransactionsAsync)
            .RequireAuthorization(Policies.ForSection(Section.Transactions, PermissionLevel.View));
        exports.MapGet("/settlements.xlsx", ExportSettlementListAsync)
            .RequireAuthorization(Policies.ForSection(Section.Payments, PermissionLevel.View));
        exports.MapGet("/settlements/{id:guid}.{format:regex(^(xlsx|csv|xml)$)}", ExportSettlementAsync)
            .RequireAuthorization(Policies.ForSection(Section.Payments, PermissionLevel.View));
    }

    /// <summary>Builds the transaction export link of the grid's current filter and sort.</summary>
    public static string TransactionsLink(string format, TransactionFilterState state, bool byteOrderMark = false)
    {
        var query = state.ToQueryString();
        if (byteOrderMark) query = query.Length == 0 ? "bom=true" : query + "&bom=true";
        return $"exports/transactions.{format}" + (query.Length == 0 ? "" : "?" + query);
    }

    private static async Task ExportTransactionsAsync(string format, HttpContext http, CurrentView view, DisplayFormat display,
        TransactionReportService reports, AuditService audit, IStringLocalizer<UiText> L, TimeProvider clock)
    {
        view.Demand(Section.Transactions, PermissionLevel.View);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = TransactionFilterState.Parse(http.Request.Query);
        var filter = state.ToFilter(display.TimeZone, now, view.Currency);
        var sort = state.Sort ?? TransactionSort.Default;
        var columns = TransactionExportColumns.For(L, display.TimeZone);
        var fileName = $"transactions-{view.Merchant!.MerchantCode}-{view.Environment}-{display.ToLocal(now):yyyyMMdd-HHmm}.{format}".ToLowerInvariant();
        var header = new ExportHeader(L["Nav.Transactions"], HeaderLines(view, display, L, now,
            new(L["Reports.Export.Filter"], Describe(filter, display, L))));

        await StreamAndAuditAsync(http, view, audit, "Transactions", null, $"{format} {state.ToQueryString()}", format, fileName,
            (stream, ct) => format == "xlsx"
                ? XlsxExportWriter.WriteAsync(stream, header, columns, reports.StreamAsync(filter, sort, ct), ct)
                : CsvExportWriter.WriteAsync(stream, columns, reports.StreamAsync(filter, sort, ct), http.Request.Query["bom"] == "true", ct));
    }

    /// <summary>The Payments page's settlement list for a period preset (7, 30 or 90 days), the same rows as the grid.</summary>
    private static async Task ExportSettlementListAsync(HttpContext http, CurrentView view, DisplayFormat display,
        SettlementReportService settlements, AuditService audit, IStringLocalizer<UiText> L, TimeProvider clock, DateRangePreset preset = DateRangePreset.Last90Days)
    {
        view.Demand(Section.Payments, PermissionLevel.View);
        if (preset is not (DateRangePreset.Last7Days or DateRangePreset.Last30Days or DateRangePreset.Last90Days)) preset = DateRangePreset.Last90Days;
        var now = clock.GetUtcNow().UtcDateTime;
        var range = ReportDateRange.Resolve(preset, null, null, display.TimeZone, now);
        var rows = await settlements.GetSettlementsAsync(range.FromUtc, range.ToUtc, http.RequestAborted);
        var fileName = $"settlements-{view.Merchant!.MerchantCode}-{view.Environment}-{display.ToLocal(now):yyyyMMdd-HHmm}.xlsx".ToLowerInvariant();
        var header = new ExportHeader(L["Nav.Payments"], HeaderLines(view, display, L, now,
            new(L["Reports.Export.Period"], L[$"Reports.Preset.{preset}"])));
        await StreamAndAuditAsync(http, view, audit, "Settlements", null, $"xlsx {preset}", "xlsx", fileName,
            (stream, ct) => XlsxExportWriter.WriteAsync(stream, header, SettlementExport.ListColumns(L, display.TimeZone), rows.ToAsyncEnumerable(), ct));
    }

    private static async Task<IResult> ExportSettlementAsync(Guid id, string format, HttpContext http, CurrentView view, DisplayFormat display,
        SettlementReportService settlements, AuditService audit, IStringLocalizer<UiText> L, TimeProvider clock)
    {
        view.Demand(Section.Payments, PermissionLevel.View);
        // Another merchant's settlement looks exactly like a missing one.
        var s = await settlements.GetSettlementAsync(id, http.RequestAborted);
        if (s is null) return Results.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var fileName = $"settlement-{view.Merchant!.MerchantCode}-{view.Environment}-{s.SettlementReference}.{format}".ToLowerInvariant();
        var header = new ExportHeader(L["Reports.Settlement", s.SettlementReference], HeaderLines(view, display, L, now,
            new(L["Reports.Export.Period"], $"{display.Date(s.PeriodStartUtc)} – {display.Date(s.PeriodEndUtc)}")));

        await StreamAndAuditAsync(http, view, audit, "Settlement", s.SettlementReference, format, format, fileName, (stream, ct) => format switch
        {
            "xlsx" => XlsxExportWriter.WriteAsync(stream, header, SettlementExport.Columns, settlements.StreamLinesAsync(id, ct), ct),
            "csv" => CsvExportWriter.WriteAsync(stream, SettlementExport.Columns, settlements.StreamLinesAsync(id, ct), http.Request.Query["bom"] == "true", ct),
            _ => SettlementExport.WriteXmlAsync(stream, view.Merchant.MerchantCode, view.Environment, s, settlements.StreamLinesAsync(id, ct), ct),
        });
        return Results.Empty;
    }

    private static async Task StreamAndAuditAsync(HttpContext http, CurrentView view, AuditService audit, string targetType, string? targetId,
        string details, string format, string fileName, Func<Stream, CancellationToken, Task<int>> write)
    {
        var contentType = format switch { "xlsx" => ExportResponse.Xlsx, "csv" => ExportResponse.Csv, _ => ExportResponse.Xml };
        var rows = -1;
        var success = false;
        try
        {
            rows = await ExportResponse.StreamAsync(http, contentType, fileName, write);
            success = true;
        }
        finally
        {
            // Recorded even when the download was cancelled or failed half-way (then with Success = false).
            await audit.RecordAsync(new AuditRecord(AuditActions.ReportExported, success, view.UserId, view.UserName, view.MerchantId,
                view.Environment, targetType, targetId, view.IpAddress, $"{details} rows={rows}"), CancellationToken.None);
        }
    }

    private static KeyValuePair<string, string>[] HeaderLines(CurrentView view, DisplayFormat display, IStringLocalizer<UiText> L, DateTime nowUtc,
        KeyValuePair<string, string> extra) =>
    [
        new(L["Reports.Export.Merchant"], $"{view.Merchant!.LegalName} ({view.Merchant.MerchantCode})"),
        new(L["Reports.Export.Environment"], L[$"Environment.{view.Environment}"]),
        extra,
        new(L["Reports.Export.TimeZone"], display.TimeZone.Id),
        new(L["Reports.Export.Generated"], $"{display.DateTime(nowUtc)} ({nowUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)"),
    ];

    private static string Describe(TransactionReportFilter f, DisplayFormat display, IStringLocalizer<UiText> L)
    {
        var parts = new List<string> { $"{display.DateTime(f.FromUtc)} – {display.DateTime(f.ToUtc)}" };
        if (f.Statuses is { Count: > 0 }) parts.Add($"{L["Reports.Col.Status"]}: {string.Join(", ", f.Statuses.Select(s => L[$"Reports.Status.{s}"].Value))}");
        if (f.Types is { Count: > 0 }) parts.Add($"{L["Reports.Col.Type"]}: {string.Join(", ", f.Types.Select(t => L[$"Reports.Type.{t}"].Value))}");
        if (f.MinAmount is not null || f.MaxAmount is not null) parts.Add($"{L["Reports.Col.Amount"]}: {f.MinAmount?.ToString(CultureInfo.InvariantCulture)}…{f.MaxAmount?.ToString(CultureInfo.InvariantCulture)}");
        if (!string.IsNullOrEmpty(f.Search)) parts.Add($"{L["Reports.Search"]}: {f.Search}");
        return string.Join(" · ", parts);
    }
}
