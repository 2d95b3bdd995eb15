using System.Security.Cryptography;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

public sealed record BannerDetails(string MerchantCode, PaymentEnvironment Environment, string ContentHash, string ContentType, long SizeBytes,
    int Width, int Height, DateTime UploadedUtc, string UploadedBy)
{
    /// <summary>The public, cache-busting path: a new image has a new hash, so the old URL stops answering.</summary>
    public string Path => BannerFiles.PublicPath(MerchantCode, Environment, ContentHash, ContentType == "image/png" ? "png" : "jpg");
}

public static class BannerAuditActions
{
    public const string Uploaded = "banner.uploaded";
    public const string Removed = "banner.removed";
}

/// <summary>Uploaded images outside the web root, under generated names (one folder per kind).</summary>
public class ImageFileStore(string directory)
{
    public string Directory { get; } = directory;

    public async Task<string> WriteAsync(byte[] content, string extension, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        await File.WriteAllBytesAsync(Path.Combine(Directory, name), content, ct);
        return name;
    }

    public Stream OpenRead(string storedName) =>
        new FileStream(Path.Combine(Directory, System.IO.Path.GetFileName(storedName)), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);

    public void Delete(string? storedName)
    {
        if (storedName is { Length: > 0 }) File.Delete(Path.Combine(Directory, System.IO.Path.GetFileName(storedName)));
    }
}

/// <summary>Banner files.</summary>
public sealed class BannerFiles(string directory) : ImageFileStore(directory)
{
    public static string PublicPath(string merchantCode, PaymentEnvironment environment, string hash, string extension) =>
        $"/integration/banner/{Uri.EscapeDataString(merchantCode)}/{environment.ToString().ToLowerInvariant()}/{hash}.{extension}";
}

/// <summary>Login-app logo files.</summary>
public sealed class LoginAppLogoFiles(string directory) : ImageFileStore(directory);

/// <summary>The pop-up banner of the current view: read (Integration View), upload, replace and remove (Integration Edit), audited.</summary>
public sealed class BannerService(IDbContextFactory<DashboardDbContext> contexts, ICurrentActor actor, BannerFiles files, AuditService audit, TimeProvider clock)
{
    public async Task<BannerDetails?> GetAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.View);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var code = await db.Merchants.AsNoTracking().Where(m => m.Id == db.Scope.MerchantId).Select(m => m.MerchantCode).SingleAsync(ct);
        var b = await db.PopupBanners.AsNoTracking().SingleOrDefaultAsync(ct);
        return b is null ? null : new BannerDetails(code, b.Environment, b.ContentHash, b.ContentType, b.SizeBytes, b.Width, b.Height, b.UploadedUtc, b.UploadedBy);
    }

    /// <summary>Reads at most <see cref="BannerImage.MaxBytes"/> + 1 bytes, validates them and replaces the current banner.</summary>
    public async Task<BannerDetails> UploadAsync(Stream content, CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        var bytes = await UploadedImage.ReadBoundedAsync(content, BannerImage.Rules, ct);
        var info = BannerImage.Inspect(bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var stored = await files.WriteAsync(bytes, info.Extension, ct);
        string? previous;
        IMerchantScope scope;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            scope = db.Scope;
            var banner = await db.PopupBanners.SingleOrDefaultAsync(ct);
            if (banner is null) db.PopupBanners.Add(banner = new PopupBanner(db.Scope.MerchantId, db.Scope.Environment));
            previous = banner.Replace(info, hash, stored, bytes.Length, actor.UserName ?? actor.UserId ?? "", Now);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(stored);
            throw;
        }
        files.Delete(previous);
        await AuditAsync(scope, BannerAuditActions.Uploaded, hash, ct);
        return (await GetAsync(ct))!;
    }

    public async Task RemoveAsync(CancellationToken ct = default)
    {
        actor.Demand(Section.Integration, PermissionLevel.Edit);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var banner = await db.PopupBanners.SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Banner");
        db.PopupBanners.Remove(banner);
        await db.SaveChangesAsync(ct);
        files.Delete(banner.StoredName);
        await AuditAsync(db.Scope, BannerAuditActions.Removed, banner.ContentHash, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task AuditAsync(IMerchantScope scope, string action, string target, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(action, true, actor.UserId, actor.UserName, scope.MerchantId, scope.Environment, "PopupBanner", target,
            actor.IpAddress), ct);
}

/// <summary>
/// The anonymous read behind the public banner URL (buyers load it from the merchant's site). It needs a context
/// that sees every merchant, and answers only for the exact current hash of one merchant and environment.
/// </summary>
public sealed class PublicBannerReader(IDbContextFactory<DashboardDbContext> system, BannerFiles files)
{
    public async Task<(Stream Content, string ContentType)?> OpenAsync(string merchantCode, PaymentEnvironment environment, string hash,
        string extension, CancellationToken ct = default)
    {
        if (hash.Length != PopupBanner.HashLength || !hash.All(char.IsAsciiHexDigitLower)) return null;
        await using var db = await system.CreateDbContextAsync(ct);
        var banner = await (from b in db.PopupBanners.AsNoTracking()
                            join m in db.Merchants.AsNoTracking() on b.MerchantId equals m.Id
                            where m.MerchantCode == merchantCode && b.Environment == environment && b.ContentHash == hash
                            select b).SingleOrDefaultAsync(ct);
        if (banner is null || banner.Extension != extension) return null;
        try
        {
            return (files.OpenRead(banner.StoredName), banner.ContentType);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
