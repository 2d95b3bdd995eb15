using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Dashboard.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Infrastructure;

/// <summary>
/// When the portal stops (a deploy, a restart), every connected browser is asked to pause its circuit first: the
/// framework then persists each page's component state (filters, tab, open dialog, unsaved text) and hands it to the
/// browser, which resumes the same page on the next server once it answers. Without it a stopping server simply drops
/// its circuits and every open page starts blank. Browsers that do not answer within the wait are dropped as before.
/// </summary>
public sealed class CircuitPauseOnShutdown(IHostApplicationLifetime lifetime, IOptions<CircuitLimitsOptions> options,
    ILogger<CircuitPauseOnShutdown> log)
{
    private readonly ConcurrentDictionary<PauseOnShutdownHandler, IJSRuntime> _connected = new();
    private int _registered;

    internal void Up(PauseOnShutdownHandler circuit, IJSRuntime js)
    {
        _connected[circuit] = js;
        // Stopping callbacks run last-registered first, and SignalR closes every connection in one of them. Registered
        // at the first connection, this one comes after SignalR's and so runs while the browsers are still connected.
        var wait = TimeSpan.FromSeconds(options.Value.PauseOnShutdownSeconds);
        if (wait > TimeSpan.Zero && Interlocked.Exchange(ref _registered, 1) == 0)
            lifetime.ApplicationStopping.Register(() => PauseAll(wait));
    }

    internal void Down(PauseOnShutdownHandler circuit) => _connected.TryRemove(circuit, out _);

    /// <summary>Asks each connected browser to pause, then waits until they have disconnected or <paramref name="wait"/> ends.</summary>
    public void PauseAll(TimeSpan wait)
    {
        var asked = _connected.Count;
        if (asked == 0) return;
        using var timeout = new CancellationTokenSource(wait);
        var requests = _connected.Values.Select(js => AskAsync(js, timeout.Token)).ToArray();
        try
        {
            Task.WaitAll(requests, timeout.Token);
            while (_connected.Count > 0 && !timeout.IsCancellationRequested) Thread.Sleep(50);
        }
        catch (OperationCanceledException)
        {
        }
        log.LogInformation("Stopping: {Asked} open pages asked to pause, {Left} still connected", asked, _connected.Count);
    }

    private static async Task AskAsync(IJSRuntime js, CancellationToken ct)
    {
        try
        {
            // Returns at once; the browser pauses right after (a pause waits for this call's answer to be sent).
            await js.InvokeVoidAsync("dashboardShell.pauseForRestart", ct);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
        {
            // A browser that cannot be asked keeps the old behaviour: reconnect, and a fresh page if that fails.
        }
    }
}

/// <summary>Registers the circuit's browser with <see cref="CircuitPauseOnShutdown"/> while it is connected.</summary>
public sealed class PauseOnShutdownHandler(CircuitPauseOnShutdown registry, IJSRuntime js) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        registry.Up(this, js);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        registry.Down(this);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        registry.Down(this);
        return Task.CompletedTask;
    }
}
