using System.Security.Cryptography;
using Dashboard.Domain.Common;

namespace Dashboard.Domain.Performance;

/// <summary>Where a virus scanner plugs in. The default accepts everything; a deployment registers a real one.</summary>
public interface IVirusScanner
{
    /// <returns>true when the file is clean.</returns>
    Task<bool> IsCleanAsync(string path, CancellationToken ct);
}

public sealed class NoVirusScanner : IVirusScanner
{
    public Task<bool> IsCleanAsync(string path, CancellationToken ct) => Task.FromResult(true);
}

/// <summary>A file checked and written by <see cref="EvidenceFiles"/>: its generated name and what it really is.</summary>
public sealed record StoredFile(string StoredName, string OriginalName, string ContentType, long Size);

/// <summary>
/// Checks and stores case files (chargeback evidence, claim attachments) outside the web root, under generated names.
/// The type is decided by the file's first bytes, never by its name or the browser's content type: a PDF renamed .png
/// is refused.
/// </summary>
public sealed class EvidenceFiles(string directory, IVirusScanner scanner, UploadRateLimit? uploadLimit = null)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int FileNameMaxLength = 128;
    public const int StoredNameMaxLength = 64;
    public const int ContentTypeMaxLength = 32;

    public string Directory { get; } = directory;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
    };

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes, validates, scans and writes the file.</summary>
    public async Task<StoredFile> StoreAsync(Stream content, string fileName, CancellationToken ct)
    {
        var original = CleanName(fileName);
        var extension = Path.GetExtension(original).ToLowerInvariant();
        if (!ContentTypes.TryGetValue(extension, out var declaredType)) throw new DomainRuleException("Error.FileTypeNotAllowed");

        System.IO.Directory.CreateDirectory(Directory);
        var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = Path.Combine(Directory, stored);
        long size = 0;
        var head = new byte[8];
        var headLength = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) throw new DomainRuleException("Error.FileTooLarge", MaxBytes / (1024 * 1024));
                    var copy = Math.Min(read, head.Length - headLength);
                    if (copy > 0) { Array.Copy(buffer, 0, head, headLength, copy); headLength += copy; }
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) throw new DomainRuleException("Error.FileEmpty");
            var actualType = Sniff(head.AsSpan(0, headLength));
            if (actualType is null || actualType != declaredType) throw new DomainRuleException("Error.FileContentMismatch");
            if (!await scanner.IsCleanAsync(path, ct)) throw new DomainRuleException("Error.FileRejectedByScanner");
            return new StoredFile(stored, original, actualType, size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>
    /// Stores the file, then runs <paramref name="save"/> (which records it in the database); if that fails the file
    /// is deleted again, so no orphan stays on disk. A null <paramref name="content"/> stores nothing. Each file counts
    /// against the <paramref name="uploader"/>'s upload limit (BL-03), refused ones included.
    /// </summary>
    public async Task<StoredFile?> StoreThenAsync(string uploader, Stream? content, string? fileName, Func<StoredFile?, Task> save, CancellationToken ct)
    {
        if (content is not null) uploadLimit?.Acquire(uploader);
        var stored = content is null ? null : await StoreAsync(content, fileName ?? "", ct);
        try
        {
            await save(stored);
        }
        catch
        {
            if (stored is not null) Delete(stored.StoredName);
            throw;
        }
        return stored;
    }

    /// <summary>Opens a stored file by its generated name; anything that is not such a name is refused.</summary>
    public Stream OpenRead(string storedName)
    {
        if (!IsGeneratedName(storedName)) throw new NotFoundException("Evidence file");
        return new FileStream(Path.Combine(Directory, storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
    }

    public void Delete(string storedName)
    {
        if (IsGeneratedName(storedName)) File.Delete(Path.Combine(Directory, storedName));
    }

    /// <summary>The content type the first bytes prove, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        return null;
    }

    /// <summary>
    /// The uploader's name for display only: the last path segment, without control characters, trimmed to the
    /// column's length. "../../etc/passwd.png" becomes "passwd.png"; the stored name is generated anyway.
    /// </summary>
    public static string CleanName(string fileName)
    {
        var last = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c != ':' && c != '"').ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0) throw new DomainRuleException("Error.FileTypeNotAllowed");
        if (clean.Length > FileNameMaxLength)
        {
            var ext = Path.GetExtension(clean);
            clean = clean[..(FileNameMaxLength - ext.Length)] + ext;
        }
        return clean;
    }

    private static bool IsGeneratedName(string name) =>
        name.Length is > 32 and <= StoredNameMaxLength
        && name[..32].All(char.IsAsciiHexDigitLower)
        && ContentTypes.ContainsKey(name[32..]);
}
