using System.Security.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Infrastructure.Data;
using Dashboard.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Infrastructure;

public static class ActingAs
{
    /// <summary>A service scope whose current view is the demo admin in the French merchant, password confirmed just now —
    /// what a page's services see inside the admin's circuit.</summary>
    public static async Task<IServiceScope> DemoAdminAsync(DashboardFactory factory)
    {
        var scope = factory.Services.CreateScope();
        await using var db = factory.SystemDb();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoDataSeeder.Admin.Email);
        var french = await db.Merchants.SingleAsync(m => m.LegalName == DemoDataSeeder.FrenchMerchantName);
        await scope.ServiceProvider.GetRequiredService<UserAccessService>().SelectViewAsync(admin.Id, french.Id, PaymentEnvironment.Sandbox);
        var view = scope.ServiceProvider.GetRequiredService<CurrentView>();
        Assert.True(await view.LoadAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id)], "test"))));
        view.MarkReauthenticated(DateTime.UtcNow);
        return scope;
    }
}
