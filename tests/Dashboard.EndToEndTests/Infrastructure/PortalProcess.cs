using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// The built portal (src/Dashboard/bin/…/Dashboard.dll) run as a real process on a free loopback port, in Development
/// with its own data directory and demo data: what a person gets from the README's run command.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private Process? _process;
    private readonly List<string> _output = [];

    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <param name="environment">Extra environment variables for the portal (e.g. Dashboard__IdleTimeoutSeconds),
    /// applied after the defaults so they can override them.</param>
    public PortalProcess(int demoDays = 10, IReadOnlyDictionary<string, string>? environment = null)
    {
        DemoDays = demoDays;
        _environment = environment ?? new Dictionary<string, string>();
        Port = FreePort();
        DataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-e2e-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The database file in <see cref="DataDirectory"/>.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "dashboard.db");

    public int Port { get; }
    public int DemoDays { get; }
    public string DataDirectory { get; }
    public string BaseUrl => $"http://localhost:{Port}";
    public string Output { get { lock (_output) return string.Join("\n", _output); } }

    public async Task StartAsync()
    {
        var info = StartInfo(["--urls", BaseUrl]);
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("The portal exited:\n" + Output);
            try
            {
                var response = await http.GetAsync(BaseUrl + "/Account/Login");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The portal did not answer within 120 s:\n" + Output);
    }

    /// <summary>The portal's dll with this portal's environment (Development, data directory, demo days).</summary>
    private ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var root = RepositoryRoot();
        var webDir = Path.Combine(root, "src", "Dashboard");
        // The web project's own build output (same configuration as this test build).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(webDir, "bin", configuration, "net10.0", "Dashboard.dll");
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Dashboard__DataDirectory"] = DataDirectory;
        info.Environment["Dashboard__DemoDays"] = DemoDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // SESS-03 in seconds instead of a minute, so revocation tests do not wait a minute each.
        info.Environment["Dashboard__RevalidationSeconds"] = "5";
        // The suite signs the same demo users in dozens of times within minutes from one loopback address; the BL-03
        // limits themselves are tested by the web tests, so the browser tests' portal gets limits no run reaches.
        foreach (var rule in new[] { "SignInPerIp", "SignInPerAccount", "PasswordReset", "Exports", "Invitations", "KeyOperations", "TestIpn" })
            info.Environment[$"RateLimits__{rule}__PermitLimit"] = "100000";
        foreach (var (name, value) in _environment) info.Environment[name] = value;
        return info;
    }

    /// <summary>Starts one of the portal's command-line verbs (create-admin, seed-transactions) on this portal's data
    /// directory, without waiting for it; its output is read into <paramref name="output"/>.</summary>
    public Process StartCommand(List<string> output, params string[] arguments)
    {
        var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a command-line verb to its end and returns what it printed; fails when it fails.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var output = new List<string>();
        using var process = StartCommand(output, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // drains the redirected output
        string text;
        lock (output) text = string.Join("\n", output);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM): it finishes its shutdown, then exits.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false }) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.WaitForExit(); // drains the redirected output
    }

    /// <summary>Ends the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found");
    }
}
