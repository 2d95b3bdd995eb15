using System.Diagnostics;
using System.Globalization;
using Dashboard.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

// 20 people at browsers (one Chromium, one context each) clicking through reports, claims and exports against the
// built portal, each interaction timed from the click to the moment its result is on screen. Bounded: a fixed
// number of rounds per user and an overall time limit; loopback only; stops the portal it started.
//
//   dotnet run -c Release --project bench/Dashboard.LoadUsers -- [--users 20] [--rounds 5] [--demo-days 30]
//                                                                [--think-ms 300] [--url http://localhost:5000]

var users = IntOption("--users", 20);
var rounds = IntOption("--rounds", 5);
var demoDays = IntOption("--demo-days", 30);
var thinkMs = IntOption("--think-ms", 300);
var url = Option("--url");
if (url is not null && !new Uri(url).IsLoopback) throw new ArgumentException("loopback only: " + url);

using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(IntOption("--timeout-minutes", 20)));
await using var portal = url is null
    ? new PortalProcess(demoDays, new Dictionary<string, string>
    {
        // Every simulated person signs in as the demo admin: lift the per-user circuit cap (SESS-08) for the run.
        ["Circuits__MaxCircuitsPerUser"] = "1000",
        ["Logging__LogLevel__Default"] = "Warning",
        // The portal's own share of each interaction (Blazor's event-handler and render-diff timings): /_bench/timings.
        ["Dashboard__BenchEndpoints"] = "true",
    })
    : null;
var baseUrl = url ?? portal!.BaseUrl;
if (portal is not null)
{
    Console.WriteLine($"Starting the portal (Release build, {demoDays} demo days) …");
    await portal.StartAsync();
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await Chromium.LaunchAsync(playwright);

using var bench = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
var samples = new List<(string Step, double Ms)>();
// Signing in and the first page load are the heaviest part for 20 browsers on 2 cores: two at a time, then everyone
// starts clicking together, so the timed part really has all users active at once.
using var arriving = new SemaphoreSlim(2);
var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var arrived = 0;
var failures = new List<string>();
Console.WriteLine($"Seller Central interaction latency — {users} users × {rounds} rounds, {Environment.ProcessorCount} cores, {baseUrl}");
var wall = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
{
    var step = new[] { "sign-in" };
    try
    {
        await RunUserAsync(u, step);
    }
    catch (Exception e) when (e is PlaywrightException or TimeoutException or OperationCanceledException)
    {
        lock (failures) failures.Add($"user {u}, {step[0]}: {e.Message.Split('\n')[0]}");
    }
}));

Report();
await ReportServerTimingsAsync();
return failures.Count == 0 ? 0 : 1;

// The portal's side of the same interactions, from the framework's histograms (absent unless the portal runs in
// Development with Dashboard:BenchEndpoints=true, as the portal this bench starts does).
async Task ReportServerTimingsAsync()
{
    var response = await bench.GetAsync("_bench/timings");
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine("server-side timings: not available (start the portal with Dashboard__BenchEndpoints=true in Development)");
        return;
    }
    using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    var root = json.RootElement;
    var cpu = root.GetProperty("cpuSeconds").GetDouble();
    var seconds = root.GetProperty("wallSeconds").GetDouble();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"server side, the same period: portal CPU {cpu:F1} s in {seconds:F1} s ({100 * cpu / Math.Max(seconds, 0.001):F0}% of one core); Blazor's own histograms, ms:"));
    foreach (var timing in root.GetProperty("histograms").EnumerateObject())
    {
        var t = timing.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {timing.Name,-36} {t.GetProperty("count").GetInt32(),5} {t.GetProperty("p50Ms").GetDouble(),9:F1} {t.GetProperty("p95Ms").GetDouble(),9:F1} {t.GetProperty("maxMs").GetDouble(),9:F1}"));
    }
}

async Task RunUserAsync(int user, string[] step)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = baseUrl, Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 850 }, AcceptDownloads = true,
    });
    // Generous for signing in and the first page (20 browsers arriving on 2 cores); the timed steps report their time.
    context.SetDefaultTimeout(90_000);
    context.SetDefaultNavigationTimeout(90_000);
    var page = await context.NewPageAsync();
    await arriving.WaitAsync(limit.Token);
    try
    {
        await SignInAndOpenReportAsync(page);
    }
    finally
    {
        arriving.Release();
        if (Interlocked.Increment(ref arrived) == users)
        {
            // The server-side timings cover the clicking only, not the sign-ins.
            await bench.PostAsync("_bench/timings/reset", null);
            allArrived.TrySetResult();
        }
    }
    Console.WriteLine($"user {user} signed in and on the transactions report after {wall.Elapsed.TotalSeconds:F0} s");
    await allArrived.Task.WaitAsync(limit.Token);
    step[0] = "clicking";
    const string grid = "[data-testid=transactions-grid]";
    const string rows = grid + " tbody tr.rz-data-row";

    for (var round = 0; round < rounds && !limit.IsCancellationRequested; round++)
    {
        await TimeAsync(step, "transactions: next page", () => ClickAndWaitForChangeAsync(page, grid + " .rz-pager-next", grid + " tbody"));
        await TimeAsync(step, "transactions: sort by amount", () => ClickAndWaitForChangeAsync(page, grid + " th:has-text('Amount') .rz-column-title", grid + " tbody"));
        await TimeAsync(step, "transactions: open order", async () =>
        {
            await page.Locator(rows + " [data-testid=order-link]").First.ClickAsync();
            await page.Locator("[data-testid=timeline-entry]").First.WaitForAsync();
        });
        await TimeAsync(step, "claims: open list", async () =>
        {
            await page.EvaluateAsync("() => Blazor.navigateTo('performance/claims')");
            await page.Locator("[data-testid=claims-grid] tbody tr").First.WaitForAsync();
        });
        if (await page.Locator("[data-testid=claim-link]").CountAsync() > 0)
        {
            await TimeAsync(step, "claims: open claim", async () =>
            {
                await page.Locator("[data-testid=claim-link]").Nth(round % await page.Locator("[data-testid=claim-link]").CountAsync()).ClickAsync();
                await page.Locator("[data-testid=claim-status]").WaitForAsync();
            });
        }
        await TimeAsync(step, "transactions: open report", async () =>
        {
            await page.EvaluateAsync("() => Blazor.navigateTo('reports/transactions?preset=Last90Days')");
            await page.Locator(rows).First.WaitForAsync();
        });
        await TimeAsync(step, "export: CSV download (whole file)", async () =>
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
            await download.PathAsync();
        });
    }
}

static async Task SignInAndOpenReportAsync(IPage page)
{
    await page.GotoAsync("/Account/Login");
    await page.FillAsync("#Input\\.Email", "admin@demo.example");
    await page.FillAsync("#Input\\.Password", "Admin-Demo-2026");
    await page.ClickAsync("[data-testid=login-submit]");
    await page.WaitForSelectorAsync("[data-testid=current-user]");
    await page.GotoAsync("/reports/transactions?preset=Last90Days");
    await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-testid=view-switcher]') !== null");
    await page.Locator("[data-testid=transactions-grid] tbody tr.rz-data-row").First.WaitForAsync();
}

async Task TimeAsync(string[] current, string step, Func<Task> interaction)
{
    limit.Token.ThrowIfCancellationRequested();
    current[0] = step;
    var watch = Stopwatch.StartNew();
    await interaction();
    watch.Stop();
    lock (samples) samples.Add((step, watch.Elapsed.TotalMilliseconds));
    await Task.Delay(Random.Shared.Next(thinkMs / 2, thinkMs * 3 / 2 + 1), limit.Token);
}

// The grid re-renders in place: wait until the watched element's text differs from what it was before the click.
static async Task ClickAndWaitForChangeAsync(IPage page, string click, string watched)
{
    var before = await page.Locator(watched).InnerTextAsync();
    await page.Locator(click).First.ClickAsync();
    await page.WaitForFunctionAsync("([s, b]) => { const e = document.querySelector(s); return e && e.innerText !== b; }", new object[] { watched, before });
}

void Report()
{
    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    Console.WriteLine($"{"interaction",-38} {"n",5} {"p50 ms",9} {"p95 ms",9} {"max ms",9}");
    foreach (var group in samples.GroupBy(s => s.Step))
    {
        var sorted = group.Select(s => s.Ms).Order().ToList();
        Console.WriteLine($"{group.Key,-38} {sorted.Count,5} {Percentile(sorted, 50),9:F0} {Percentile(sorted, 95),9:F0} {sorted[^1],9:F0}");
    }
    var interactions = samples.Where(s => !s.Step.StartsWith("export", StringComparison.Ordinal)).Select(s => s.Ms).Order().ToList();
    Console.WriteLine($"{"all interactions (without the download)",-38} {interactions.Count,5} {Percentile(interactions, 50),9:F0} {Percentile(interactions, 95),9:F0} {(interactions.Count > 0 ? interactions[^1] : double.NaN),9:F0}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal p95 < 200 ms: {(Percentile(interactions, 95) < 200 ? "met" : "not met")}; {failures.Count} users failed; wall time {wall.Elapsed.TotalSeconds:F0} s"));
    foreach (var f in failures) Console.WriteLine("  " + f);
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int IntOption(string name, int fallback) => int.TryParse(Option(name), out var value) && value > 0 ? value : fallback;
