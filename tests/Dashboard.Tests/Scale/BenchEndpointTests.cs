using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Dashboard.Infrastructure;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Scale;

/// <summary>The load benchmarks' endpoints: absent unless Development and Dashboard:BenchEndpoints=true, loopback only;
/// the timings they report are the framework's component histograms.</summary>
public sealed class BenchEndpointTests
{
    [Fact]
    public async Task Without_the_setting_the_bench_endpoints_do_not_exist()
    {
        using var portal = new DashboardFactory();
        using var client = portal.CreateClient();
        await AssertNoBenchAnswerAsync(client);
    }

    [Fact]
    public async Task With_the_setting_they_answer_loopback_callers_only()
    {
        using var loopback = new BenchPortal(IPAddress.Loopback);
        using var client = loopback.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/_bench/timings/reset", null)).StatusCode);
        var timings = await client.GetFromJsonAsync<BenchTimings>("/_bench/timings");
        Assert.Equal(["handle_event", "render_diff"], timings!.Histograms.Keys.Order());
        Assert.InRange(timings.WallSeconds, 0, 60);
        Assert.InRange(timings.CpuSeconds, 0, 120);
        var gc = await client.PostAsync("/_bench/gc", null);
        Assert.Equal(HttpStatusCode.OK, gc.StatusCode);
        Assert.Contains("managedBytes", await gc.Content.ReadAsStringAsync());

        using var remote = new BenchPortal(IPAddress.Parse("203.0.113.7"));
        await AssertNoBenchAnswerAsync(remote.CreateClient());
    }

    // Refused or answered by the portal's own not-found page: never the bench's data, never a forced collection.
    private static async Task AssertNoBenchAnswerAsync(HttpClient client)
    {
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/_bench/gc"), (HttpMethod.Get, "/_bench/timings"), (HttpMethod.Post, "/_bench/timings/reset") })
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
            Assert.NotEqual("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("managedBytes", body);
            Assert.DoesNotContain("handle_event", body);
        }
        client.Dispose();
    }

    [Fact]
    public void Timings_keep_the_two_histograms_in_milliseconds_and_reset_clears_them()
    {
        var meterName = "Dashboard.Tests.Timings." + Guid.NewGuid().ToString("N");
        using var timings = new ComponentTimings(meterName);
        using var meter = new Meter(meterName);
        using var lifecycle = new Meter(meterName + ".Lifecycle");
        var events = meter.CreateHistogram<double>("aspnetcore.components.handle_event.duration", unit: "s");
        var diffs = lifecycle.CreateHistogram<double>("aspnetcore.components.render_diff.duration", unit: "s");
        var other = meter.CreateHistogram<double>("aspnetcore.components.update_parameters.duration", unit: "s");

        foreach (var seconds in Enumerable.Range(1, 100).Select(i => i / 1000.0)) events.Record(seconds);   // 1 … 100 ms
        diffs.Record(0.002);
        other.Record(5);

        var summary = timings.Summary();
        Assert.Equal(2, summary.Count);
        Assert.Equal(100, summary["handle_event"].Count);
        Assert.Equal(50, summary["handle_event"].P50Ms, 6);
        Assert.Equal(95, summary["handle_event"].P95Ms, 6);
        Assert.Equal(100, summary["handle_event"].MaxMs, 6);
        Assert.Equal(1, summary["render_diff"].Count);
        Assert.Equal(2, summary["render_diff"].P95Ms, 6);

        timings.Reset();
        Assert.All(timings.Summary().Values, s => Assert.Equal(0, s.Count));
    }

    /// <summary>Development with the bench endpoints on; every request comes from <paramref name="caller"/>.</summary>
    private sealed class BenchPortal(IPAddress caller) : DashboardFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting(BenchEndpoints.SettingName, "true");
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new CallerAddress(caller)));
        }
    }

    private sealed class CallerAddress(IPAddress caller) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = caller;
                return following(context);
            });
            next(app);
        };
    }
}
