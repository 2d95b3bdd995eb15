using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Dashboard.Infrastructure.Export;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Domain.Audit;
using Dashboard.Features.Audit;
using Dashboard.Infrastructure.Data;
using Dashboard.Tests.Account;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Audit;

[Collection(DashboardCollection.Name)]
public sealed class AuditExportTests(DashboardFactory factory)
{
    [Fact]
    public async Task An_admin_downloads_the_filtered_audit_log_as_csv_and_the_export_is_audited()
    {
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        var response = await client.GetAsync($"{AuditExportEndpoint.Path}?action={AuditActions.SignIn}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Concat([]).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.StartsWith("OccurredUtc,Actor", lines[0]);
        Assert.Contains(lines, l => l.Contains(DemoDataSeeder.Admin.Email) && l.Contains(AuditActions.SignIn));
        Assert.All(lines.Skip(1), l => Assert.Contains($"\"{AuditActions.SignIn}\"", l));
        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AuditLogExported && e.ActorName == DemoDataSeeder.Admin.Email));
    }

    [Fact]
    public async Task The_excel_export_holds_the_filtered_rows_as_typed_cells_and_is_audited()
    {
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, DemoDataSeeder.Admin.Email, DemoDataSeeder.Admin.Password);

        var response = await client.GetAsync($"{AuditExportEndpoint.XlsxPath}?action={AuditActions.SignIn}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportResponse.Xlsx, response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal("Audit log", rows[0][0]);
        var headerIndex = rows.FindIndex(r => r.Count > 2 && r[1] == "Actor");
        Assert.Equal(["Actor", "Action", "Result"], rows[headerIndex].Skip(1).Take(3));
        var data = rows.Skip(headerIndex + 1).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, r => Assert.Equal(AuditActions.SignIn, r[2]));
        Assert.Contains(data, r => r[1] == DemoDataSeeder.Admin.Email && r[3] == "Success");
        Assert.True(double.TryParse(data[0][0], System.Globalization.CultureInfo.InvariantCulture, out _), "time is a numeric date cell");

        await using var db = factory.SystemDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AuditLogExported && e.ActorName == DemoDataSeeder.Admin.Email
            && e.Details!.Contains("format=xlsx")));
        using var scope = factory.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_member_without_users_permission_cannot_export()
    {
        await TestUsers.CreateAsync(factory, "audit-denied@demo.example", "Audit-Denied-2026", (Domain.Common.Section.Claims, Domain.Common.PermissionLevel.Edit));
        using var client = factory.CreateHttpsClient();
        await Forms.SignInAsync(client, "audit-denied@demo.example", "Audit-Denied-2026");
        Assert.Contains("/access-denied", AccountForms.RedirectTarget(await client.GetAsync(AuditExportEndpoint.Path)));
        Assert.Contains("/access-denied", AccountForms.RedirectTarget(await client.GetAsync(AuditExportEndpoint.XlsxPath)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_formulas_defused(string? value, string expected) =>
        Assert.Equal(expected, AuditExportEndpoint.Cell(value));
}
