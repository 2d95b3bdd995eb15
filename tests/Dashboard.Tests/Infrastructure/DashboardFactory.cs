using System.Text.RegularExpressions;
using Dashboard.Infrastructure.Data;
using Dashboard.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// The real portal on a throw-away data directory (SQLite file, keys, mail pickup) with the demo merchants and users
/// and a few days of activity. Clients use https://localhost so the __Host- cookies are sent.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; }

    protected virtual string EnvironmentName => "Development";

    protected virtual bool SeedDemoData => true;

    public DashboardFactory() : this(null) { }

    /// <summary>With <paramref name="dataDirectory"/>, a second portal on the same files (a restart, or another instance).</summary>
    protected DashboardFactory(string? dataDirectory)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "dashboard-tests-" + Guid.NewGuid().ToString("N"));
        _ownsDirectory = dataDirectory is null;
    }

    private readonly bool _ownsDirectory;
    /// <summary>Every log line the portal wrote, for secret scans.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Dashboard:DataDirectory", DataDirectory);
        builder.UseSetting("Dashboard:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Dashboard:DemoDays", "5");
        // SESS-03 in a second, so revocation tests need not wait the production minute.
        builder.UseSetting("Dashboard:RevalidationSeconds", "1");
        // BL-03: many tests sign in, export and create keys from the same (test server) address and user; the
        // dedicated RateLimitTests lower these again.
        foreach (var rule in new[] { "SignInPerIp", "SignInPerAccount", "PasswordReset", "Exports", "Invitations", "KeyOperations", "TestIpn" })
            builder.UseSetting($"RateLimits:{rule}:PermitLimit", "100000");
        ConfigureSettings(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }

    /// <summary>Settings a derived factory changes (applied after the defaults above).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder) { }

    public HttpClient CreateHttpsClient(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>A context that sees every merchant, for arranging and asserting data.</summary>
    public DashboardDbContext SystemDb()
    {
        return Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException("No antiforgery token in the page.");
        return m.Groups[1].Value;
    }

    /// <summary>Signs in through the real login form (antiforgery token included) and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }
}

/// <summary>A portal on a data directory the test owns: start two of them one after the other to restart the portal.</summary>
public sealed class PortalOnDirectory(string dataDirectory) : DashboardFactory(dataDirectory);
