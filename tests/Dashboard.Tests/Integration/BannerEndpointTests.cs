using System.Buffers.Binary;
using System.Net;
using Dashboard.Domain.Integration;
using Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>The public banner URL, through the real portal and without a session (buyers' browsers have none).</summary>
[Collection(DashboardCollection.Name)]
public sealed class BannerEndpointTests(DashboardFactory portal)
{
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        bytes[63] = 0x42; // makes the content (and hash) distinct from other runs' banners
        return bytes;
    }

    [Fact]
    public async Task An_uploaded_banner_is_served_publicly_with_its_type_and_a_wrong_hash_is_404()
    {
        using var scope = await ActingAs.DemoAdminAsync(portal);
        var banners = scope.ServiceProvider.GetRequiredService<BannerService>();
        var content = Png(600, 150);
        var banner = await banners.UploadAsync(new MemoryStream(content));
        try
        {
            var client = portal.CreateHttpsClient();
            var response = await client.GetAsync(banner.Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());

            var wrongHash = banner.Path.Replace(banner.ContentHash, new string('0', 64), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(wrongHash)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(banner.Path.Replace(".png", ".jpg", StringComparison.Ordinal))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(banner.Path.Replace("/sandbox/", "/production/", StringComparison.Ordinal))).StatusCode);
        }
        finally
        {
            await banners.RemoveAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateHttpsClient().GetAsync(banner.Path)).StatusCode);
    }
}
