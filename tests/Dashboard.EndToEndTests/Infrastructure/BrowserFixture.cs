using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Infrastructure;

/// <summary>One portal process and one Debian Chromium for a test collection; each test gets its own context.
/// A fixture for a portal with other settings derives from it and passes its own <see cref="PortalProcess"/>.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture() : this(new PortalProcess())
    {
    }

    protected BrowserFixture(PortalProcess portal) => Portal = portal;

    public PortalProcess Portal { get; }
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var portal = Portal.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
        await portal;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
