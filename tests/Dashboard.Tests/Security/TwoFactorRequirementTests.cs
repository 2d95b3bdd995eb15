using System.Net;
using Dashboard.Domain.Merchants;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Security;

[Collection(DashboardCollection.Name)]
public sealed class TwoFactorRequirementTests(DashboardFactory factory)
{
    [Fact]
    public async Task A_member_of_a_merchant_that_requires_two_factor_reaches_only_enrolment_until_enrolled()
    {
        const string email = "must-enrol@demo.example", password = "Must-Enrol-2026";
        var user = await TestUsers.CreateAsync(factory, email, password);
        await using (var db = factory.SystemDb())
        {
            var strict = new Merchant(Merchant.NewMerchantCode(), "Zweifaktor GmbH", "DE", "EUR", DateTime.UtcNow);
            strict.SetTwoFactorRequirement(true);
            db.Merchants.Add(strict);
            db.MerchantMembers.Add(new MerchantMember(strict.Id, user.Id, isAdmin: false, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }
        using var client = factory.CreateHttpsClient();
        Assert.Equal("/", AccountForms.RedirectTarget(await Forms.SignInAsync(client, email, password)));

        foreach (var route in new[] { "/", "/reports/transactions", "/settings/users", "/Account/Manage", "/Account/Manage/ChangePassword" })
            Assert.Equal("/Account/Manage/EnableAuthenticator", AccountForms.RedirectTarget(await client.GetAsync(route)));
        var enrolment = await client.GetAsync("/Account/Manage/EnableAuthenticator");
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        Assert.Contains("data-testid=\"totp-key\"", await enrolment.Content.ReadAsStringAsync());

        var key = await AccountForms.EnableTwoFactorAsync(factory, user);
        using var enrolled = factory.CreateHttpsClient();
        var twoFactorUrl = AccountForms.RedirectTarget(await Forms.SignInAsync(enrolled, email, password));
        var signedIn = await AccountForms.SubmitAsync(enrolled, twoFactorUrl, "login-with-2fa",
            new() { ["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/", AccountForms.RedirectTarget(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await enrolled.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_invitee_of_a_merchant_that_requires_two_factor_is_sent_to_enrolment_after_accepting()
    {
        const string email = "invitee-2fa@demo.example";
        await SetFrenchRequirementAsync(true);
        try
        {
            using (var scope = await ActingAs.DemoAdminAsync(factory))
                await scope.ServiceProvider.GetRequiredService<MemberService>().InviteAsync(email, PermissionGrant.Admin, "en", "https://localhost/");
            var link = Mailbox.Link(await Mailbox.WaitForAsync(factory, email), "/Account/AcceptInvitation");
            using var client = factory.CreateHttpsClient();
            var accept = await AccountForms.SubmitAsync(client, link.PathAndQuery, "accept-new", new()
            {
                ["Input.DisplayName"] = "Invitee Two",
                ["Input.Password"] = "Saffron-Glacier-2026",
                ["Input.ConfirmPassword"] = "Saffron-Glacier-2026",
            });
            Assert.True(AccountForms.SetsAuthCookie(accept));
            Assert.Equal("/Account/Manage/EnableAuthenticator", AccountForms.RedirectTarget(await client.GetAsync("/")));
            Assert.Equal("/Account/Manage/EnableAuthenticator", AccountForms.RedirectTarget(await client.GetAsync("/settings/users")));
        }
        finally
        {
            await SetFrenchRequirementAsync(false);
        }
    }

    private async Task SetFrenchRequirementAsync(bool required)
    {
        await using var db = factory.SystemDb();
        (await db.Merchants.SingleAsync(m => m.LegalName == DemoDataSeeder.FrenchMerchantName)).SetTwoFactorRequirement(required);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Members_of_merchants_that_do_not_require_it_are_not_sent_to_enrolment()
    {
        const string email = "may-skip-2fa@demo.example", password = "May-Skip-2fa-2026";
        await TestUsers.CreateAsync(factory, email, password);
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
