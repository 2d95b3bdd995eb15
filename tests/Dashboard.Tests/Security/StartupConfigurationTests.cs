using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Dashboard.Tests.Security;

/// <summary>CFG-02: a wrong setting stops the portal at start with a message naming it, and no committed settings
/// file holds a secret.</summary>
public sealed partial class StartupConfigurationTests
{
    private sealed class MisconfiguredFactory(string key, string value) : DashboardFactory
    {
        protected override bool SeedDemoData => false;

        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting(key, value);
    }

    [Theory]
    [InlineData("Smtp:Port", "0", "Smtp:Port")]
    [InlineData("Smtp:From", "not an address", "Smtp:From")]
    [InlineData("Smtp:UserName", "mailer", "Smtp:Password")]
    [InlineData("Dashboard:AllowedOrigins:0", "portal.example.com", "Dashboard:AllowedOrigins")]
    [InlineData("Dashboard:IdleTimeoutMinutes", "0", "Dashboard:IdleTimeoutMinutes")]
    [InlineData("RateLimits:Exports:PermitLimit", "0", "PermitLimit")]
    [InlineData("Circuits:MaxCircuitsPerUser", "0", "MaxCircuitsPerUser")]
    [InlineData("Circuits:NativeMemoryTrimMinutes", "-1", "NativeMemoryTrimMinutes")]
    public void A_bad_setting_stops_the_portal_at_start_naming_the_setting(string key, string value, string named)
    {
        using var factory = new MisconfiguredFactory(key, value);
        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains(named, Flatten(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_directory_that_cannot_be_written_stops_the_portal_at_start()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var factory = new MisconfiguredFactory("Dashboard:DataDirectory", Path.Combine(file, "data"));
            var failure = Assert.ThrowsAny<Exception>(() => factory.Services);
            Assert.Contains("Dashboard:DataDirectory", Flatten(failure), StringComparison.Ordinal);
            Assert.Contains("not writable", Flatten(failure), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void No_committed_settings_file_holds_a_password_secret_key_or_token()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var found = new List<string>();
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            Walk(json.RootElement, "", (path, value) =>
            {
                var leaf = path.Split(':')[^1];
                if (SecretName().IsMatch(leaf) && value.Length > 0) found.Add($"{Path.GetFileName(file)}: {path}");
                if (SecretValue().IsMatch(value)) found.Add($"{Path.GetFileName(file)}: {path} (looks like a secret)");
            });
        }
        Assert.True(found.Count == 0, "Secrets belong in environment variables or a secret store:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Password", true)]
    [InlineData("SmtpPassword", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("ApiKey", true)]
    [InlineData("SigningKey", true)]
    [InlineData("AccessToken", true)]
    [InlineData("ConnectionString", true)]
    [InlineData("Host", false)]
    [InlineData("DataDirectory", false)]
    [InlineData("PermitLimit", false)]
    public void The_scan_recognises_secret_like_names(string name, bool secret) => Assert.Equal(secret, SecretName().IsMatch(name));

    private static void Walk(JsonElement element, string path, Action<string, string> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}:{p.Name}", visit);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}:{i++}", visit);
                break;
            case JsonValueKind.String:
                visit(path, element.GetString() ?? "");
                break;
        }
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + "\n" + Flatten(e.InnerException)
        + (e is AggregateException a ? string.Join("\n", a.InnerExceptions.Select(x => x.Message)) : "");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found");
    }

    [GeneratedRegex("(password|passwd|secret|apikey|api_key|key$|token|connectionstring|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(sk_(live|test)_[A-Za-z0-9]|-----BEGIN|Password=|Pwd=)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();
}
