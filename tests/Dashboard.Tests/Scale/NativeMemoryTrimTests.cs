using Dashboard.Infrastructure.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Scale;

/// <summary>Issue 7: after circuits close, the C heap is asked to hand freed memory back, and only then.</summary>
[Collection(DashboardCollection.Name)]
public sealed class NativeMemoryTrimTests(DashboardFactory factory)
{
    [Fact]
    public async Task The_heap_is_trimmed_only_when_circuits_closed_since_the_last_time()
    {
        var closed = new ClosedCircuits();
        var heap = new CountingHeap();
        var trim = new NativeMemoryTrim(closed, heap, Options.Create(new CircuitLimitsOptions()), TimeProvider.System,
            NullLogger<NativeMemoryTrim>.Instance);

        Assert.False(trim.TrimIfCircuitsClosed());
        Assert.Equal(0, heap.Trims);

        var counter = new ClosedCircuitCounter(closed);
        for (var i = 0; i < 3; i++) await counter.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.True(trim.TrimIfCircuitsClosed());
        Assert.Equal(1, heap.Trims);

        Assert.False(trim.TrimIfCircuitsClosed());
        Assert.Equal(1, heap.Trims);
    }

    [Fact]
    public void On_this_Linux_glibc_heap_the_trim_is_supported_and_callable()
    {
        var heap = new GlibcHeap();
        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/usr/bin/ldd") && !File.Exists("/etc/alpine-release"), heap.IsSupported);
        var buffers = Enumerable.Range(0, 64).Select(_ => System.Runtime.InteropServices.Marshal.AllocHGlobal(256 * 1024)).ToList();
        buffers.ForEach(System.Runtime.InteropServices.Marshal.FreeHGlobal);
        heap.Trim();   // true or false depending on the allocator's state; it must not throw
    }

    [Fact]
    public void The_portal_counts_closed_circuits_and_runs_the_trim_every_five_minutes_by_default()
    {
        Assert.Equal(5, factory.Services.GetRequiredService<IOptions<CircuitLimitsOptions>>().Value.NativeMemoryTrimMinutes);
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is NativeMemoryTrim);
        using var scope = factory.Services.CreateScope();
        Assert.Contains(scope.ServiceProvider.GetServices<CircuitHandler>(), h => h is ClosedCircuitCounter);
    }

    private sealed class CountingHeap : INativeHeap
    {
        public int Trims { get; private set; }
        public bool IsSupported => true;

        public bool Trim()
        {
            Trims++;
            return true;
        }
    }
}
