using Dashboard.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

/// <summary>Creating a sandbox test buyer through the Add dialog (the session must be in a Sandbox view).</summary>
internal static class TestBuyerSteps
{
    public static async Task CreateAsync(PortalSession s, PortalProcess portal, string email, string name = "Camille Test")
    {
        await s.Page.GotoAsync("/integration/test-accounts");
        await s.WaitForInteractiveAsync();
        await s.Page.Locator("[data-testid=buyer-add]").ClickAsync();
        var form = s.Page.Locator("[data-testid=buyer-form]");
        // The dialog focuses its first field once it is rendered; typing before that could land in the wrong field.
        await Assertions.Expect(form.Locator("input[name=Name]")).ToBeFocusedAsync();
        await FillValidAsync(form, name, email);
        await s.Page.Locator("[data-testid=buyer-save]").ClickAsync();
        var row = s.Page.Locator("[data-testid=buyers-grid] tr", new() { HasTextString = email });
        try
        {
            await Assertions.Expect(row).ToContainTextAsync("••1111");
        }
        catch (PlaywrightException)
        {
            await s.ScreenshotAsync("buyer-not-saved");
            throw new InvalidOperationException("Buyer not saved. Page: " + await s.Page.Locator("body").InnerTextAsync() + "\n" + portal.Output[^Math.Min(4000, portal.Output.Length)..]);
        }
    }

    /// <summary>Types a valid buyer into the open Add dialog's form (the dialog must have focused its first field).</summary>
    public static async Task FillValidAsync(ILocator form, string name, string email)
    {
        await form.Locator("input[name=Name]").FillAsync(name);
        await form.Locator("input[name=Email]").FillAsync(email);
        await form.Locator("input[name=Password]").FillAsync("sandbox-pass-1");
        await form.Locator("input[name=Line1]").FillAsync("1 rue de la Paix");
        await form.Locator("input[name=PostalCode]").FillAsync("75002");
        await form.Locator("input[name=City]").FillAsync("Paris");
        // Leave the last field first, so its change event reaches the circuit before the submit.
        await form.Locator("input[name=City]").PressAsync("Tab");
    }
}
