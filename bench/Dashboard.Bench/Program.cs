using System.Diagnostics;
using System.Globalization;
using Dashboard.Bench;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Reports;
using Dashboard.Domain.Reports.Transactions;
using Dashboard.Features.Reports.Transactions;
using Dashboard.Infrastructure.Export;
using Dashboard.Resources;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// dotnet run -c Release --project bench/Dashboard.Bench -- [transactions=1000000] [--db path] [--runs 200] [--build-only] [--grid-only]
var target = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && int.TryParse(a, out _)) is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
var outDir = Path.GetFullPath(Path.Combine(Bench.RepositoryRoot(), "bench", "out"));
Directory.CreateDirectory(outDir);
var dbPath = Bench.Option(args, "--db") ?? Path.Combine(outDir, $"bench-{target}.db");
var runs = int.Parse(Bench.Option(args, "--runs") ?? "200", CultureInfo.InvariantCulture);
var connectionString = $"Data Source={dbPath};Default Timeout=30";
var options = new DbContextOptionsBuilder<DashboardDbContext>().UseDashboardDatabase(DatabaseProvider.Sqlite, connectionString).Options;

Console.WriteLine($"Seller Central report benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, database {dbPath}");
var merchant = await Database.PrepareAsync(options, target);
if (args.Contains("--build-only")) return;
var scope = new MerchantScope(merchant.Id, PaymentEnvironment.Production);
var service = new TransactionReportService(new Contexts(options, scope), new BenchActor());
await using (var db = new DashboardDbContext(options, MerchantScope.System))
{
    var count = await db.PaymentTransactions.CountAsync(t => t.MerchantId == merchant.Id);
    Console.WriteLine($"Transactions in the database: {count:N0}");
}

// 1. The grid's first page: 30-day range ending at the newest transaction, one status, newest first.
DateTime newest;
await using (var db = new DashboardDbContext(options, MerchantScope.System))
    newest = await db.PaymentTransactions.Where(t => t.MerchantId == merchant.Id).MaxAsync(t => t.CreatedUtc);
var range = ReportDateRange.Resolve(DateRangePreset.Last30Days, null, null, TimeZoneInfo.Utc, newest);
var filter = new TransactionReportFilter(range.FromUtc, range.ToUtc, Statuses: [TransactionStatus.Completed]);
if (args.Contains("--sql"))
{
    // Prints the SQL the service sends, for EXPLAIN QUERY PLAN.
    var logged = new DbContextOptionsBuilder<DashboardDbContext>().UseDashboardDatabase(DatabaseProvider.Sqlite, connectionString)
        .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options;
    await new TransactionReportService(new Contexts(logged, scope), new BenchActor()).GetPageAsync(filter, TransactionSort.Default, 0, 50);
}
var grid = await Bench.TimeAsync(runs, async () => (await service.GetPageAsync(filter, TransactionSort.Default, 0, 50)).TotalCount);
var bare = await Bench.TimeAsync(runs, () => BareQuery.FirstPageAsync(connectionString, merchant.Id, filter));
Console.WriteLine();
Console.WriteLine($"Grid query, first page of 50 (30 days, status Completed, newest first; {grid.Result:N0} matching rows), {runs} runs:");
Console.WriteLine($"  service (EF Core, page + count)   p50 {grid.P50,7:F2} ms   p95 {grid.P95,7:F2} ms");
Console.WriteLine($"  bare SQL (same two statements)     p50 {bare.P50,7:F2} ms   p95 {bare.P95,7:F2} ms");
Console.WriteLine($"  ratio p50 {grid.P50 / bare.P50:F2}x, p95 {grid.P95 / bare.P95:F2}x   (goal: <= 1.5x and p95 <= 50 ms)");

if (args.Contains("--grid-only")) return;

// 2. The full-range Excel export of every row, through the same service query the grid uses.
var all = new TransactionReportFilter(DateTime.MinValue.AddYears(2000), DateTime.MaxValue.AddYears(-1));
var localizer = new StringLocalizer<UiText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
var columns = TransactionExportColumns.For(localizer, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
var header = new ExportHeader("Transactions", [new("Merchant", merchant.LegalName), new("Time zone", "Europe/Paris")]);
var read = await Bench.MeasureExportAsync(async () =>
{
    var rows = 0;
    await foreach (var _ in service.StreamAsync(all, TransactionSort.Default)) rows++;
    return rows;
});
var xlsxPath = Path.Combine(outDir, "transactions.xlsx");
var xlsx = await Bench.MeasureExportAsync(async () =>
{
    await using var file = new FileStream(xlsxPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    return await XlsxExportWriter.WriteAsync(file, header, columns, service.StreamAsync(all, TransactionSort.Default), CancellationToken.None);
});
Console.WriteLine();
Console.WriteLine($"Excel export, all rows (streaming ZipArchive + OpenXmlWriter, {columns.Count} columns):");
Console.WriteLine($"  reading the rows alone (same query, no file): {read.Seconds:F1} s = {read.Rows / read.Seconds:N0} rows/s");
Console.WriteLine($"  {xlsx.Rows:N0} rows in {xlsx.Seconds:F1} s = {xlsx.Rows / xlsx.Seconds:N0} rows/s; working set {xlsx.StartMb:F0} MB before, peak {xlsx.PeakMb:F0} MB (+{xlsx.PeakMb - xlsx.StartMb:F0} MB); file {new FileInfo(xlsxPath).Length / 1e6:F1} MB");

// 3. The same rows through exceljs's streaming writer (node), from a CSV written by the same column map.
var csvPath = Path.Combine(outDir, "transactions.csv");
await using (var file = new FileStream(csvPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
    await CsvExportWriter.WriteAsync(file, columns, service.StreamAsync(all, TransactionSort.Default), false, CancellationToken.None);
var kinds = string.Join(',', columns.Select(c => c.Kind switch { CellKind.DateTime => "D", CellKind.Money => "M", CellKind.Integer => "I", _ => "T" }));
var reference = ExcelJs.Run(Path.Combine(Bench.RepositoryRoot(), "bench"), csvPath, Path.Combine(outDir, "transactions-exceljs.xlsx"), kinds);
Console.WriteLine();
if (reference is null)
{
    Console.WriteLine("exceljs reference: skipped (run `npm ci` in bench/ first).");
}
else
{
    Console.WriteLine($"exceljs streaming WorkbookWriter (node {reference.Node}), same rows and cell types:");
    Console.WriteLine($"  {reference.Rows:N0} rows in {reference.Seconds:F1} s = {reference.Rows / reference.Seconds:N0} rows/s; peak RSS {reference.PeakMb:F0} MB");
    Console.WriteLine($"  ratio portal/exceljs: speed {reference.Seconds / xlsx.Seconds:F2}x (higher is faster), peak memory {xlsx.PeakMb / reference.PeakMb:F2}x");
}
