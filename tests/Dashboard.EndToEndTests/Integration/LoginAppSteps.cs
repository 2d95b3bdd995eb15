using Dashboard.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

/// <summary>Filling the login-app form and registering it on the Login apps page.</summary>
internal static class LoginAppSteps
{
    public static async Task FillAsync(ILocator form, string name, string privacyUrl, string origins, string returnUrls)
    {
        await form.Locator("input[name=Name]").FillAsync(name);
        await form.Locator("textarea[name=Description]").FillAsync("Sign in at our shop");
        await form.Locator("input[name=PrivacyPolicyUrl]").FillAsync(privacyUrl);
        await form.Locator("textarea[name=AllowedOrigins]").FillAsync(origins);
        await form.Locator("textarea[name=ReturnUrls]").FillAsync(returnUrls);
    }

    /// <summary>Submits the filled registration form, confirms the password when asked, closes the secret dialog.</summary>
    /// <returns>The new client id.</returns>
    public static async Task<string> RegisterAsync(PortalSession s, string password)
    {
        await s.Page.Locator("[data-testid=login-app-register]").ClickAsync();
        var secret = s.Page.Locator("[data-testid=secret-public-id]");
        await s.ConfirmPasswordIfAskedAsync(secret, password);
        var clientId = await secret.InputValueAsync();
        await s.Page.Locator("[data-testid=secret-close]").ClickAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=login-app-client-id]", new() { HasTextString = clientId })).ToBeVisibleAsync();
        return clientId;
    }
}
