using System.Buffers.Binary;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>What the bytes of a banner prove: its type and pixel size.</summary>
public sealed record BannerImageInfo(string ContentType, string Extension, int Width, int Height);

/// <summary>
/// The pop-up banner's rules, checked on the bytes: PNG or JPEG by magic number (never by name or the browser's
/// content type), at most 1 MB, and a pixel size read from the PNG IHDR chunk or the JPEG SOF marker.
/// </summary>
public static class BannerImage
{
    public const int MaxBytes = 1024 * 1024;
    public const int MinWidth = 100;
    public const int MaxWidth = 2000;
    public const int MinHeight = 50;
    public const int MaxHeight = 1000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Validates the whole file; throws <see cref="DomainRuleException"/> with the rule it breaks.</summary>
    public static BannerImageInfo Inspect(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) throw new DomainRuleException("Error.FileEmpty");
        if (content.Length > MaxBytes) throw new DomainRuleException("Error.BannerTooLarge");
        var info = ReadHeader(content) ?? throw new DomainRuleException("Error.BannerNotImage");
        if (info.Width is < MinWidth or > MaxWidth || info.Height is < MinHeight or > MaxHeight)
            throw new DomainRuleException("Error.BannerDimensions", info.Width, info.Height, MinWidth, MaxWidth, MinHeight, MaxHeight);
        return info;
    }

    /// <summary>Type and size from the header, or null when the bytes are neither a PNG nor a readable JPEG.</summary>
    public static BannerImageInfo? ReadHeader(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature)) return ReadPng(content);
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return ReadJpeg(content);
        return null;
    }

    // PNG: signature, then the IHDR chunk must come first: length (13), "IHDR", width, height (big-endian).
    private static BannerImageInfo? ReadPng(ReadOnlySpan<byte> c)
    {
        if (c.Length < 24 || !c.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(20, 4));
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue) return null;
        return new BannerImageInfo("image/png", "png", (int)width, (int)height);
    }

    // JPEG: walk the marker segments after SOI until a start-of-frame (SOF0..SOF15 except DHT C4, JPG C8, DAC CC):
    // FF Cn, length, precision, height, width (big-endian).
    private static BannerImageInfo? ReadJpeg(ReadOnlySpan<byte> c)
    {
        var i = 2;
        while (i + 4 <= c.Length)
        {
            if (c[i] != 0xFF) return null;
            var marker = c[i + 1];
            if (marker == 0xFF) { i++; continue; }                  // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // no length
            if (marker is 0xD9 or 0xDA) return null;                // end of image or scan before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 2, 2));
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || i + 9 > c.Length) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(c.Slice(i + 7, 2));
                return width == 0 || height == 0 ? null : new BannerImageInfo("image/jpeg", "jpg", width, height);
            }
            i += 2 + length;
        }
        return null;
    }
}
