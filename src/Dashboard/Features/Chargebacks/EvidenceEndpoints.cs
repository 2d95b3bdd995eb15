using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Claims;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Security;

namespace Dashboard.Features.Chargebacks;

/// <summary>
/// Case files (chargeback evidence, claim attachments) leave the server here, streamed and authorized, never through
/// the circuit or wwwroot. Another merchant's ids answer 404.
/// </summary>
public static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/performance/chargebacks/{id:guid}/evidence/{fileId:guid}", (Guid id, Guid fileId, ChargebackService chargebacks, CancellationToken ct) =>
                ServeAsync(() => chargebacks.OpenEvidenceAsync(id, fileId, ct)))
            .RequireAuthorization(Policies.ForSection(Section.Chargebacks, PermissionLevel.View));
        app.MapGet("/performance/claims/{id:guid}/attachments/{fileId:guid}", (Guid id, Guid fileId, ClaimService claims, CancellationToken ct) =>
                ServeAsync(() => claims.OpenAttachmentAsync(id, fileId, ct)))
            .RequireAuthorization(Policies.ForSection(Section.Claims, PermissionLevel.View));
    }

    private static async Task<IResult> ServeAsync(Func<Task<(Stream Content, string ContentType, string FileName)>> open)
    {
        try
        {
            var (content, contentType, fileName) = await open();
            return Results.File(content, contentType, fileName);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }
}
