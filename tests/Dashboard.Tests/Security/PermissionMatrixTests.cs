using System.Net;
using System.Reflection;
using Dashboard.Domain.Common;
using Dashboard.Infrastructure.Security;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Security;

/// <summary>Every section × level against every section page: a member reaches exactly the pages their grant allows.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PermissionMatrixTests(DashboardFactory factory)
{
    public static TheoryData<Section, PermissionLevel> Grants()
    {
        var data = new TheoryData<Section, PermissionLevel>();
        foreach (var section in Enum.GetValues<Section>())
            foreach (var level in new[] { PermissionLevel.View, PermissionLevel.Edit })
                data.Add(section, level);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task A_member_reaches_exactly_the_pages_of_their_section_and_level(Section section, PermissionLevel level)
    {
        var email = $"matrix-{section}-{level}@demo.example".ToLowerInvariant();
        var password = "Matrix-Pass-2026";
        await TestUsers.CreateAsync(factory, email, password, (section, level));
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, email, password);

        var failures = new List<string>();
        foreach (var (page, route) in RouteAccessTests.Routes())
        {
            if (page.GetCustomAttribute<SectionAccessAttribute>() is not { } access || route.Contains('{')) continue;
            var expected = access.Section == section && level >= access.Level;
            var response = await client.GetAsync(route);
            var allowed = response.StatusCode == HttpStatusCode.OK;
            if (allowed != expected) failures.Add($"{route} ({access.Section} {access.Level}): {(int)response.StatusCode}, expected {(expected ? "allowed" : "denied")}");
            if (!allowed && response.Headers.Location?.ToString().Contains("access-denied", StringComparison.Ordinal) != true)
                failures.Add($"{route}: denied without the access-denied page ({response.Headers.Location})");
        }
        // Endpoints are guarded like pages.
        var export = await client.GetAsync(Dashboard.Features.Audit.AuditExportEndpoint.Path);
        if ((export.StatusCode == HttpStatusCode.OK) != (section == Section.Users))
            failures.Add($"audit export: {(int)export.StatusCode}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
