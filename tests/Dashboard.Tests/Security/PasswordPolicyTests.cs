using Dashboard.Domain.Common;
using Dashboard.Domain.Users;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Security;

[Collection(DashboardCollection.Name)]
public sealed class PasswordPolicyTests(DashboardFactory factory)
{
    [Theory]
    [InlineData("Password1234", "PasswordCommon")]
    [InlineData("Qwerty123456", "PasswordCommon")]
    [InlineData("SellerCentral2026", "PasswordCommon")]
    [InlineData("1qaz2wsx3edc", "PasswordCommon")]
    [InlineData("Finalfantasy7", "PasswordCommon")]
    [InlineData("MaisonLumiere2025!", "PasswordContext")]
    [InlineData("Policy Tester 2026", "PasswordContext")]
    [InlineData("velvet-harbor-quilt-93", null)]
    public async Task Common_and_context_passwords_are_refused(string password, string? code)
    {
        var user = await TestUsers.CreateAsync(factory, $"policy-{Math.Abs(password.GetHashCode())}@demo.example", "Policy-Start-2026");
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DisplayName = "Policy Tester";
        await users.UpdateAsync(stored);

        var result = await users.ChangePasswordAsync(stored, "Policy-Start-2026", password);

        if (code is null) Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        else Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task The_last_four_passwords_cannot_be_reused_and_the_fifth_can()
    {
        var passwords = new[] { "History-One-2026", "History-Two-2026", "History-Three-2026", "History-Four-2026", "History-Five-2026" };
        var user = await TestUsers.CreateAsync(factory, "recall-check@demo.example", passwords[0]);
        for (var i = 1; i < passwords.Length; i++)
        {
            using var step = factory.Services.CreateScope();
            var manager = step.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            var current = (await manager.FindByIdAsync(user.Id))!;
            Assert.True((await manager.ChangePasswordAsync(current, passwords[i - 1], passwords[i])).Succeeded);
        }

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        foreach (var recent in passwords[1..])
            Assert.Contains((await users.ChangePasswordAsync(stored, passwords[4], recent)).Errors, e => e.Code == "PasswordReused");
        Assert.True((await users.ChangePasswordAsync(stored, passwords[4], passwords[0])).Succeeded);
        await using var db = factory.SystemDb();
        Assert.DoesNotContain(await db.PasswordHistory.Where(h => h.UserId == user.Id).Select(h => h.PasswordHash).ToListAsync(), h => h.Contains("History"));
    }
}
