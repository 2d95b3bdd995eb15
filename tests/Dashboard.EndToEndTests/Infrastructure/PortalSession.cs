using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Infrastructure;

/// <summary>A person at a browser: a fresh context (cookies, language) with every console error and page error recorded.</summary>
public sealed class PortalSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private PortalSession(IBrowserContext context, IPage page, string baseUrl)
    {
        Context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, msg) => { if (msg.Type == "error") lock (_errors) _errors.Add("console: " + msg.Text); };
        page.PageError += (_, error) => { lock (_errors) _errors.Add("page: " + error); };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }

    public static async Task<PortalSession> OpenAsync(IBrowser browser, string baseUrl, string locale = "en-US")
    {
        // Playwright's 5 s for expectations is tight when the portal, the browser and the tests share 2 cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = locale, ViewportSize = new() { Width = 1366, Height = 850 } });
        // Generous: CI machines have 2 cores and the portal shares them with the browser.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new PortalSession(context, page, baseUrl);
    }

    /// <summary>A new session signed in as the demo <paramref name="user"/>, on <paramref name="path"/> with its circuit up.</summary>
    public static async Task<PortalSession> OpenSignedInAsync(IBrowser browser, string baseUrl, DemoDataSeeder.DemoUser user, string path)
    {
        var session = await OpenAsync(browser, baseUrl);
        try
        {
            await session.SignInAsync(user.Email, user.Password);
            await session.Page.GotoAsync(path);
            await session.WaitForInteractiveAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#Input\\.Email", email);
        await Page.FillAsync("#Input\\.Password", password);
        await Page.ClickAsync("[data-testid=login-submit]");
        await Page.WaitForSelectorAsync("[data-testid=current-user]");
        await WaitForInteractiveAsync();
    }

    /// <summary>Waits until the circuit is up: the interactive view switcher replaces the static label.</summary>
    public Task WaitForInteractiveAsync() => WaitForInteractiveAsync(Page);

    /// <summary>Waits until <paramref name="page"/>'s circuit is up (another tab of the same session).</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('[data-testid=view-switcher]') !== null");

    /// <summary>Picks the header switcher item containing <paramref name="itemText"/> (an environment, or "merchant · environment").</summary>
    public Task SwitchViewAsync(string itemText) => SwitchViewAsync(itemText, itemText.EndsWith("Sandbox", StringComparison.Ordinal));

    /// <summary>Picks a view in the header switcher by the text of its item; <paramref name="sandbox"/> tells which banner to expect.</summary>
    public async Task SwitchViewAsync(string itemText, bool sandbox)
    {
        await Page.GotoAsync("/");
        await WaitForInteractiveAsync();
        await ChooseViewAsync(itemText);
        // The switch reloads the page; the Sandbox banner tells which view arrived.
        var banner = Page.Locator("[data-testid=sandbox-banner]");
        if (sandbox) await Assertions.Expect(banner).ToBeVisibleAsync();
        else await Assertions.Expect(banner).ToHaveCountAsync(0);
        await WaitForInteractiveAsync();
    }

    /// <summary>Chooses the header switcher's option whose text contains <paramref name="itemText"/>; the page reloads.</summary>
    public async Task ChooseViewAsync(string itemText)
    {
        var option = Page.Locator("[data-testid=view-switcher] option", new() { HasTextString = itemText }).First;
        await Page.SelectOptionAsync("[data-testid=view-switcher]", (await option.GetAttributeAsync("value"))!);
    }

    /// <summary>Waits for <paramref name="next"/>, first confirming the password when the portal asks for it (AUTH-08).</summary>
    public async Task ConfirmPasswordIfAskedAsync(ILocator next, string password)
    {
        var reauth = Page.Locator("[data-testid=confirm-password-dialog] input[type=password]");
        await Assertions.Expect(reauth.Or(next)).ToBeVisibleAsync();
        if (await reauth.IsVisibleAsync())
        {
            await Assertions.Expect(reauth).ToBeFocusedAsync();
            await reauth.FillAsync(password);
            await Page.Locator("[data-testid=reauth-confirm]").ClickAsync();
        }
        await Assertions.Expect(next).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot when SCREENSHOT_DIR is set (for looking at the pages by eye); otherwise nothing.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var dir = Environment.GetEnvironmentVariable("SCREENSHOT_DIR");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, "Browser errors:\n" + string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
