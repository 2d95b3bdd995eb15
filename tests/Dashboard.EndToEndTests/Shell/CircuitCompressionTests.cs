using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;

namespace Dashboard.EndToEndTests.Shell;

/// <summary>SESS-08 / issue 7 (memory per circuit): the Blazor hub on the real server (Kestrel) accepts the
/// compression browsers offer but answers it without server context takeover, so no deflate state (about 256 KB of
/// native memory) lives as long as each circuit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitCompressionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_hub_compresses_each_message_on_its_own_and_keeps_no_deflate_state_per_circuit()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Staff.Email, DemoDataSeeder.Staff.Password);
        var cookie = string.Join("; ", (await s.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        var origin = fixture.Portal.BaseUrl;

        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Cookie", cookie);
        negotiate.Headers.Add("Origin", origin);
        using var negotiated = await http.SendAsync(negotiate);
        negotiated.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("connectionToken").GetString()!;

        // What Chromium offers: permessage-deflate, with context takeover allowed on both sides.
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri($"ws://localhost:{fixture.Portal.Port}/_blazor?id={Uri.EscapeDataString(token)}"), timeout.Token);

        var headers = socket.HttpResponseHeaders!;
        var extensions = string.Join(", ", headers.Where(h => h.Key.Equals("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value));
        Assert.Contains("permessage-deflate", extensions, StringComparison.Ordinal);
        Assert.Contains("server_no_context_takeover", extensions, StringComparison.Ordinal);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }
}
