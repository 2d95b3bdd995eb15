using Dashboard.Domain.Common;

namespace Dashboard.Domain.Integration;

/// <summary>
/// The pop-up banner buyers see on the merchant's site, one per merchant and environment. The file lives outside the
/// web root under a generated name; its SHA-256 is the public URL's cache buster.
/// </summary>
public sealed class PopupBanner : IEnvironmentOwned
{
    public const int HashLength = 64;
    public const int StoredNameMaxLength = 40;
    public const int ContentTypeMaxLength = 20;
    public const int UploadedByMaxLength = 256;

    private PopupBanner() { }

    public PopupBanner(Guid merchantId, PaymentEnvironment environment)
    {
        Id = Guid.CreateVersion7();
        MerchantId = merchantId;
        Environment = environment;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public PaymentEnvironment Environment { get; private set; }
    public string ContentHash { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public DateTime UploadedUtc { get; private set; }
    public string UploadedBy { get; private set; } = "";

    public string Extension => ContentType == "image/png" ? "png" : "jpg";

    /// <returns>The stored name of the file it replaces, if any, for the caller to delete after saving.</returns>
    public string? Replace(UploadedImageInfo info, string contentHash, string storedName, long sizeBytes, string uploadedBy, DateTime nowUtc)
    {
        var previous = StoredName.Length > 0 ? StoredName : null;
        ContentHash = contentHash;
        ContentType = info.ContentType;
        StoredName = storedName;
        SizeBytes = sizeBytes;
        Width = info.Width;
        Height = info.Height;
        UploadedUtc = nowUtc;
        UploadedBy = uploadedBy.Length > UploadedByMaxLength ? uploadedBy[..UploadedByMaxLength] : uploadedBy;
        return previous;
    }
}
