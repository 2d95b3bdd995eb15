namespace Dashboard.Infrastructure;

/// <summary>Where the portal keeps its files and how it reaches its database ("Dashboard" section of configuration).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Folder for the SQLite database, Data Protection keys and the mail pickup folder. Relative paths are
    /// resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Creates the demo merchants, users and 90 days of activity on first run (Development only by default).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Days of demo activity per environment.</summary>
    public int DemoDays { get; set; } = 90;

    /// <summary>SESS-03: how often an open circuit re-checks the user's security stamp and how long a circuit trusts
    /// its cached permissions. Tests shorten it.</summary>
    public int RevalidationSeconds { get; set; } = 60;

    /// <summary>SESS-02: an open circuit without any input from the browser for this long is locked (signed out).</summary>
    public int IdleTimeoutMinutes { get; set; } = 15;

    /// <summary>SESS-02, tests only: when above zero, replaces <see cref="IdleTimeoutMinutes"/> with seconds.</summary>
    public int IdleTimeoutSeconds { get; set; }

    /// <summary>How often deadline countdowns re-render (tests shorten it to prove timers are not user activity).</summary>
    public int CountdownRefreshSeconds { get; set; } = 30;

    /// <summary>SESS-02: a sign-in is never honoured longer than this, however active the user.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>SESS-05: origins (scheme://host[:port]) whose pages may open a circuit besides the request's own
    /// address, e.g. the public address when a reverse proxy rewrites the Host header. Empty by default.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public TimeSpan IdleTimeout => IdleTimeoutSeconds > 0
        ? TimeSpan.FromSeconds(IdleTimeoutSeconds)
        : TimeSpan.FromMinutes(Math.Max(1, IdleTimeoutMinutes));

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(Math.Max(1, AbsoluteLifetimeHours));

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
