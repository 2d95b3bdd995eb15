using System.Net;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Account;

/// <summary>A clock the test moves by hand (timers stay real).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>The portal with a clock the test can move forward.</summary>
public sealed class ClockedFactory : DashboardFactory
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            // The cookie alone would last a day (as a sliding or longer cookie might): only the absolute-lifetime
            // check in OnValidatePrincipal can end the session at 12 h.
            s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(1));
        });
    }
}

public sealed class SessionLifetimeTests : IClassFixture<ClockedFactory>
{
    private readonly ClockedFactory _factory;

    public SessionLifetimeTests(ClockedFactory factory) => _factory = factory;

    [Fact]
    public async Task A_sign_in_is_refused_after_twelve_hours_however_often_the_cookie_was_renewed()
    {
        await TestUsers.CreateAsync(_factory, "absolute@demo.example", "Absolute-Life-2026");
        using var client = _factory.CreateHttpsClient();
        Assert.True(AccountForms.SetsAuthCookie(await Forms.SignInAsync(client, "absolute@demo.example", "Absolute-Life-2026")));

        // Active all day: a request every two hours (each one past the revalidation interval renews the cookie).
        for (var hour = 0; hour < 12; hour += 2)
        {
            var page = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            _factory.Clock.Advance(TimeSpan.FromHours(2));
        }

        // 12 h and a minute after the sign-in: back to the login page.
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await client.GetAsync("/");
        Assert.StartsWith("/Account/Login", AccountForms.RedirectTarget(late));
    }
}

public sealed class CircuitActivityTests
{
    private static Dashboard.Infrastructure.Security.CircuitActivity Create(ManualClock clock) =>
        new(clock, Microsoft.Extensions.Options.Options.Create(new Dashboard.Infrastructure.DashboardOptions { IdleTimeoutMinutes = 15 }));

    [Fact]
    public void Activity_inside_fifteen_minutes_keeps_the_circuit_alive()
    {
        var clock = new ManualClock();
        var activity = Create(clock);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(14));
            Assert.False(activity.IsExpired);
            activity.Touch();
        }
    }

    [Fact]
    public void After_fifteen_idle_minutes_new_activity_does_not_revive_the_circuit()
    {
        var clock = new ManualClock();
        var activity = Create(clock);
        clock.Advance(TimeSpan.FromMinutes(16));
        // The browser wakes up and reconnects: its messages arrive after the deadline.
        activity.Touch();
        Assert.True(activity.IsExpired);
        activity.Touch();
        Assert.True(activity.IsExpired);
    }
}
