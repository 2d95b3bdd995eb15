using System.Buffers.Binary;
using System.Security.Cryptography;
using Dashboard.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// AUTH-04: authenticator (RFC 6238) codes are single-use. Identity's <see cref="AuthenticatorTokenProvider{TUser}"/>
/// accepts a code for several neighbouring time steps and keeps no record of used codes, so a code seen over a
/// shoulder or replayed from a proxy would work again for about a minute and a half. This provider accepts the
/// current step ±1 (clock drift), remembers the step of the last accepted code on the user
/// (<see cref="DashboardUser.LastTotpTimeStep"/>) and refuses any code whose step is not later than it.
/// Registered as <see cref="TokenOptions.DefaultAuthenticatorProvider"/>, so sign-in, enrolment and step-up all use it.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<DashboardUser>
{
    private const int StepSeconds = 30;
    private const int AllowedDrift = 1;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<DashboardUser> manager, DashboardUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || !int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            || token.Length != 6)
        {
            return false;
        }

        byte[] secret;
        try { secret = Base32Decode(key); }
        catch (FormatException) { return false; }

        var current = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            // Compare every candidate (no early exit) so timing does not reveal which step matched.
            if (ComputeCode(secret, step) == code && matched is null) matched = step;
        }
        if (matched is not { } accepted) return false;
        // Replay: this code (or a later one) was already used.
        if (user.LastTotpTimeStep is { } last && accepted <= last) return false;

        user.LastTotpTimeStep = accepted;
        // A concurrent sign-in with the same code loses on the concurrency stamp and is refused.
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    internal static int ComputeCode(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff) % 1_000_000;
    }

    internal static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException("Not a base32 key.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}
