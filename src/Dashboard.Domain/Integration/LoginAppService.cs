using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public sealed record LoginAppRow(Guid Id, string Name, string Description, string ClientId, string ApplicationId, string PrivacyPolicyUrl,
    string? LogoPath, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<string> ReturnUrls, string SecretLast4, DateTime CreatedUtc);

public sealed record RegisteredLoginApp(LoginAppRow App, string ClientSecret);

public static class LoginAppAuditActions
{
    public const string Registered = "login-app.registered";
    public const string Updated = "login-app.updated";
    public const string Deleted = "login-app.deleted";
    public const string SecretRolled = "login-app.secret-rolled";
    public const string LogoUploaded = "login-app.logo-uploaded";
    public const string LogoRemoved = "login-app.logo-removed";
}

/// <summary>Login app registrations of the current view (seed 004). Registering and rolling the secret need a fresh re-auth.</summary>
public sealed class LoginAppService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, IStepUpAuthentication stepUp,
    SecretProtector protector, AuditService audit, LoginAppLogoFiles logos, TimeProvider clock)
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
        await AuditAsync(db.Scope, LoginAppAuditActions.Registered, app.ClientId, ct);
        return new RegisteredLoginApp(Row(app), secret);
    }

    public async Task UpdateAsync(Guid id, LoginAppInput input, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await FindAsync(db, id, ct);
        app.Update(input, Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, LoginAppAuditActions.Updated, app.ClientId, ct);
    }

    public async Task<string> RollSecretAsync(Guid id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await FindAsync(db, id, ct);
        var secret = NewSecret();
        app.RollSecret(protector.Protect(SecretPurpose, secret), Secrets.Last4(secret), Now);
        await db.SaveChangesAsync(ct);
        await AuditAsync(db.Scope, LoginAppAuditActions.SecretRolled, app.ClientId, ct);
        return secret;
    }

    /// <summary>Deleting an app stops its client id at once; re-authenticated and audited like registering it.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        Demand();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await FindAsync(db, id, ct);
        db.LoginApps.Remove(app);
        await db.SaveChangesAsync(ct);
        logos.Delete(app.LogoStoredName);
        await AuditAsync(db.Scope, LoginAppAuditActions.Deleted, app.ClientId, ct);
    }

    /// <summary>Validates the bytes (PNG/JPEG by content, size, dimensions) and replaces the app's logo; the URL changes with the content.</summary>
    public async Task<LoginAppRow> UploadLogoAsync(Guid id, Stream content, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        var bytes = await UploadedImage.ReadBoundedAsync(content, LogoImage.Rules, ct);
        var info = UploadedImage.Inspect(bytes, LogoImage.Rules);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var stored = await logos.WriteAsync(bytes, info.Extension, ct);
        try
        {
            return await ChangeLogoAsync(id, info, hash, stored, LoginAppAuditActions.LogoUploaded, ct);
        }
        catch
        {
            logos.Delete(stored);
            throw;
        }
    }

    public Task<LoginAppRow> RemoveLogoAsync(Guid id, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        return ChangeLogoAsync(id, null, null, null, LoginAppAuditActions.LogoRemoved, ct);
    }

    private async Task<LoginAppRow> ChangeLogoAsync(Guid id, UploadedImageInfo? info, string? hash, string? stored, string action, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await FindAsync(db, id, ct);
        var previous = app.ReplaceLogo(info, hash, stored, Now);
        await db.SaveChangesAsync(ct);
        logos.Delete(previous);
        await AuditAsync(db.Scope, action, app.ClientId, ct);
        return Row(app);
    }

    private static async Task<LoginApp> FindAsync(DashboardDbContext db, Guid id, CancellationToken ct) =>
        await db.LoginApps.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Login app");

    public static string LogoPath(Guid id, string hash, string extension) => $"/integration/login-apps/{id}/logo/{hash}.{extension}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string NewSecret() => Secrets.New("amzn1.oa2-cs.v1.");

    private void Demand()
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        stepUp.Demand();
    }

    private static LoginAppRow Row(LoginApp a) => new(a.Id, a.Name, a.Description, a.ClientId, a.ApplicationId, a.PrivacyPolicyUrl,
        a.LogoHash is { } hash ? LogoPath(a.Id, hash, a.LogoExtension!) : null,
        Split(a.AllowedOrigins), Split(a.ReturnUrls), a.SecretLast4, a.CreatedUtc);

    private static List<string> Split(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private Task AuditAsync(IMerchantScope scope, string action, string target, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment, "LoginApp", target, actor.IpAddress), ct);
}

/// <summary>
/// The read behind <see cref="LoginAppRow.LogoPath"/> for the authorized file endpoint (kept apart from
/// <see cref="LoginAppService"/>, whose re-authentication needs an interactive circuit).
/// </summary>
public sealed class LoginAppLogoReader(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, LoginAppLogoFiles logos)
{
    /// <summary>Only the current hash of an app in the current view answers.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenLogoAsync(Guid id, string hash, string extension, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var app = await db.LoginApps.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.LogoHash == hash, ct);
        if (app?.LogoStoredName is not { } stored || app.LogoExtension != extension) return null;
        try
        {
            return (logos.OpenRead(stored), app.LogoContentType!);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
