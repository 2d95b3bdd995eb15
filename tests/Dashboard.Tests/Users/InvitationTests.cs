using System.Security.Claims;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Security;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Users;

[Collection(DashboardCollection.Name)]
public sealed class InvitationTests(DashboardFactory factory)
{
    private static readonly PermissionGrant ClaimsClerk = new(false, new Dictionary<Section, PermissionLevel>
    {
        [Section.Claims] = PermissionLevel.Edit,
        [Section.Transactions] = PermissionLevel.View,
    });

    [Fact]
    public async Task An_invitee_follows_the_mailed_link_sets_a_password_and_lands_with_exactly_the_invited_permissions()
    {
        var email = "invitee-new@demo.example";
        await InviteAsAdminAsync(email, ClaimsClerk, "fr");

        var mail = await Mailbox.WaitForAsync(factory, email);
        Assert.Contains("Content-Language: fr", mail);
        Assert.Contains("Acceptez l'invitation", Mailbox.Body(mail).Replace("&#x27;", "'"));
        var link = Mailbox.Link(mail, "/Account/AcceptInvitation");

        using var client = factory.CreateHttpsClient();
        var accept = await AccountForms.SubmitAsync(client, link.PathAndQuery, "accept-new", new()
        {
            ["Input.DisplayName"] = "Nouvelle Collègue",
            ["Input.Password"] = "Lantern-Orbit-2026",
            ["Input.ConfirmPassword"] = "Lantern-Orbit-2026",
        });
        Assert.True(AccountForms.SetsAuthCookie(accept));

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/performance/claims")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/reports/transactions")).StatusCode);
        Assert.Contains("/access-denied", AccountForms.RedirectTarget(await client.GetAsync("/reports/payments")));
        Assert.Contains("/access-denied", AccountForms.RedirectTarget(await client.GetAsync("/settings/users")));

        // The link is spent.
        using var again = factory.CreateHttpsClient();
        Assert.Contains("invitation-invalid", await again.GetStringAsync(link.PathAndQuery));
        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.InvitationAccepted && e.ActorName == email));
        // The account starts in the language the inviter chose (the admin's own UI is English).
        Assert.Equal("fr", (await db.Users.SingleAsync(u => u.Email == email)).PreferredCulture);
    }

    [Fact]
    public async Task A_resent_invitation_keeps_the_language_chosen_for_the_invitee()
    {
        var email = "invitee-de@demo.example";
        await InviteAsAdminAsync(email, ClaimsClerk, "de");
        var first = await Mailbox.WaitForAsync(factory, email);
        Assert.Contains("Content-Language: de", first);
        Assert.Contains("Nehmen Sie die Einladung an", Mailbox.Body(first));

        using (var scope = await ActingAs.DemoAdminAsync(factory))
        {
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            var invitation = (await members.ListAsync()).Invitations.Single(i => i.Email == email);
            await members.ResendAsync(invitation.Id, "https://localhost/");
        }
        await using var db = factory.SystemDb();
        var mails = await db.EmailMessages.Where(m => m.Recipient == email && m.TemplateKey == MailTemplatesKeys.Invitation).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("de", m.Culture));
        await Assert.ThrowsAsync<DomainRuleException>(() => InviteAsAdminAsync("invitee-xx@demo.example", ClaimsClerk, "xx"));
    }

    [Fact]
    public async Task A_forged_token_shows_the_invalid_link_page()
    {
        await using var db = factory.SystemDb();
        var merchant = await db.Merchants.FirstAsync();
        using var client = factory.CreateHttpsClient();
        var html = await client.GetStringAsync($"/Account/AcceptInvitation?merchant={merchant.Id:N}&token=forged-token-value");
        Assert.Contains("invitation-invalid", html);
    }

    private async Task InviteAsAdminAsync(string email, PermissionGrant grant, string culture)
    {
        using var scope = await ActingAs.DemoAdminAsync(factory);
        await scope.ServiceProvider.GetRequiredService<MemberService>().InviteAsync(email, grant, culture, "https://localhost/");
    }
}
