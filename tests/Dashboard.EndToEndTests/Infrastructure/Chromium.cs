using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Infrastructure;

/// <summary>The browser of the browser tests and of the interaction bench (bench/Dashboard.LoadUsers links this file).</summary>
public static class Chromium
{
    /// <summary>Debian's headless Chromium with the flags every browser test and the interaction bench use.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's Chromium: Playwright's own browser download cannot work on this network.
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
}
