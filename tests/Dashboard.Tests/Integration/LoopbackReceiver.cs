using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Integration;

/// <summary>
/// An IPN receiver on 127.0.0.1 only (Kestrel; it ignores the Host header the sender writes): records every request
/// and answers as told.
/// </summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly WebApplication _app;

    public LoopbackReceiver()
    {
        Port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public int Port { get; }
    public List<(string Body, Dictionary<string, string> Headers)> Received { get; } = [];
    public int Hits { get { lock (Received) return Received.Count; } }

    /// <summary>How to answer request number n (1-based).</summary>
    public Func<int, (int Status, string? Location, string Body, TimeSpan Delay)> Respond { get; set; } = _ => (200, null, "ok", TimeSpan.Zero);

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        int n;
        lock (Received)
        {
            Received.Add((body, ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            n = Received.Count;
        }
        var (status, location, responseBody, delay) = Respond(n);
        if (delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, ctx.RequestAborted); } catch (OperationCanceledException) { return; }
        }
        ctx.Response.StatusCode = status;
        if (location is not null) ctx.Response.Headers.Location = location;
        await ctx.Response.WriteAsync(responseBody, ctx.RequestAborted);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
