using System.Text;
using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Common;
using Dashboard.Domain.Ledger;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Tests.Performance;

namespace Dashboard.Domain.Tests.Chargebacks;

public sealed class ChargebackServiceTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task Contesting_with_a_file_stores_it_outside_the_web_root_under_a_generated_name()
    {
        var (_, id) = await f.FiledChargebackAsync();
        var service = f.Chargebacks();
        var v = (await service.GetAsync(id)).Chargeback.Version;
        v = await service.SaveDraftAsync(id, "Delivered on 3 March, signed by the buyer.", v);
        v = await service.AddEvidenceAsync(id, EvidenceKind.ShippingDocumentation, "Carrier proof", new MemoryStream(Pdf), "proof of delivery.pdf", v);
        await service.ContestAsync(id, Guid.NewGuid());

        var details = await service.GetAsync(id);
        Assert.Equal(ChargebackStatus.Contested, details.Chargeback.Status);
        var item = Assert.Single(details.Chargeback.Evidence);
        Assert.Equal("proof of delivery.pdf", item.FileName);
        Assert.Equal("application/pdf", item.ContentType);
        Assert.True(File.Exists(Path.Combine(f.EvidenceDirectory, item.StoredName!)));
        Assert.DoesNotContain("proof", item.StoredName, StringComparison.Ordinal);
        var (content, type, _) = await service.OpenEvidenceAsync(id, item.Id);
        await using (content) Assert.Equal("application/pdf", type);
    }

    [Fact]
    public async Task A_pdf_renamed_png_is_refused_and_leaves_no_file()
    {
        var (_, id) = await f.FiledChargebackAsync();
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            f.Chargebacks().AddEvidenceAsync(id, EvidenceKind.Receipt, null, new MemoryStream(Pdf), "receipt.png", 0));
        Assert.Equal("Error.FileContentMismatch", ex.MessageKey);
        Assert.Empty(Directory.Exists(f.EvidenceDirectory) ? Directory.GetFiles(f.EvidenceDirectory) : []);
    }

    [Fact]
    public async Task An_oversized_file_is_refused()
    {
        var (_, id) = await f.FiledChargebackAsync();
        var big = new byte[EvidenceFiles.MaxBytes + 1];
        Png.CopyTo(big, 0);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            f.Chargebacks().AddEvidenceAsync(id, EvidenceKind.Receipt, null, new MemoryStream(big), "photo.png", 0));
        Assert.Equal("Error.FileTooLarge", ex.MessageKey);
        Assert.Empty(Directory.GetFiles(f.EvidenceDirectory));
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("..\\..\\windows\\evil.png", "evil.png")]
    [InlineData("/tmp/.hidden.png", "hidden.png")]
    public async Task A_path_in_the_file_name_never_reaches_the_disk(string name, string shown)
    {
        var (_, id) = await f.FiledChargebackAsync();
        await f.Chargebacks().AddEvidenceAsync(id, EvidenceKind.Other, null, new MemoryStream(Png), name, 0);
        var item = Assert.Single((await f.Chargebacks().GetAsync(id)).Chargeback.Evidence);
        Assert.Equal(shown, item.FileName);
        Assert.Equal(f.EvidenceDirectory, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(f.EvidenceDirectory, item.StoredName!))));
        Assert.Throws<NotFoundException>(() => f.Files.OpenRead("../" + item.StoredName));
    }

    [Fact]
    public async Task Accepting_debits_the_disputed_amount_and_the_fee_and_a_second_click_does_nothing()
    {
        var (orderId, id) = await f.FiledChargebackAsync(amount: 4_000);
        var submission = Guid.NewGuid();
        await f.Chargebacks().AcceptAsync(id, submission);
        await f.Chargebacks().AcceptAsync(id, submission);
        var t = Assert.Single(f.Transactions(orderId), t => t.Type == TransactionType.Chargeback);
        Assert.Equal(4_000, t.Amount);
        Assert.Equal(4_000, f.Order(orderId).ChargebackAmount);
    }

    [Fact]
    public async Task A_contested_chargeback_cannot_be_accepted()
    {
        var (_, id) = await f.FiledChargebackAsync();
        var v = await f.Chargebacks().SaveDraftAsync(id, "Signed delivery receipt attached.", 0);
        await f.Chargebacks().ContestAsync(id, Guid.NewGuid());
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Chargebacks().AcceptAsync(id, Guid.NewGuid()));
        Assert.Equal("Error.IllegalTransition", ex.MessageKey);
        Assert.True(v > 0);
    }

    [Fact]
    public async Task Contesting_needs_text_or_evidence()
    {
        var (_, id) = await f.FiledChargebackAsync();
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Chargebacks().ContestAsync(id, Guid.NewGuid()));
        Assert.Equal("Error.EvidenceEmpty", ex.MessageKey);
    }

    [Fact]
    public async Task A_lost_chargeback_is_debited_and_a_won_one_is_not()
    {
        var (lostOrder, lost) = await f.FiledChargebackAsync(amount: 1_000);
        var (wonOrder, won) = await f.FiledChargebackAsync(amount: 1_000);
        foreach (var id in new[] { lost, won })
        {
            await f.Chargebacks().SaveDraftAsync(id, "Evidence", 0);
            await f.Chargebacks().ContestAsync(id, Guid.NewGuid());
        }
        await f.Ledger.Ledger.ApplyAsync([
            new ChargebackDecided(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(), f.Clock.UtcNow, lost, false),
            new ChargebackDecided(f.Ledger.Merchant.Id, f.Ledger.Environment, f.Ledger.NextEventId(), f.Clock.UtcNow, won, true)]);
        Assert.Single(f.Transactions(lostOrder), t => t.Type == TransactionType.Chargeback);
        Assert.DoesNotContain(f.Transactions(wonOrder), t => t.Type == TransactionType.Chargeback);
    }

    [Fact]
    public async Task A_user_with_view_permission_cannot_upload_or_accept()
    {
        var (_, id) = await f.FiledChargebackAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Chargebacks(PermissionLevel.View).AcceptAsync(id, Guid.NewGuid()));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            f.Chargebacks(PermissionLevel.View).AddEvidenceAsync(id, EvidenceKind.Receipt, "x", null, null, 0));
    }
}
