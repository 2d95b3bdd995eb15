using System.Text;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Tests.Performance;

namespace Dashboard.Domain.Tests.Claims;

public sealed class ClaimAttachmentTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];
    private readonly PerformanceFixture f = new();

    public void Dispose() => f.Dispose();

    private string[] StoredFiles() => Directory.Exists(f.EvidenceDirectory) ? Directory.GetFiles(f.EvidenceDirectory) : [];

    [Fact]
    public async Task A_representment_carries_its_files_stored_outside_the_web_root_under_generated_names()
    {
        var (_, id) = await f.FiledClaimAsync();
        var claims = f.Claims();
        await claims.SaveDraftAsync(id, new ClaimDraft("Shipped with tracking.", f.Clock.UtcNow.AddDays(-2), "DHL", "JJD000123"), 0);
        await claims.AddAttachmentAsync(id, new MemoryStream(Pdf), "proof of delivery.pdf");
        await claims.AddAttachmentAsync(id, new MemoryStream(Jpeg), "parcel.jpg");
        await claims.RepresentAsync(id, new ClaimDraft("Shipped with tracking.", f.Clock.UtcNow.AddDays(-2), "DHL", "JJD000123"), Guid.NewGuid());

        var claim = (await f.Claims(PermissionLevel.View).GetAsync(id)).Claim;
        Assert.Equal(ClaimStatus.Represented, claim.Status);
        Assert.Equal(["parcel.jpg", "proof of delivery.pdf"], claim.Attachments.Select(a => a.FileName).Order());
        var pdf = claim.Attachments.Single(a => a.FileName.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.DoesNotContain("proof", pdf.StoredName, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(f.EvidenceDirectory, pdf.StoredName)));
        var (content, type, name) = await f.Claims(PermissionLevel.View).OpenAttachmentAsync(id, pdf.Id);
        await using (content) Assert.Equal(Pdf.Length, content.Length);
        Assert.Equal(("application/pdf", "proof of delivery.pdf"), (type, name));
    }

    [Fact]
    public async Task A_pdf_renamed_png_is_refused_and_leaves_no_file_and_no_row()
    {
        var (_, id) = await f.FiledClaimAsync();
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), "tracking.png"));
        Assert.Equal("Error.FileContentMismatch", ex.MessageKey);
        Assert.Empty(StoredFiles());
        Assert.Empty((await f.Claims().GetAsync(id)).Claim.Attachments);
    }

    [Fact]
    public async Task An_oversized_file_is_refused()
    {
        var (_, id) = await f.FiledClaimAsync();
        var big = new byte[EvidenceFiles.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().AddAttachmentAsync(id, new MemoryStream(big), "big.pdf"));
        Assert.Equal("Error.FileTooLarge", ex.MessageKey);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\evil.pdf", "evil.pdf")]
    public async Task A_path_in_the_file_name_never_reaches_the_disk(string uploaded, string shown)
    {
        var (_, id) = await f.FiledClaimAsync();
        await f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), uploaded);
        var attachment = Assert.Single((await f.Claims().GetAsync(id)).Claim.Attachments);
        Assert.Equal(shown, attachment.FileName);
        Assert.Equal(f.EvidenceDirectory, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(f.EvidenceDirectory, attachment.StoredName))));
        Assert.Throws<NotFoundException>(() => f.Files.OpenRead("../" + attachment.StoredName));
    }

    [Fact]
    public async Task Attaching_a_file_does_not_conflict_with_the_draft_being_autosaved()
    {
        var (_, id) = await f.FiledClaimAsync();
        var v = await f.Claims().SaveDraftAsync(id, new ClaimDraft("typing…", null, null, null), 0);
        await f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), "proof.pdf");
        await f.Claims().SaveDraftAsync(id, new ClaimDraft("typing… done", null, null, null), v);
        Assert.Single((await f.Claims().GetAsync(id)).Claim.Attachments);
    }

    [Fact]
    public async Task A_file_is_deleted_from_disk_when_the_attachment_is_removed()
    {
        var (_, id) = await f.FiledClaimAsync();
        var attachment = await f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), "wrong.pdf");
        Assert.Single(StoredFiles());
        await f.Claims().RemoveAttachmentAsync(id, attachment.Id);
        Assert.Empty(StoredFiles());
        Assert.Empty((await f.Claims().GetAsync(id)).Claim.Attachments);
    }

    [Fact]
    public async Task View_cannot_attach_and_nothing_is_accepted_after_the_deadline()
    {
        var (_, id) = await f.FiledClaimAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => f.Claims(PermissionLevel.View).AddAttachmentAsync(id, new MemoryStream(Pdf), "a.pdf"));
        f.Clock.Advance(TimeSpan.FromDays(9));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), "a.pdf"));
        Assert.Equal("Error.DeadlineExpired", ex.MessageKey);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Another_merchants_attachment_is_not_found()
    {
        var (_, id) = await f.FiledClaimAsync();
        await f.Claims().AddAttachmentAsync(id, new MemoryStream(Pdf), "a.pdf");
        var attachment = Assert.Single((await f.Claims().GetAsync(id)).Claim.Attachments);
        var other = new MerchantScope(Guid.NewGuid(), f.Ledger.Environment);
        await Assert.ThrowsAsync<NotFoundException>(() => f.Claims(PermissionLevel.View, other).OpenAttachmentAsync(id, attachment.Id));
    }
}
