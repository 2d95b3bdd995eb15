using System.Net.Mail;
using Dashboard.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure;

/// <summary>CFG-02: the "Dashboard" section is checked when the portal starts, so a wrong setting stops it with a
/// message naming the setting, instead of failing at the first request that needs it.</summary>
public sealed class DashboardOptionsValidator(IHostEnvironment environment) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("Dashboard:DataDirectory must name a folder.");
        else if (!IsWritable(options.ResolveDataDirectory(environment.ContentRootPath), out var why))
            failures.Add($"Dashboard:DataDirectory '{options.ResolveDataDirectory(environment.ContentRootPath)}' is not writable: {why}");
        if (options.IdleTimeoutMinutes <= 0) failures.Add("Dashboard:IdleTimeoutMinutes must be positive.");
        if (options.IdleTimeoutSeconds < 0) failures.Add("Dashboard:IdleTimeoutSeconds must not be negative.");
        if (options.AbsoluteLifetimeHours <= 0) failures.Add("Dashboard:AbsoluteLifetimeHours must be positive.");
        if (options.RevalidationSeconds <= 0) failures.Add("Dashboard:RevalidationSeconds must be positive.");
        if (options.DemoDays <= 0) failures.Add("Dashboard:DemoDays must be positive.");
        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
                failures.Add($"Dashboard:AllowedOrigins entry '{origin}' must be an absolute origin such as https://portal.example.com.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsWritable(string directory, out string why)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            why = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            why = e.Message;
            return false;
        }
    }
}

/// <summary>CFG-02: the "Smtp" section is checked at start (port, sender address, credentials in pairs).</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535) failures.Add("Smtp:Port must be between 1 and 65535.");
        if (!MailAddress.TryCreate(options.From, out _)) failures.Add($"Smtp:From '{options.From}' is not an e-mail address.");
        if (options.PollSeconds <= 0) failures.Add("Smtp:PollSeconds must be positive.");
        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
            failures.Add("Smtp:UserName is set without Smtp:Password (set it through an environment variable or a secret store).");
        if (!string.IsNullOrWhiteSpace(options.Host) && Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
            failures.Add($"Smtp:Host '{options.Host}' is not a host name.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public static class ConfigurationValidation
{
    /// <summary>CFG-02: validates every options class before anything uses the settings (the database is prepared
    /// before the host starts, so ValidateOnStart alone would come after a confusing SQLite or SMTP error).</summary>
    public static void ValidateConfiguration(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<Security.CircuitLimitsOptions>>().Value;
        _ = app.Services.GetRequiredService<IOptions<Security.RateLimitOptions>>().Value;
    }
}
