using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Infrastructure.Security;

/// <summary>SESS-08: the circuit and hub limits ("Circuits" section), set explicitly. The defaults are ASP.NET Core's
/// own (Microsoft Learn "Blazor Server SignalR" options table), written down so a change is deliberate and visible.</summary>
public sealed class CircuitLimitsOptions
{
    public const string SectionName = "Circuits";

    /// <summary>Disconnected circuits kept in memory for a reconnect (framework default 100).</summary>
    [Range(1, 100_000)] public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    /// <summary>How long a disconnected circuit waits for its browser (framework default 3 minutes).</summary>
    [Range(1, 3600)] public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;

    /// <summary>When the portal stops, how long it waits for open pages to pause (their state handed to the browser, to
    /// resume on the next start); 0 drops them at once.</summary>
    [Range(0, 60)] public int PauseOnShutdownSeconds { get; set; } = 5;

    /// <summary>How long the server waits for a JavaScript call to answer (framework default 1 minute).</summary>
    [Range(1, 600)] public int JSInteropTimeoutSeconds { get; set; } = 60;

    /// <summary>Render batches sent but not yet acknowledged before the server stops rendering (framework default 10).</summary>
    [Range(1, 100)] public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>Largest message the hub accepts from a browser, in KB (framework default 32 KB).</summary>
    [Range(1, 1024)] public int MaximumReceiveMessageSizeKb { get; set; } = 32;

    /// <summary>A browser silent for this long is considered gone (framework default 30 s, twice the keep-alive).</summary>
    [Range(2, 600)] public int ClientTimeoutSeconds { get; set; } = 30;

    /// <summary>How often the server pings the browser (framework default 15 s).</summary>
    [Range(1, 300)] public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Time a new connection has to complete the hub handshake (framework default 15 s).</summary>
    [Range(1, 300)] public int HandshakeTimeoutSeconds { get; set; } = 15;

    /// <summary>Open circuits (tabs) one signed-in user may hold at once; the next one is refused with a message.
    /// The framework sets no limit ("There's no limit on the number of connections per user"). The upper bound leaves
    /// room for the circuit load test (bench/load), which opens thousands of circuits as one user.</summary>
    [Range(1, 100_000)] public int MaxCircuitsPerUser { get; set; } = 10;

    /// <summary>WebSocket compression of the circuits' messages (permessage-deflate). The framework's default keeps
    /// one deflate state per connection for its whole life (about 256 KB of native memory each, which the C allocator
    /// does not hand back to the system once circuits close); <see cref="CircuitCompression.PerMessage"/> compresses
    /// each message on its own and frees the state after it.</summary>
    [EnumDataType(typeof(CircuitCompression))] public CircuitCompression WebSocketCompression { get; set; } = CircuitCompression.PerMessage;

    /// <summary>How often, in minutes, the C allocator is asked to hand freed memory back to the system when circuits
    /// have closed since the last time (Linux with glibc: <c>malloc_trim</c>); 0 turns it off. Without it the process
    /// kept about 60 MB more after 2,000 circuits were released (see <see cref="NativeMemoryTrim"/>).</summary>
    [Range(0, 1440)] public int NativeMemoryTrimMinutes { get; set; } = 5;
}

/// <summary>How circuits' WebSocket messages are compressed (<see cref="CircuitLimitsOptions.WebSocketCompression"/>).</summary>
public enum CircuitCompression
{
    /// <summary>Each message compressed on its own (no server context takeover): no deflate state kept per circuit.</summary>
    PerMessage,

    /// <summary>ASP.NET Core's default: one deflate state per connection, for the best ratio on repetitive messages.</summary>
    SharedContext,

    /// <summary>No compression: least CPU and memory, most bytes on the wire.</summary>
    Off,
}

/// <summary>Applies <see cref="CircuitLimitsOptions.WebSocketCompression"/> to the WebSocket accept of the Blazor hub.</summary>
public static class CircuitCompressionPolicy
{
    public static Func<HttpContext, WebSocketAcceptContext, Task> For(CircuitCompression compression) => (_, accept) =>
    {
        accept.DangerousEnableCompression = compression != CircuitCompression.Off;
        accept.DisableServerContextTakeover = compression == CircuitCompression.PerMessage;
        return Task.CompletedTask;
    };
}

/// <summary>SESS-08: how many circuits each user holds, across the whole process (singleton).</summary>
public sealed class CircuitsPerUser
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Count(string userId) => _open.TryGetValue(userId, out var n) ? n : 0;

    /// <summary>Takes a slot for one more circuit of <paramref name="userId"/>; false (and nothing taken) at the cap.</summary>
    public bool TryAcquire(string userId, int max)
    {
        while (true)
        {
            var current = Count(userId);
            if (current >= max) return false;
            if (current == 0 ? _open.TryAdd(userId, 1) : _open.TryUpdate(userId, current + 1, current)) return true;
        }
    }

    public void Release(string userId)
    {
        while (_open.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(userId, current)) : _open.TryUpdate(userId, current - 1, current))
                return;
        }
    }
}

/// <summary>The verdict for this circuit (scoped): the layout shows the refusal instead of the page.</summary>
public sealed class CircuitQuota
{
    public bool Refused { get; set; }
}

/// <summary>SESS-08: counts each signed-in user's circuits; one over the cap is refused (the layout renders only a
/// message and the circuit holds no page state), and its slot is never taken.</summary>
public sealed class CircuitQuotaHandler(CircuitsPerUser registry, CircuitQuota quota, AuthenticationStateProvider auth,
    Microsoft.Extensions.Options.IOptions<CircuitLimitsOptions> options, ILogger<CircuitQuotaHandler> log) : CircuitHandler
{
    private string? _userId;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return;
        if (registry.TryAcquire(id, options.Value.MaxCircuitsPerUser))
        {
            _userId = id;
            return;
        }
        quota.Refused = true;
        log.LogWarning("Circuit refused: user {UserId} already holds {Max} circuits", id, options.Value.MaxCircuitsPerUser);
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not null) registry.Release(_userId);
        _userId = null;
        return Task.CompletedTask;
    }
}
