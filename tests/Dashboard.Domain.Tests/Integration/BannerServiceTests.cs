using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;

namespace Dashboard.Domain.Tests.Integration;

public sealed class BannerServiceTests : IDisposable
{
    private readonly IntegrationFixture _f = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "banner-tests-" + Guid.NewGuid().ToString("N"));
    private readonly BannerFiles _files;
    private readonly BannerService _banners;
    private readonly PublicBannerReader _reader;

    public BannerServiceTests()
    {
        _files = new BannerFiles(_directory);
        _banners = new BannerService(_f.Database.Factory(_f.Scope), _f.Actor, _files, _f.Audit, _f.Clock);
        _reader = new PublicBannerReader(_f.Database.System, _files);
    }

    [Fact]
    public async Task A_replaced_banner_is_no_longer_served_and_both_changes_are_audited()
    {
        var first = await _banners.UploadAsync(new MemoryStream(BannerImageTests.Png(640, 120)));
        var second = await _banners.UploadAsync(new MemoryStream(BannerImageTests.Jpeg(800, 200)));

        Assert.Equal((800, 200, "image/jpeg"), (second.Width, second.Height, second.ContentType));
        Assert.Null(await _reader.OpenAsync(_f.Merchant.MerchantCode, PaymentEnvironment.Sandbox, first.ContentHash, "png"));
        var served = await _reader.OpenAsync(_f.Merchant.MerchantCode, PaymentEnvironment.Sandbox, second.ContentHash, "jpg");
        Assert.NotNull(served);
        await served.Value.Content.DisposeAsync();
        Assert.Null(await _reader.OpenAsync(_f.Merchant.MerchantCode, PaymentEnvironment.Production, second.ContentHash, "jpg"));
        Assert.Single(Directory.GetFiles(_directory));

        await _banners.RemoveAsync();
        Assert.Null(await _banners.GetAsync());
        Assert.Empty(Directory.GetFiles(_directory));
        await using var db = _f.Database.Create(MerchantScope.System);
        Assert.Equal([BannerAuditActions.Uploaded, BannerAuditActions.Uploaded, BannerAuditActions.Removed],
            db.AuditEvents.Where(a => a.TargetType == "PopupBanner").OrderBy(a => a.Id).Select(a => a.Action).ToList());
    }

    [Fact]
    public async Task Viewing_users_cannot_upload()
    {
        _f.Actor.Level = PermissionLevel.View;
        await Assert.ThrowsAsync<ForbiddenException>(() => _banners.UploadAsync(new MemoryStream(BannerImageTests.Png(640, 120))));
    }

    public void Dispose()
    {
        _f.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, true);
    }
}
