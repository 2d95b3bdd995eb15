using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class BannerBrowserTests(BrowserFixture fixture)
{
    // A real 120 × 60 PNG (one colour), so the preview renders without a decoding error.
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAHgAAAA8CAIAAAAiz+n/AAAAaklEQVR42u3QQQ0AAAgEoGtiRMsZ0BbOBxsJSPVwIApEi0a0aNEWRItGtGjRFkSLRrRo0YgWjWjRohEtGtGiRSNaNKJFi0a0aESLFo1o0YgWLRrRohEtWjSiRSNatGhEi0a0aNGIFo3oXxZ+M2JOqM3axQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_banner_is_refused_by_content_then_uploaded_served_publicly_and_removed()
    {
        await using var s = await PortalSession.OpenSignedInAsync(fixture.Browser, fixture.Portal.BaseUrl, DemoDataSeeder.Admin, "/settings/integration");
        var card = s.Page.Locator("[data-testid=banner]");
        await Assertions.Expect(card.Locator("[data-testid=banner-rule]")).ToContainTextAsync("100–2000 px wide");

        // A PDF named .png: the name says image, the bytes do not.
        await s.Page.Locator("[data-testid=banner-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "banner.png", MimeType = "image/png", Buffer = "%PDF-1.7\n%%EOF"u8.ToArray(),
        });
        await Assertions.Expect(s.Page.Locator(".rz-notification")).ToContainTextAsync("not a PNG or JPEG");
        await Assertions.Expect(card.Locator("[data-testid=banner-none]")).ToBeVisibleAsync();

        await s.Page.Locator("[data-testid=banner-file]").SetInputFilesAsync(new FilePayload { Name = "banner.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(card.Locator("[data-testid=banner-details]")).ToContainTextAsync("120 × 60 px");
        await Assertions.Expect(card.Locator("[data-testid=banner-preview]")).ToBeVisibleAsync();
        var url = await card.Locator("[data-testid=banner-url]").InnerTextAsync();
        var response = await s.Page.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        await s.ScreenshotAsync("banner");

        await card.Locator("[data-testid=banner-remove]").ClickAsync();
        await s.Page.Locator(".rz-dialog-confirm-buttons button", new() { HasTextString = "Remove the banner" }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=banner-none]")).ToBeVisibleAsync();
        Assert.Equal(404, (await s.Page.APIRequest.GetAsync(url)).Status);
        s.AssertNoErrors();
    }
}
