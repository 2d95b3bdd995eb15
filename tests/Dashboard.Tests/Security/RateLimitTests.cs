using System.Globalization;
using System.Net;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Security;

/// <summary>A portal with low limits, where each request may say which client address it comes from (the test server
/// has none): the only place limits are low enough to hit.</summary>
public sealed class RateLimitFactory : DashboardFactory
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:SignInPerIp:PermitLimit", "5");
        builder.UseSetting("RateLimits:SignInPerAccount:PermitLimit", "3");
        builder.UseSetting("RateLimits:PasswordReset:PermitLimit", "2");
        builder.UseSetting("RateLimits:Exports:PermitLimit", "2");
        builder.UseSetting("RateLimits:KeyOperations:PermitLimit", "2");
        builder.UseSetting("RateLimits:Invitations:PermitLimit", "2");
        builder.UseSetting("RateLimits:TestIpn:PermitLimit", "2");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var ip)) context.Connection.RemoteIpAddress = ip;
                await inner();
            });
            next(app);
        };
    }

    public HttpClient ClientFrom(string ip)
    {
        var client = CreateHttpsClient();
        client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }
}

/// <summary>BL-03: sign-in, password reset and exports answer 429 with Retry-After past their limit, partitioned by
/// address, account or user; in-circuit actions (keys, invitations, test IPN) are refused with a localized message.</summary>
public sealed class RateLimitTests(RateLimitFactory factory) : IClassFixture<RateLimitFactory>
{
    [Fact]
    public async Task Sign_in_attempts_on_one_account_are_limited_whatever_address_they_come_from()
    {
        const string account = "target-account@rate.example";
        for (var i = 0; i < 3; i++)
        {
            using var client = factory.ClientFrom($"198.51.100.{i + 1}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forms.SignInAsync(client, account, "Wrong-Password-123")).StatusCode);
        }
        using var fourth = factory.ClientFrom("198.51.100.9");
        AssertLimited(await Forms.SignInAsync(fourth, account, "Wrong-Password-123"));
        // The same address may still sign in to another account.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forms.SignInAsync(fourth, "other-account@rate.example", "Wrong-Password-123")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_and_a_forwarded_header_does_not_change_the_address()
    {
        using var client = factory.ClientFrom("203.0.113.7");
        for (var i = 0; i < 5; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forms.SignInAsync(client, $"spray-{i}@rate.example", "Wrong-Password-123")).StatusCode);
        AssertLimited(await Forms.SignInAsync(client, "spray-5@rate.example", "Wrong-Password-123"));

        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.44");
        AssertLimited(await Forms.SignInAsync(client, "spray-6@rate.example", "Wrong-Password-123"));

        using var elsewhere = factory.ClientFrom("203.0.113.8");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Forms.SignInAsync(elsewhere, "spray-7@rate.example", "Wrong-Password-123")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_posts_from_one_address_are_limited()
    {
        using var client = factory.ClientFrom("203.0.113.20");
        for (var i = 0; i < 2; i++)
        {
            var response = await AccountForms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = $"nobody-{i}@rate.example" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }
        AssertLimited(await AccountForms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "nobody-3@rate.example" }));
    }

    [Fact]
    public async Task Exports_are_limited_per_user()
    {
        using var admin = factory.ClientFrom("203.0.113.30");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(admin, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password)).StatusCode);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/exports/transactions.csv")).StatusCode);
        AssertLimited(await admin.GetAsync("/exports/transactions.csv"));

        // Another user from the same address is not affected.
        using var accountant = factory.ClientFrom("203.0.113.30");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(accountant, DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await accountant.GetAsync("/exports/transactions.csv")).StatusCode);
    }

    [Fact]
    public async Task Key_operations_inside_the_circuit_are_refused_with_a_localized_message_past_the_limit()
    {
        using var scope = await ActingAs.DemoAdminAsync(factory);
        // The page's services as the circuit has them, the password just confirmed (AUTH-08 is not under test here).
        var keys = ActivatorUtilities.CreateInstance<AccessKeyService>(scope.ServiceProvider, new PasswordJustConfirmed());
        await keys.CreateAsync("rate one");
        await keys.CreateAsync("rate two");
        var refused = await Assert.ThrowsAsync<RateLimitedException>(() => keys.CreateAsync("rate three"));
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(300));
        Assert.DoesNotContain(await keys.ListAsync(), k => k.Name == "rate three");

        // What the page shows: UiFeedback turns the refusal into a notification with this localized text.
        var text = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Dashboard.Resources.UiText>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            var seconds = (int)Math.Ceiling(refused.RetryAfter.TotalSeconds);
            Assert.Equal($"Trop de tentatives. Veuillez réessayer dans {seconds} secondes.", text[refused.MessageKey, refused.Args].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Test_notifications_are_limited_per_user()
    {
        using var scope = await ActingAs.DemoAdminAsync(factory);
        var throttle = scope.ServiceProvider.GetRequiredService<IActionThrottle>();
        var user = scope.ServiceProvider.GetRequiredService<ICurrentActor>().UserId;
        throttle.Demand(ThrottledAction.TestIpn, user);
        throttle.Demand(ThrottledAction.TestIpn, user);
        var ipn = ActivatorUtilities.CreateInstance<IpnSettingsService>(scope.ServiceProvider, new PasswordJustConfirmed());
        await Assert.ThrowsAsync<RateLimitedException>(() => ipn.SendTestAsync());
        // Limits are per user and per action.
        throttle.Demand(ThrottledAction.TestIpn, "someone-else");
        throttle.Demand(ThrottledAction.Invitation, user);
    }

    private sealed class PasswordJustConfirmed : IStepUpAuthentication
    {
        public bool IsFresh => true;

        public void Demand() { }
    }

    private static void AssertLimited(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After {retryAfter}");
    }
}
