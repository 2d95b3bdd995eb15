using Dashboard.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Security;

public sealed record SectionRequirement(Section Section, PermissionLevel Level) : IAuthorizationRequirement;

public sealed record MembershipRequirement : IAuthorizationRequirement;

/// <summary>Builds "Section:&lt;Section&gt;:&lt;Level&gt;" policies on demand; everything else goes to the default provider.</summary>
public sealed class SectionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (Policies.TryParse(policyName, out var section, out var level))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new SectionRequirement(section, level))
                .Build();
        }
        if (policyName == Policies.Member)
        {
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MembershipRequirement()).Build();
        }
        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>Decides section policies from the user's membership of the merchant currently selected (read from the database).</summary>
public sealed class SectionAuthorizationHandler(CurrentView view) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            switch (requirement)
            {
                case SectionRequirement s:
                    if (await view.LoadAsync(context.User) && view.Can(s.Section, s.Level)) context.Succeed(s);
                    break;
                case MembershipRequirement m:
                    if (await view.LoadAsync(context.User) && view.Merchant is not null) context.Succeed(m);
                    break;
            }
        }
    }
}
