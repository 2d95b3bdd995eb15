using System.Buffers.Binary;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>What the bytes of an uploaded image prove: its type and pixel size.</summary>
public sealed record UploadedImageInfo(string ContentType, string Extension, int Width, int Height);

/// <summary>One kind of upload's limits and the message keys for each broken rule.</summary>
public sealed record ImageRules(int MaxBytes, int MinWidth, int MaxWidth, int MinHeight, int MaxHeight, string TooLargeKey, string DimensionsKey)
{
    public const string NotImageKey = "Error.BannerNotImage";
}

/// <summary>
/// Uploaded images (the pop-up banner, login-app logos), checked on the bytes: PNG or JPEG by magic number (never by
/// name or the browser's content type), a size cap, and a pixel size read from the PNG IHDR chunk or the JPEG SOF marker.
/// </summary>
public static class UploadedImage
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Validates the whole file; throws <see cref="DomainRuleException"/> with the rule it breaks.</summary>
    public static UploadedImageInfo Inspect(ReadOnlySpan<byte> content, ImageRules rules)
    {
        if (content.Length == 0) throw new DomainRuleException("Error.FileEmpty");
        if (content.Length > rules.MaxBytes) throw new DomainRuleException(rules.TooLargeKey);
        var info = ReadHeader(content) ?? throw new DomainRuleException(ImageRules.NotImageKey);
        if (info.Width < rules.MinWidth || info.Width > rules.MaxWidth || info.Height < rules.MinHeight || info.Height > rules.MaxHeight)
            throw new DomainRuleException(rules.DimensionsKey, info.Width, info.Height, rules.MinWidth, rules.MaxWidth, rules.MinHeight, rules.MaxHeight);
        return info;
    }

    /// <summary>Reads at most <see cref="ImageRules.MaxBytes"/> + 1 bytes, so an oversized upload stops early.</summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream content, ImageRules rules, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > rules.MaxBytes) throw new DomainRuleException(rules.TooLargeKey);
        }
        return buffer.ToArray();
    }

    /// <summary>Type and size from the header, or null when the bytes are neither a PNG nor a readable JPEG.</summary>
    public static UploadedImageInfo? ReadHeader(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature)) return ReadPng(content);
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return ReadJpeg(content);
        return null;
    }

    // PNG: signature, then the IHDR chunk must come first: length (13), "IHDR", width, height (big-endian).
    private static UploadedImageInfo? ReadPng(ReadOnlySpan<byte> c)
    {
        if (c.Length < 24 || !c.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(c.Slice(20, 4));
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue) return null;
        return new UploadedImageInfo("image/png", "png", (int)width, (int)height);
    }

    // JPEG: walk the marker segments after SOI until a start-of-frame (SOF0..SOF15 except DHT C4, JPG C8, DAC CC):
    // FF Cn, length, precision, height, width (big-endian).
    private static UploadedImageInfo? ReadJpeg(ReadOnlySpan<byte> c)
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
                return width == 0 || height == 0 ? null : new UploadedImageInfo("image/jpeg", "jpg", width, height);
            }
            i += 2 + length;
        }
        return null;
    }
}

/// <summary>The pop-up banner's limits: at most 1 MB, 100–2000 px wide and 50–1000 px high.</summary>
public static class BannerImage
{
    public const int MaxBytes = 1024 * 1024;
    public const int MinWidth = 100;
    public const int MaxWidth = 2000;
    public const int MinHeight = 50;
    public const int MaxHeight = 1000;

    public static readonly ImageRules Rules = new(MaxBytes, MinWidth, MaxWidth, MinHeight, MaxHeight, "Error.BannerTooLarge", "Error.BannerDimensions");

    public static UploadedImageInfo Inspect(ReadOnlySpan<byte> content) => UploadedImage.Inspect(content, Rules);
}

/// <summary>A login app's logo, shown on the provider's sign-in consent page: at most 256 KB, 32–1000 px each side.</summary>
public static class LogoImage
{
    public const int MaxBytes = 256 * 1024;
    public const int MinSide = 32;
    public const int MaxSide = 1000;

    public static readonly ImageRules Rules = new(MaxBytes, MinSide, MaxSide, MinSide, MaxSide, "Error.LogoTooLarge", "Error.LogoDimensions");
}
