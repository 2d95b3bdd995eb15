using System.Net;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Security;

public sealed class DeploymentTests
{
    [Fact]
    public async Task A_production_portal_starts_with_no_accounts_and_create_admin_leads_to_a_working_sign_in()
    {
        using var factory = new ProductionFactory();
        using var client = factory.CreateHttpsClient();
        // SESS-07: no exception details reach a browser in production.
        Assert.False(factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>>().Value.DetailedErrors);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        await using (var db = factory.SystemDb())
        {
            Assert.Equal(0, await db.Users.CountAsync());
            Assert.Equal(0, await db.Merchants.CountAsync());
        }

        DashboardCommands.CreateAdminResult result;
        using (var scope = factory.Services.CreateScope())
        {
            result = await DashboardCommands.CreateAdminAsync(scope.ServiceProvider,
                new DashboardCommands.CreateAdminRequest("owner@example.com", "Example GmbH", "DE", "EUR", "https://localhost"));
        }
        Assert.Null(result.Error);
        Assert.Matches("^A[A-Z0-9]{13}$", result.MerchantCode!);

        // The admin opens the one-time link and chooses a password.
        var link = new Uri(result.PasswordSetupLink!);
        var setPassword = await AccountForms.SubmitAsync(client, link.PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "Tulip-Harbor-8841",
            ["Input.ConfirmPassword"] = "Tulip-Harbor-8841",
        });
        Assert.Equal(HttpStatusCode.Redirect, setPassword.StatusCode);

        var signIn = await Forms.SignInAsync(client, "owner@example.com", "Tulip-Harbor-8841");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Example GmbH", home);

        // The link is single-use.
        var again = await AccountForms.SubmitAsync(client, link.PathAndQuery, "reset-password", new()
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "Granite-Meadow-5520",
            ["Input.ConfirmPassword"] = "Granite-Meadow-5520",
        });
        Assert.DoesNotContain("ResetPasswordConfirmation", again.Headers.Location?.ToString() ?? "");
        await using var check = factory.SystemDb();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == AuditActions.MerchantCreated));
    }

    [Fact]
    public async Task A_restarted_portal_keeps_people_signed_in()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-restart-" + Guid.NewGuid().ToString("N"));
        string cookie;
        using (var first = new PortalOnDirectory(dataDirectory))
        {
            using var client = first.CreateHttpsClient();
            var signIn = await Forms.SignInAsync(client, DemoDataSeeder.Staff.Email, DemoDataSeeder.Staff.Password);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Dashboard=", StringComparison.Ordinal)).Split(';')[0];
        }
        try
        {
            // A new process on the same data directory: same Data Protection keys, so the old cookie still works.
            using var second = new PortalOnDirectory(dataDirectory);
            using var client = second.CreateHttpsClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("Cookie", cookie);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(DemoDataSeeder.Staff.DisplayName, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

[Collection(DashboardCollection.Name)]
public sealed class ConfigurationTests(DashboardFactory factory)
{
    [Fact]
    public async Task Passwords_are_hashed_with_210000_PBKDF2_iterations()
    {
        using var scope = factory.Services.CreateScope();
        Assert.Equal(210_000, scope.ServiceProvider.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        await using var db = factory.SystemDb();
        var hash = Convert.FromBase64String((await db.Users.FirstAsync(u => u.Email == DemoDataSeeder.Admin.Email)).PasswordHash!);
        // Identity v3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2, (hash[1] << 24) | (hash[2] << 16) | (hash[3] << 8) | hash[4]);
        Assert.Equal(210_000, (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8]);
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_local_addresses()
    {
        using var client = factory.CreateHttpsClient();
        var evil = await client.GetAsync("/culture/set?culture=fr&returnUrl=//evil.example/x");
        Assert.Equal("/", evil.Headers.Location?.ToString());
        var backslash = await client.GetAsync("/culture/set?culture=fr&returnUrl=/%5Cevil.example");
        Assert.Equal("/", backslash.Headers.Location?.ToString());
        var local = await client.GetAsync("/culture/set?culture=de&returnUrl=/reports/payments");
        Assert.Equal("/reports/payments", local.Headers.Location?.ToString());
        Assert.Contains(local.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Dde", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/culture/set?culture=xx&returnUrl=/")).StatusCode);
    }

    [Fact]
    public async Task A_user_cannot_switch_to_a_merchant_they_do_not_belong_to()
    {
        using var scope = factory.Services.CreateScope();
        var access = scope.ServiceProvider.GetRequiredService<UserAccessService>();
        await using var db = factory.SystemDb();
        var staff = await db.Users.SingleAsync(u => u.Email == DemoDataSeeder.Staff.Email);
        var japan = await db.Merchants.SingleAsync(m => m.CountryCode == "JP");
        await Assert.ThrowsAsync<Dashboard.Domain.Common.NotFoundException>(() =>
            access.SelectViewAsync(staff.Id, japan.Id, Dashboard.Domain.Common.PaymentEnvironment.Production));
    }
}
