using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dashboard.Tests.Account;

/// <summary>RFC 6238 time-based one-time codes (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app
/// computes them from the base32 key Identity stores.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset time)
    {
        var step = time.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        // RFC 4226 dynamic truncation.
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code no authenticator would accept around <paramref name="time"/>.</summary>
    public static string WrongCode(string base32Key, DateTimeOffset time)
    {
        var nearby = Enumerable.Range(-3, 7).Select(i => Code(base32Key, time.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !nearby.Contains(c));
    }

    public static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
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
