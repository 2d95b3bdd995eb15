using Dashboard.Domain.Common;
using Dashboard.Domain.Integration;
using Microsoft.AspNetCore.Components.Forms;

namespace Dashboard.Features.Integration;

/// <summary>Opening an image picked in an InputFile (banner, logo) within its kind's size limit.</summary>
public static class ImageUploads
{
    /// <summary>Refused before any byte crosses the circuit; the service checks the size again while reading.</summary>
    public static Stream Open(IBrowserFile file, ImageRules rules) =>
        file.Size > rules.MaxBytes ? throw new DomainRuleException(rules.TooLargeKey) : file.OpenReadStream(rules.MaxBytes);
}
