using System.Net;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Account;

[Collection(DashboardCollection.Name)]
public sealed class SessionLockedPageTests(DashboardFactory factory)
{
    [Fact]
    public async Task Opening_the_lock_page_does_not_sign_out_so_another_site_cannot_end_a_session_with_a_link()
    {
        const string email = "lock-page@demo.example", password = "Granite-Harbor-Lark-2026";
        await TestUsers.CreateAsync(factory, email, password);
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, password);

        var locked = await client.GetAsync("/Account/SessionLocked");

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.DoesNotContain(locked.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("__Host-Dashboard=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }
}
