using Dashboard.Domain.Chargebacks;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Security;

namespace Dashboard.Features.Chargebacks;

/// <summary>Evidence files leave the server here, streamed and authorized, never through the circuit or wwwroot.</summary>
public static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/performance/chargebacks/{id:guid}/evidence/{evidenceId:guid}", async (Guid id, Guid evidenceId, ChargebackService chargebacks,
                CancellationToken ct) =>
            {
                try
                {
                    var (content, contentType, fileName) = await chargebacks.OpenEvidenceAsync(id, evidenceId, ct);
                    return Results.File(content, contentType, fileName);
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
            })
            .RequireAuthorization(Policies.ForSection(Section.Chargebacks, PermissionLevel.View));
    }
}
