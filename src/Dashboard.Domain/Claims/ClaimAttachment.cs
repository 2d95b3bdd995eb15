using Dashboard.Domain.Common;
using Dashboard.Domain.Performance;

namespace Dashboard.Domain.Claims;

/// <summary>A file the merchant attached to a claim's representment or appeal (proof of delivery, invoice…).</summary>
public sealed class ClaimAttachment : IEnvironmentOwned
{
    public const int MaxItems = 10;

    private ClaimAttachment() { }

    internal ClaimAttachment(GuaranteeClaim claim, StoredFile file, string actor, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claim.Id;
        MerchantId = claim.MerchantId;
        Environment = claim.Environment;
        FileName = file.OriginalName;
        StoredName = file.StoredName;
        ContentType = file.ContentType;
        FileSize = file.Size;
        AddedBy = actor;
        AddedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    /// <summary>The uploader's file name, cleaned; shown only, never used as a path.</summary>
    public string FileName { get; private set; } = "";
    /// <summary>The generated name under the evidence folder.</summary>
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long FileSize { get; private set; }
    public string AddedBy { get; private set; } = "";
    public DateTime AddedUtc { get; private set; }
}
