using System.Security.Cryptography;
using Dashboard.Domain.Common;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Domain.Integration;

/// <summary>Random secrets and their protection at rest (KEY-01, KEY-02).</summary>
public static class Secrets
{
    /// <summary>256 bits from the CSPRNG, base64url, behind a prefix that secret scanners can recognise.</summary>
    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return prefix + Base64Url(bytes);
    }

    /// <summary>Upper-case letters and digits, for public identifiers.</summary>
    public static string NewCode(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(length, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }

    public static string EnvironmentTag(PaymentEnvironment environment) =>
        environment == PaymentEnvironment.Production ? "live" : "test";

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Last4(string secret) => secret[^4..];

    /// <summary>SHA-256 for bearer tokens, which the server never needs to read back.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

/// <summary>Encrypts secrets the server must read back to verify HMACs; one purpose per kind of secret.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    public const string AccessKeyPurpose = "Dashboard.Integration.AccessKeySecret.v1";
    public const string IpnSigningPurpose = "Dashboard.Integration.IpnSigningSecret.v1";

    public string Protect(string purpose, string secret) => provider.CreateProtector(purpose).Protect(secret);

    /// <summary>Throws <see cref="CryptographicException"/> when the value was tampered with or belongs to another purpose.</summary>
    public string Unprotect(string purpose, string protectedSecret) => provider.CreateProtector(purpose).Unprotect(protectedSecret);
}
