using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Account;

/// <summary>A portal whose circuits lock after 5 idle seconds instead of 15 minutes (SESS-02), and whose deadline
/// countdowns re-render every second instead of every 30.</summary>
public sealed class IdlePortalFixture() : BrowserFixture(new PortalProcess(demoDays: 20, new Dictionary<string, string>
{
    ["Dashboard__IdleTimeoutSeconds"] = "5",
    ["Dashboard__CountdownRefreshSeconds"] = "1",
}));

public sealed class IdleTimeoutTests(IdlePortalFixture fixture) : IClassFixture<IdlePortalFixture>
{
    [Fact]
    public async Task An_idle_circuit_is_locked_and_signed_out()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        // No input for 8 s: the circuit leaves for the lock page, which signs out.
        await s.Page.WaitForTimeoutAsync(8_000);
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SessionLocked"));
        await Assertions.Expect(s.Page.Locator("[data-testid=session-locked]")).ToContainTextAsync("signed out after a period without activity");

        // The cookie is gone: a protected page asks for the sign-in again.
        await s.Page.GotoAsync("/");
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await s.ScreenshotAsync("session-locked");
    }

    [Fact]
    public async Task Countdowns_ticking_on_the_page_do_not_keep_an_idle_session_open()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);
        await s.Page.Locator("[data-testid=nav-menu] a[href='performance/claims']").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=deadline]").First).ToBeVisibleAsync();

        // The countdowns re-render every second (the browser acknowledges each render); nobody touches anything.
        await s.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/SessionLocked"), new() { Timeout = 15_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=session-locked]")).ToBeVisibleAsync();
        await s.Page.GotoAsync("/performance/claims");
        await Assertions.Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_circuit_with_input_every_two_seconds_stays_signed_in()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        await s.SignInAsync(DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        for (var i = 0; i < 6; i++)
        {
            // Opening and closing the sidebar: a click each time, which js/idle-activity.js reports as activity.
            await s.Page.GetByLabel("Show or hide the menu").First.ClickAsync();
            await s.Page.WaitForTimeoutAsync(2_000);
        }
        Assert.DoesNotContain("/Account/", s.Page.Url);
        await Assertions.Expect(s.Page.Locator("[data-testid=current-user]")).ToBeVisibleAsync();
        s.AssertNoErrors();
    }
}
