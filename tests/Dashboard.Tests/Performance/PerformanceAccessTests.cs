using System.Net;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Performance;

/// <summary>Tenant isolation and permissions of the claims and chargebacks pages, through the real portal.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PerformanceAccessTests(DashboardFactory factory)
{
    private async Task<(Guid FrenchClaim, Guid JapaneseClaim)> ClaimsAsync()
    {
        var ledger = new LedgerService(factory.Services.GetRequiredService<SystemDbContextFactory>(), TimeProvider.System);
        await using var db = factory.SystemDb();
        var ids = new List<Guid>();
        foreach (var country in new[] { "FR", "JP" })
        {
            var merchant = await db.Merchants.FirstAsync(m => m.CountryCode == country);
            var order = await db.PaymentOrders.Where(o => o.MerchantId == merchant.Id && o.Environment == PaymentEnvironment.Production
                    && o.CapturedAmount > 0 && o.RefundedAmount == 0)
                .OrderBy(o => o.CreatedUtc).FirstAsync();
            var id = Guid.NewGuid();
            await ledger.ApplyAsync(new GuaranteeClaimFiled(merchant.Id, PaymentEnvironment.Production, "test-claim-" + id, DateTime.UtcNow,
                order.Id, id, ClaimReason.NotReceived, order.CapturedAmount, "<img src=x onerror=window.__x=1>"));
            ids.Add(id);
        }
        return (ids[0], ids[1]);
    }

    [Fact]
    public async Task Staff_sees_their_merchants_claim_and_gets_404_for_another_merchants()
    {
        var (french, japanese) = await ClaimsAsync();
        var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, DemoDataSeeder.Staff.Email, DemoDataSeeder.Staff.Password);

        var own = await client.GetAsync($"/performance/claims/{french}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync();
        // VAL-01: the buyer's text is encoded, never markup.
        Assert.Contains("&lt;img src=x onerror=window.__x=1&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/performance/claims/{japanese}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/performance/chargebacks/{Guid.NewGuid()}/evidence/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_user_without_claims_permission_cannot_open_the_claims_pages()
    {
        var (french, _) = await ClaimsAsync();
        var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, DemoDataSeeder.Accountant.Email, DemoDataSeeder.Accountant.Password);
        foreach (var path in new[] { "/performance/claims", $"/performance/claims/{french}", "/performance/chargebacks" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden
                        || (await response.Content.ReadAsStringAsync()).Contains("data-testid=\"access-denied\"", StringComparison.Ordinal),
                $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_viewer_sees_the_claim_without_any_action()
    {
        var (french, _) = await ClaimsAsync();
        var email = $"viewer-{Guid.NewGuid():N}@demo.example";
        var user = await TestUsers.CreateAsync(factory, email, "Viewer-Pass-2026", (Section.Claims, PermissionLevel.View));
        await using (var db = factory.SystemDb())
        {
            // The claim lives in Production; a new user starts in the Sandbox view.
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SelectedEnvironment, PaymentEnvironment.Production));
        }
        var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, "Viewer-Pass-2026");
        var html = await client.GetStringAsync($"/performance/claims/{french}");
        Assert.Contains("data-testid=\"claim-summary\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-Refund\"", html, StringComparison.Ordinal);
    }
}
