using System.Security.Cryptography;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Common;
using Dashboard.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Domain.Integration;

/// <summary>A request as the verifier needs it: nothing framework-specific, so tests can build one.</summary>
public sealed record SignedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query,
    string? Timestamp, string? Authorization, byte[] Body, string? IpAddress);

/// <summary>Who signed a verified request: the key's merchant and environment become the request's scope.</summary>
public sealed record ApiCaller(Guid MerchantId, PaymentEnvironment Environment, string AccessKeyId);

/// <summary>
/// Verifies Reports API signatures (KEY-04). It looks keys up across merchants, so it runs on the system scope and
/// hands back the scope the rest of the request must use. Every failure is audited without the signature or secret.
/// </summary>
public sealed class ApiRequestVerifier(IDbContextFactory<DashboardDbContext> systemContexts, SecretProtector protector,
    AuditService audit, TimeProvider clock)
{
    // Writing last-used on every call would turn each read into a write; a minute's precision is enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<ApiCaller?> VerifyAsync(SignedRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!RequestSigning.TryParseAuthorization(request.Authorization, out var keyId, out var signature))
            return await FailAsync(request, null, null, "malformed authorization", ct);
        if (!RequestSigning.TryParseTimestamp(request.Timestamp, out var signedAt) || (now - signedAt).Duration() > RequestSigning.MaxClockSkew)
            return await FailAsync(request, keyId, null, "timestamp outside the window", ct);

        await using var db = await systemContexts.CreateDbContextAsync(ct);
        if (!db.Scope.IsSystem) throw new InvalidOperationException("The verifier needs the system scope.");
        var key = await db.AccessKeys.FirstOrDefaultAsync(k => k.PublicId == keyId, ct);
        if (key is null || !key.IsActiveAt(now))
            return await FailAsync(request, keyId, key, key is null ? "unknown key" : "inactive key", ct);

        string secret;
        try { secret = protector.Unprotect(SecretProtector.AccessKeyPurpose, key.ProtectedSecret); }
        catch (CryptographicException) { return await FailAsync(request, keyId, key, "secret unreadable", ct); }

        var canonical = RequestSigning.CanonicalString(request.Method, request.Path, request.Query, request.Timestamp!, request.Body);
        if (!RequestSigning.SignaturesMatch(RequestSigning.Sign(secret, canonical), signature))
            return await FailAsync(request, keyId, key, "signature mismatch", ct);

        if (key.LastUsedUtc is null || now - key.LastUsedUtc >= LastUsedPrecision)
        {
            key.MarkUsed(now);
            await db.SaveChangesAsync(ct);
        }
        return new ApiCaller(key.MerchantId, key.Environment, key.PublicId);
    }

    private async Task<ApiCaller?> FailAsync(SignedRequest request, string? keyId, AccessKey? key, string reason, CancellationToken ct)
    {
        await audit.RecordAsync(new AuditRecord(IntegrationAuditActions.KeyVerificationFailed, false, null, null,
            key?.MerchantId, key?.Environment, "AccessKey", keyId is { Length: <= 64 } ? keyId : null, request.IpAddress,
            $"{reason}: {request.Method} {request.Path}"), ct);
        return null;
    }
}
