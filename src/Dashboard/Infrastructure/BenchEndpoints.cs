using System.Net;
using System.Runtime;

namespace Dashboard.Infrastructure;

/// <summary>
/// Endpoints for the load benchmarks (bench/load), mapped only in Development and only when
/// <c>Dashboard:BenchEndpoints</c> is true: they answer loopback callers only and reveal no data.
/// </summary>
public static class BenchEndpoints
{
    public const string SettingName = "Dashboard:BenchEndpoints";

    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Configuration.GetValue<bool>(SettingName)) return;

        // The circuit benchmark asks for a full, compacting collection before it compares memory with its baseline,
        // so "memory back to baseline after the circuits are released" does not depend on when the GC happens to run.
        app.MapPost("/_bench/gc", (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip)) return Results.NotFound();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return Results.Ok(new { managedBytes = GC.GetTotalMemory(false), workingSetBytes = process.WorkingSet64 });
        }).AllowAnonymous().DisableAntiforgery();
    }
}
