using Dashboard.Domain.Audit;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// Step-up for sensitive actions (AUTH-08): the user types their password again; success is remembered for this
/// circuit for five minutes. Failures count towards lockout like a failed sign-in.
/// </summary>
public sealed class Reauthentication(CurrentView view, IServiceScopeFactory scopes, AuditService audit, TimeProvider clock)
{
    public async Task<bool> ConfirmAsync(string password)
    {
        if (view.UserId is null || string.IsNullOrEmpty(password)) return false;
        // A fresh scope: the circuit's own UserManager would answer from a long-lived, possibly stale context.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.FindByIdAsync(view.UserId);
        var ok = user is not null && !await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, password);
        if (user is not null)
        {
            if (ok) await users.ResetAccessFailedCountAsync(user);
            else await users.AccessFailedAsync(user);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (ok) view.MarkReauthenticated(now);
        await audit.RecordAsync(new AuditRecord(ok ? AuditActions.Reauthenticated : AuditActions.ReauthenticationFailed, ok,
            view.UserId, view.UserName, view.MerchantId, view.Environment, IpAddress: view.IpAddress));
        return ok;
    }
}
