using System.Security.Claims;
using Dashboard.Infrastructure.Security;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Security;

/// <summary>SESS-08: circuit and hub limits are set as documented and one user cannot hold unbounded circuits.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CircuitLimitsTests(DashboardFactory factory)
{
    [Fact]
    public void The_circuit_and_hub_limits_are_the_documented_ones()
    {
        var circuit = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal(100, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromMinutes(3), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), circuit.JSInteropDefaultCallTimeout);
        Assert.Equal(10, circuit.MaxBufferedUnacknowledgedRenderBatches);

        // The hub options of Blazor's own hub (ComponentHub is internal: found through the registered options type).
        var hubOptionsType = typeof(HubOptions<>).MakeGenericType(typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub")!);
        var accessor = factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(hubOptionsType));
        var hub = (HubOptions)accessor.GetType().GetProperty("Value")!.GetValue(accessor)!;
        Assert.Equal(32 * 1024, hub.MaximumReceiveMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(30), hub.ClientTimeoutInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), hub.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), hub.HandshakeTimeout);
        Assert.Equal(10, factory.Services.GetRequiredService<IOptions<CircuitLimitsOptions>>().Value.MaxCircuitsPerUser);
    }

    [Fact]
    public async Task A_user_over_the_cap_is_refused_a_circuit_until_one_of_theirs_closes()
    {
        var registry = new CircuitsPerUser();
        var options = Options.Create(new CircuitLimitsOptions { MaxCircuitsPerUser = 3 });
        var handlers = new List<(CircuitQuotaHandler Handler, CircuitQuota Quota)>();
        async Task<CircuitQuota> OpenAsync(string? userId)
        {
            var quota = new CircuitQuota();
            var handler = new CircuitQuotaHandler(registry, quota, new FixedUser(userId), options, NullLogger<CircuitQuotaHandler>.Instance);
            await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
            handlers.Add((handler, quota));
            return quota;
        }

        for (var i = 0; i < 3; i++) Assert.False((await OpenAsync("alice")).Refused);
        Assert.True((await OpenAsync("alice")).Refused);
        Assert.Equal(3, registry.Count("alice"));
        // Another user and anonymous circuits (sign-in pages) are not affected.
        Assert.False((await OpenAsync("bob")).Refused);
        Assert.False((await OpenAsync(null)).Refused);

        // Closing the refused circuit frees nothing; closing a real one frees exactly one slot.
        await handlers[3].Handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(3, registry.Count("alice"));
        await handlers[0].Handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        await handlers[0].Handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(2, registry.Count("alice"));
        Assert.False((await OpenAsync("alice")).Refused);
        Assert.True((await OpenAsync("alice")).Refused);
    }

    [Fact]
    public void Concurrent_opens_never_exceed_the_cap()
    {
        var registry = new CircuitsPerUser();
        var granted = 0;
        Parallel.For(0, 200, _ => { if (registry.TryAcquire("carol", 10)) Interlocked.Increment(ref granted); });
        Assert.Equal(10, granted);
        Assert.Equal(10, registry.Count("carol"));
        Parallel.For(0, 10, _ => registry.Release("carol"));
        Assert.Equal(0, registry.Count("carol"));
    }

    private sealed class FixedUser(string? userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(userId is null
                ? new ClaimsPrincipal(new ClaimsIdentity())
                : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"))));
    }
}
