using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Persistence;
using Dashboard.Domain.Reports.Transactions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Bench;

public sealed record Timing<T>(double P50, double P95, T Result);

public sealed record ExportMeasure(int Rows, double Seconds, double StartMb, double PeakMb);

public static class Bench
{
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Runs a few warm-up rounds, then <paramref name="runs"/> timed ones; percentiles in milliseconds.</summary>
    public static async Task<Timing<T>> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        T result = default!;
        for (var i = 0; i < 10; i++) result = await action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            result = await action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Timing<T>(times[runs / 2], times[(int)Math.Ceiling(runs * 0.95) - 1], result);
    }

    /// <summary>Samples the working set every 20 ms while the export runs: the peak is the export's, not the database build's.</summary>
    public static async Task<ExportMeasure> MeasureExportAsync(Func<Task<int>> export)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.WorkingSet64;
        long peak = start;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(20, done.Token); } catch (OperationCanceledException) { }
            }
        });
        var sw = Stopwatch.StartNew();
        var rows = await export();
        var seconds = sw.Elapsed.TotalSeconds;
        done.Cancel();
        await sampler;
        return new ExportMeasure(rows, seconds, start / 1e6, peak / 1e6);
    }
}

/// <summary>A reader allowed to see every report.</summary>
public sealed class BenchActor : ICurrentActor
{
    public string? UserId => "bench";
    public string? UserName => "bench";
    public string? IpAddress => null;
    public void Demand(Section section, PermissionLevel level) { }
}

public sealed class Contexts(DbContextOptions<DashboardDbContext> options, IMerchantScope scope) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => new(options, scope);
}

/// <summary>Builds the benchmark database once (reused when the file exists) with the demo generator.</summary>
public static class Database
{
    public const int Days = 90;

    // Measured with the generator's rates: about 2.1 transactions per order (authorization, captures, refunds, cancels).
    private const double TransactionsPerOrder = 2.1;

    public static async Task<Merchant> PrepareAsync(DbContextOptions<DashboardDbContext> options, int transactions)
    {
        await using (var db = new DashboardDbContext(options, MerchantScope.System))
        {
            await DatabaseMigrator.MigrateAsync(db);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var existing = await db.Merchants.FirstOrDefaultAsync(m => m.MerchantCode == "A2FRBENCH00001");
            if (existing is not null)
            {
                Console.WriteLine("Reusing the existing benchmark database.");
                return existing;
            }
        }

        var merchant = new Merchant("A2FRBENCH00001", "Maison Benchmark SARL", "FR", "EUR", DateTime.UtcNow.AddDays(-Days - 1));
        await using (var db = new DashboardDbContext(options, MerchantScope.System))
        {
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync();
        }
        var system = new Contexts(options, MerchantScope.System);
        var clock = TimeProvider.System;
        var generator = new DemoActivityGenerator(new LedgerService(system, clock), new SettlementService(system, clock));
        var perDay = (int)Math.Ceiling(transactions / TransactionsPerOrder / Days);
        Console.WriteLine($"Building the database: {Days} days × {perDay:N0} orders a day through the demo generator (about {transactions:N0} transactions)…");
        var sw = Stopwatch.StartNew();
        var request = new DemoActivityRequest(merchant.Id, "EUR", "FR", PaymentEnvironment.Production,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-Days), Days, perDay, BatchSize: 5_000);
        var summary = await generator.GenerateAsync(request, new Random(20261123));
        Console.WriteLine($"Built in {sw.Elapsed.TotalMinutes:F1} min: {summary.Orders:N0} orders, {summary.EventsApplied:N0} events, {summary.Settlements:N0} settlements.");
        await using (var db = new DashboardDbContext(options, MerchantScope.System))
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return merchant;
    }
}

/// <summary>The grid's two statements written by hand, on a plain connection: the floor the service is compared to.</summary>
public static class BareQuery
{
    public static async Task<int> FirstPageAsync(string connectionString, Guid merchantId, TransactionReportFilter f)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var merchant = merchantId.ToString().ToUpperInvariant();
        var from = f.FromUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var to = f.ToUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        const string where = "t.MerchantId = $m AND t.Environment = 1 AND t.Status = $s AND t.CreatedUtc >= $from AND t.CreatedUtc < $to";

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM PaymentTransactions t WHERE {where}";
        Bind(count);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT t.Id, t.OrderId, t.CreatedUtc, t.CompletedUtc, t.Type, t.Status, t.Amount, t.Currency, t.PercentageFee, t.FixedFee,
                   t.SellerOrderId, t.ProviderReferenceId, o.ProviderReferenceId, o.BuyerEmail, t.ReasonCode, t.SettlementId
            FROM PaymentTransactions t JOIN PaymentOrders o ON o.Id = t.OrderId
            WHERE {where}
            ORDER BY t.CreatedUtc DESC, t.Id DESC LIMIT 50
            """;
        Bind(page);
        await using var reader = await page.ExecuteReaderAsync();
        var rows = new List<object[]>(50);
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return total;

        void Bind(SqliteCommand c)
        {
            c.Parameters.AddWithValue("$m", merchant);
            c.Parameters.AddWithValue("$s", (int)(f.Statuses?[0] ?? TransactionStatus.Completed));
            c.Parameters.AddWithValue("$from", from);
            c.Parameters.AddWithValue("$to", to);
        }
    }
}

public sealed record ExcelJsResult(int Rows, double Seconds, double PeakMb, string Node);

/// <summary>Runs bench/exceljs-export.js (exceljs's streaming WorkbookWriter) on the CSV and reads its JSON summary.</summary>
public static class ExcelJs
{
    public static ExcelJsResult? Run(string benchDir, string csv, string xlsx, string kinds)
    {
        if (!Directory.Exists(Path.Combine(benchDir, "node_modules", "exceljs"))) return null;
        var info = new ProcessStartInfo("node", ["exceljs-export.js", csv, xlsx, kinds])
        {
            WorkingDirectory = benchDir,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(info);
        if (node is null) return null;
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        return new ExcelJsResult(json.GetProperty("rows").GetInt32(), json.GetProperty("seconds").GetDouble(),
            json.GetProperty("peakRssMb").GetDouble(), json.GetProperty("node").GetString() ?? "");
    }
}
