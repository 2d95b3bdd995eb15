using System.Text;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Tests.Performance;

public sealed class UploadRateLimitTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task The_31st_upload_in_10_minutes_is_refused_across_claims_and_chargebacks_and_allowed_again_later()
    {
        var (_, claim) = await f.FiledClaimAsync();
        var (_, chargeback) = await f.FiledChargebackAsync();
        for (var i = 0; i < 10; i++) await f.Claims().AddAttachmentAsync(claim, new MemoryStream(Pdf), $"claim-{i}.pdf");
        var v = 0L;
        for (var i = 0; i < 20; i++) v = await f.Chargebacks().AddEvidenceAsync(chargeback, EvidenceKind.Other, null, new MemoryStream(Pdf), $"cb-{i}.pdf", v);

        var (_, other) = await f.FiledClaimAsync();
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().AddAttachmentAsync(other, new MemoryStream(Pdf), "one-more.pdf"));
        Assert.Equal("Error.TooManyUploads", ex.MessageKey);
        Assert.Equal([30, 10, 10], ex.Args.Cast<int>());
        Assert.Equal(30, Directory.GetFiles(f.EvidenceDirectory).Length);   // nothing written for the refused one

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        await f.Claims().AddAttachmentAsync(other, new MemoryStream(Pdf), "one-more.pdf");
    }

    [Fact]
    public void The_window_slides_and_each_user_has_their_own()
    {
        var limit = new UploadRateLimit(f.Clock, permits: 2, window: TimeSpan.FromMinutes(10));
        limit.Acquire("anna");
        f.Clock.Advance(TimeSpan.FromMinutes(4));
        limit.Acquire("anna");
        var ex = Assert.Throws<DomainRuleException>(() => limit.Acquire("anna"));
        Assert.Equal(6, ex.Args[2]);   // the first upload leaves the window in 6 minutes
        limit.Acquire("ben");
        f.Clock.Advance(TimeSpan.FromMinutes(6));
        limit.Acquire("anna");
    }
}
