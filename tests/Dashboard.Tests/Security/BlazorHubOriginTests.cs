using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Security;

/// <summary>SESS-05: a page on another site cannot open a circuit with the user's cookies: the hub refuses foreign
/// origins on negotiate and on the WebSocket upgrade, and offers no transport but WebSockets.</summary>
[Collection(DashboardCollection.Name)]
public sealed class BlazorHubOriginTests(DashboardFactory factory)
{
    private const string Evil = "https://evil.example";
    private const string Own = "https://localhost";

    [Fact]
    public async Task Negotiate_from_a_foreign_origin_is_refused_and_from_the_portal_offers_websockets_only()
    {
        var cookie = await SignInCookieAsync();
        using var client = factory.CreateHttpsClient();

        var evil = await NegotiateAsync(client, cookie, Evil);
        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        Assert.False(evil.Headers.Contains("Access-Control-Allow-Origin"));

        var own = await NegotiateAsync(client, cookie, Own);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False(own.Headers.Contains("Access-Control-Allow-Origin"));
        using var body = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("connectionToken").GetString()));

        // Long polling would bypass the WebSocket upgrade: the connection URL answers WebSocket requests only.
        var token = body.RootElement.GetProperty("connectionToken").GetString()!;
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/_blazor?id={Uri.EscapeDataString(token)}");
        poll.Headers.Add("Cookie", cookie);
        poll.Headers.Add("Origin", Own);
        var polled = await client.SendAsync(poll);
        Assert.True(polled.StatusCode == HttpStatusCode.Forbidden, $"{polled.StatusCode} {await polled.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_websocket_upgrade_is_refused_for_a_foreign_origin_and_accepted_for_the_portal()
    {
        var cookie = await SignInCookieAsync();
        using var client = factory.CreateHttpsClient();

        var evilToken = await TokenAsync(client, cookie);
        var evilSocket = Socket(cookie, Evil);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => evilSocket.ConnectAsync(HubUri(evilToken), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        var ownToken = await TokenAsync(client, cookie);
        using var ws = await Socket(cookie, Own).ConnectAsync(HubUri(ownToken), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, ws.State);
        await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://localhost", true)]
    [InlineData("https://portal.example", true)]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost:8443", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    public void Only_the_requests_own_origin_and_configured_origins_are_accepted(string? origin, bool allowed)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString("localhost");
        if (origin is not null) context.Request.Headers.Origin = origin;
        Assert.Equal(allowed, Dashboard.Infrastructure.Security.BlazorHubGuard.IsAllowed(context.Request, ["https://portal.example"]));
    }

    private static Uri HubUri(string token) => new($"wss://localhost/_blazor?id={Uri.EscapeDataString(token)}");

    private Microsoft.AspNetCore.TestHost.WebSocketClient Socket(string cookie, string origin)
    {
        var socket = factory.Server.CreateWebSocketClient();
        socket.ConfigureRequest = r =>
        {
            r.Headers["Cookie"] = cookie;
            r.Headers["Origin"] = origin;
        };
        return socket;
    }

    private async Task<string> TokenAsync(HttpClient client, string cookie)
    {
        var response = await NegotiateAsync(client, cookie, Own);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("connectionToken").GetString()!;
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string cookie, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }

    private async Task<string> SignInCookieAsync()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri(Own), AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["_handler"] = "login",
                ["Input.Email"] = DemoDataSeeder.Staff.Email,
                ["Input.Password"] = DemoDataSeeder.Staff.Password,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));
        var signIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal)).Split(';')[0];
    }
}
