using System.Buffers.Binary;
using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;

namespace Dashboard.Domain.Tests.Integration;

public sealed class BannerImageTests
{
    /// <summary>Signature and IHDR chunk: enough for the header reader (the CRC and image data are not read).</summary>
    public static byte[] Png(int width, int height, int padTo = 0)
    {
        var bytes = new byte[Math.Max(33, padTo)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        bytes[24] = 8; bytes[25] = 2;
        return bytes;
    }

    /// <summary>SOI, an APP0 (JFIF) segment to skip, then SOF0 with the size, then EOI.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        var sof = new byte[] { 0xFF, 0xC0, 0x00, 0x11, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(7), (ushort)width);
        return [0xFF, 0xD8, .. app0, .. sof, 0xFF, 0xD9];
    }

    [Fact]
    public void The_size_of_a_PNG_is_read_from_its_IHDR_chunk()
    {
        var info = BannerImage.Inspect(Png(640, 120));
        Assert.Equal(new UploadedImageInfo("image/png", "png", 640, 120), info);
    }

    [Fact]
    public void The_size_of_a_JPEG_is_read_from_its_start_of_frame_after_other_segments()
    {
        var info = BannerImage.Inspect(Jpeg(1200, 300));
        Assert.Equal(new UploadedImageInfo("image/jpeg", "jpg", 1200, 300), info);
    }

    [Fact]
    public void A_PDF_renamed_png_is_refused_because_only_the_content_counts()
    {
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray();
        var e = Assert.Throws<DomainRuleException>(() => BannerImage.Inspect(pdf));
        Assert.Equal("Error.BannerNotImage", e.Message);
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => BannerImage.Inspect(Png(640, 120, padTo: BannerImage.MaxBytes + 1)));
        Assert.Equal("Error.BannerTooLarge", e.Message);
    }

    [Theory]
    [InlineData(99, 120)]
    [InlineData(2001, 120)]
    [InlineData(640, 49)]
    [InlineData(640, 1001)]
    public void An_image_outside_the_size_rule_is_refused(int width, int height)
    {
        var e = Assert.Throws<DomainRuleException>(() => BannerImage.Inspect(Png(width, height)));
        Assert.Equal("Error.BannerDimensions", e.Message);
    }

    [Fact]
    public void A_truncated_JPEG_without_a_frame_header_is_refused()
    {
        var e = Assert.Throws<DomainRuleException>(() => BannerImage.Inspect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 1, 2]));
        Assert.Equal("Error.BannerNotImage", e.Message);
    }
}
