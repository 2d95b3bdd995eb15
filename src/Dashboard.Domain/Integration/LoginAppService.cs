using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public sealed record LoginAppRow(Guid Id, string Name, string Description, string ClientId, string ApplicationId, string PrivacyPolicyUrl,
    string? LogoUrl, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<string> ReturnUrls, string SecretLast4, DateTime CreatedUtc);

public sealed record RegisteredLoginApp(LoginAppRow App, string ClientSecret);

/// <summary>Login app registrations of the current view (seed 004). Registering and rolling the secret need a fresh re-auth.</summary>
public sealed class LoginAppService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, IStepUpAuthentication stepUp,
    SecretProtector protector, AuditService audit, TimeProvider clock)
{
    public const string SecretPurpose = "Dashboard.Integration.LoginAppSecret.v1";

    public async Task<IReadOnlyList<LoginAppRow>> ListAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.LoginApps.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct)).Select(Row).ToList();
    }

    public async Task<RegisteredLoginApp> RegisterAsync(LoginAppInput input, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var secret = NewSecret();
        var app = new LoginApp(db.Scope.MerchantId, db.Scope.Environment, input, protector.Protect(SecretPurpose, secret), Secrets.Last4(secret), Now);
        db.LoginApps.Add(app);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, "login-app.registered", app.ClientId, ct);
        return new RegisteredLoginApp(Row(app), secret);
    }

    public async Task UpdateAsync(Guid id, LoginAppInput input, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await db.LoginApps.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Login app");
        app.Update(input, Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, "login-app.updated", app.ClientId, ct);
    }

    public async Task<string> RollSecretAsync(Guid id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await db.LoginApps.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Login app");
        var secret = NewSecret();
        app.RollSecret(protector.Protect(SecretPurpose, secret), Secrets.Last4(secret), Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, "login-app.secret-rolled", app.ClientId, ct);
        return secret;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string NewSecret() => Secrets.New("amzn1.oa2-cs.v1.");

    private void Demand()
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
    }

    private static LoginAppRow Row(LoginApp a) => new(a.Id, a.Name, a.Description, a.ClientId, a.ApplicationId, a.PrivacyPolicyUrl, a.LogoUrl,
        Split(a.AllowedOrigins), Split(a.ReturnUrls), a.SecretLast4, a.CreatedUtc);

    private static List<string> Split(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private Task AuditAsync(IMerchantScope scope, string action, string target, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment, "LoginApp", target, actor.IpAddress), ct);
}
