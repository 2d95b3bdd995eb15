using Dashboard.EndToEndTests.Infrastructure;
using Dashboard.Infrastructure.Data;
using Microsoft.Playwright;

namespace Dashboard.EndToEndTests.Integration;

[Collection(BrowserCollection.Name)]
public sealed class TestAccountsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_is_edited_and_gets_a_second_card_and_address_that_the_list_and_the_simulator_offer()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        var staff = DemoDataSeeder.Staff;
        await s.SignInAsync(staff.Email, staff.Password);
        await s.SwitchViewAsync("Sandbox", sandbox: true);
        try
        {
            var email = $"edit.{Guid.NewGuid():N}@example.fr";
            await TestBuyerSteps.CreateAsync(s, fixture.Portal, email);
            await s.Page.Locator("[data-testid=buyers-grid] tr", new() { HasTextString = email }).Locator("[data-testid=buyer-edit]").ClickAsync();
            await s.WaitForInteractiveAsync();

            // Details: a new name; the password field stays empty, so the password is kept.
            var details = s.Page.Locator("[data-testid=buyer-details]");
            await Assertions.Expect(details.Locator("input[name=Email]")).ToHaveValueAsync(email);
            await Assertions.Expect(details.Locator("input[name=Password]")).ToHaveValueAsync("");
            await details.Locator("input[name=Name]").FillAsync("Camille Martin");
            await s.Page.Locator("[data-testid=buyer-details-save]").ClickAsync();
            await Assertions.Expect(s.Page.Locator("h1")).ToHaveTextAsync("Camille Martin");

            // A second card from the documented test numbers.
            await s.Page.Locator("[data-testid=instrument-add]").ClickAsync();
            var instrumentForm = s.Page.Locator("[data-testid=instrument-form]");
            await instrumentForm.Locator(".rz-dropdown").ClickAsync();
            await s.Page.Locator(".rz-dropdown-item", new() { HasTextString = "5555555555554444" }).ClickAsync();
            await s.Page.Locator("[data-testid=instrument-save]").ClickAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=instrument]")).ToHaveCountAsync(2);
            await Assertions.Expect(s.Page.Locator("[data-testid=buyer-instruments]")).ToContainTextAsync("Mastercard ••4444 12/30");

            // A second address: the empty city is refused on its own field, then saved.
            await s.Page.Locator("[data-testid=address-add]").ClickAsync();
            var addressForm = s.Page.Locator("[data-testid=address-form]");
            await addressForm.Locator("input[name=Line1]").FillAsync("5 Hauptstraße");
            await addressForm.Locator("input[name=PostalCode]").FillAsync("10115");
            await addressForm.Locator("input[name=CountryCode]").FillAsync("de");
            await s.Page.Locator("[data-testid=address-save]").ClickAsync();
            await Assertions.Expect(addressForm.Locator("[data-testid=field-error]")).ToHaveCountAsync(1);
            await addressForm.Locator("input[name=City]").FillAsync("Berlin");
            await s.Page.Locator("[data-testid=address-save]").ClickAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=address]")).ToHaveCountAsync(2);

            // The list shows all of it, and the simulator offers the new card for this buyer.
            await s.Page.Locator("[data-testid=buyer-back]").ClickAsync();
            var row = s.Page.Locator("[data-testid=buyers-grid] tr", new() { HasTextString = email });
            await Assertions.Expect(row).ToContainTextAsync("Camille Martin");
            await Assertions.Expect(row).ToContainTextAsync("••4444");
            await Assertions.Expect(row).ToContainTextAsync("5 Hauptstraße, 10115 Berlin (DE)");
            await s.WaitForInteractiveAsync();
            var simulator = s.Page.Locator("[data-testid=simulator]");
            await simulator.Locator(".rz-dropdown").First.ClickAsync();
            await s.Page.Locator(".rz-dropdown-item", new() { HasTextString = email }).ClickAsync();
            await simulator.Locator(".rz-dropdown").Nth(1).ClickAsync();
            await Assertions.Expect(s.Page.Locator(".rz-dropdown-item", new() { HasTextString = "Mastercard ••4444" })).ToBeVisibleAsync();
            s.AssertNoErrors();
        }
        finally
        {
            await s.SwitchViewAsync("Produktion", sandbox: false);
        }
    }

    [Fact]
    public async Task The_add_dialog_shows_the_services_errors_under_each_field_and_saves_once_they_are_fixed()
    {
        await using var s = await PortalSession.OpenAsync(fixture.Browser, fixture.Portal.BaseUrl);
        var staff = DemoDataSeeder.Staff;
        await s.SignInAsync(staff.Email, staff.Password);
        await s.SwitchViewAsync("Sandbox", sandbox: true);
        try
        {
            await s.Page.GotoAsync("/integration/test-accounts");
            await s.WaitForInteractiveAsync();
            await s.Page.Locator("[data-testid=buyer-add]").ClickAsync();
            var form = s.Page.Locator("[data-testid=buyer-form]");
            await Assertions.Expect(form.Locator("input[name=Name]")).ToBeFocusedAsync();
            var email = $"fix.{Guid.NewGuid():N}@example.fr";
            await form.Locator("input[name=Name]").FillAsync("Camille Test");
            await form.Locator("input[name=Email]").FillAsync("not-an-address");
            await form.Locator("input[name=Password]").FillAsync("short");
            await form.Locator("input[name=Password]").PressAsync("Tab");
            await s.Page.Locator("[data-testid=buyer-save]").ClickAsync();

            // The staff member reads German: the service's messages, each under its own field; nothing is saved.
            var errors = form.Locator("[data-testid=field-error]");
            await Assertions.Expect(errors).ToHaveCountAsync(2);
            await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("8");
            await Assertions.Expect(form).ToBeVisibleAsync();

            await TestBuyerSteps.FillValidAsync(form, "Camille Test", email);
            await s.Page.Locator("[data-testid=buyer-save]").ClickAsync();
            await Assertions.Expect(form).ToBeHiddenAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=buyers-grid] tr", new() { HasTextString = email })).ToContainTextAsync("••1111");
            s.AssertNoErrors();
        }
        finally
        {
            await s.SwitchViewAsync("Produktion", sandbox: false);
        }
    }
}
