using System.Diagnostics.Metrics;
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

        // The interaction benchmark (bench/Dashboard.LoadUsers) times clicks in browsers that share the machine's cores
        // with the portal; these give the portal's own share: Blazor's event handlers and render diffs, as the
        // framework measures them, since the last reset.
        var timings = new ComponentTimings();
        app.Lifetime.ApplicationStopping.Register(timings.Dispose);
        app.MapPost("/_bench/timings/reset", (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip)) return Results.NotFound();
            timings.Reset();
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery();
        app.MapGet("/_bench/timings", (HttpContext context) =>
            context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip) ? Results.Ok(timings.Report()) : Results.NotFound())
            .AllowAnonymous();
    }
}

/// <summary>Collects ASP.NET Core's own component histograms (<c>aspnetcore.components.handle_event.duration</c> on the
/// meter <c>Microsoft.AspNetCore.Components</c>, <c>…render_diff.duration</c> on <c>….Lifecycle</c>) in memory, for the benchmarks
/// only. Bounded: at most <see cref="MaxSamples"/> values per histogram are kept.</summary>
public sealed class ComponentTimings : IDisposable
{
    public const string MeterName = "Microsoft.AspNetCore.Components";
    public const int MaxSamples = 500_000;
    private static readonly Dictionary<string, string> Instruments = new()
    {
        ["aspnetcore.components.handle_event.duration"] = "handle_event",
        ["aspnetcore.components.render_diff.duration"] = "render_diff",
    };

    private readonly MeterListener listener = new();
    private readonly Dictionary<string, List<double>> samples = Instruments.Values.ToDictionary(k => k, _ => new List<double>());

    // The process's CPU time and the clock at the last reset: how busy the portal was while the browsers clicked.
    private (TimeSpan Cpu, long Timestamp) since = (CurrentCpu(), System.Diagnostics.Stopwatch.GetTimestamp());

    /// <param name="meterName">The framework's meter; tests pass their own.</param>
    public ComponentTimings(string meterName = MeterName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // The render-diff histogram is on the framework's second meter, "….Lifecycle".
            if ((instrument.Meter.Name == meterName || instrument.Meter.Name == meterName + ".Lifecycle")
                && Instruments.ContainsKey(instrument.Name)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            Record(Instruments[instrument.Name], instrument.Unit == "s" ? value * 1000 : value));
        listener.Start();
    }

    public void Record(string name, double milliseconds)
    {
        var list = samples[name];
        lock (list)
            if (list.Count < MaxSamples) list.Add(milliseconds);
    }

    public void Reset()
    {
        foreach (var list in samples.Values)
            lock (list) list.Clear();
        since = (CurrentCpu(), System.Diagnostics.Stopwatch.GetTimestamp());
    }

    /// <summary>The histograms' summaries, and the portal's CPU seconds against the wall-clock seconds since the last reset.</summary>
    public BenchTimings Report()
    {
        var (cpu, timestamp) = since;
        return new BenchTimings(Summary(), (CurrentCpu() - cpu).TotalSeconds, System.Diagnostics.Stopwatch.GetElapsedTime(timestamp).TotalSeconds);
    }

    private static TimeSpan CurrentCpu()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Count, p50, p95 and maximum in milliseconds per histogram.</summary>
    public IReadOnlyDictionary<string, TimingSummary> Summary() => samples.ToDictionary(s => s.Key, s =>
    {
        double[] sorted;
        lock (s.Value) sorted = [.. s.Value];
        Array.Sort(sorted);
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new TimingSummary(sorted.Length, At(50), At(95), sorted.Length == 0 ? 0 : sorted[^1]);
    });

    public void Dispose() => listener.Dispose();
}

public sealed record TimingSummary(int Count, double P50Ms, double P95Ms, double MaxMs);

public sealed record BenchTimings(IReadOnlyDictionary<string, TimingSummary> Histograms, double CpuSeconds, double WallSeconds);
