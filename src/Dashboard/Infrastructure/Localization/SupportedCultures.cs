using System.Globalization;

namespace Dashboard.Infrastructure.Localization;

/// <summary>The UI languages: English plus the seeds' French, German and Japanese.</summary>
public static class SupportedCultures
{
    public static readonly string[] Names = ["en", "fr", "de", "ja"];

    public static IReadOnlyList<CultureInfo> All { get; } = Names.Select(CultureInfo.GetCultureInfo).ToList();

    public static bool IsSupported(string? name) => name is not null && Names.Contains(name);
}

/// <summary>Name of the cookie Radzen's CookieThemeService keeps the light/dark choice in.</summary>
public static class ThemeCookie
{
    public const string Name = "DashboardTheme";
}
