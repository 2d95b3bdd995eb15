using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dashboard.Testing;

/// <summary>
/// A throw-away PostgreSQL server from Debian's packages (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>): initdb in a
/// temporary directory, listening on a free loopback port, no durability (fsync off), stopped and deleted on
/// <see cref="Dispose"/>. One per test run (a collection fixture); each test class takes its own database
/// (<see cref="CreateDatabase"/>). PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user
/// (created when missing).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _root;
    private readonly string _bin;
    private int _databases;

    public PostgresServer()
    {
        var started = Stopwatch.StartNew();
        _bin = FindBinaries();
        _root = Path.Combine(Path.GetTempPath(), "dashboard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            EnsurePostgresUser();
            Run("chown", ["postgres:postgres", _root]);
        }
        Port = FreePort();
        var data = Path.Combine(_root, "data");
        Run(Tool("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], asRoot);
        var settings = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                       "-c full_page_writes=off -c shared_buffers=32MB -c max_connections=300";
        Run(Tool("pg_ctl"), ["start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(_root, "server.log"), "-o", settings], asRoot);
        StartupTime = started.Elapsed;
        AsRoot = asRoot;
    }

    public int Port { get; }

    /// <summary>How long initdb and the start took (reported in the test output).</summary>
    public TimeSpan StartupTime { get; }

    private bool AsRoot { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=15";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray())}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            create.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    /// <summary>Loads a plain-SQL dump (pg_dump's default format, optionally gzip-compressed) into an empty database
    /// with psql, stopping at the first error.</summary>
    public void Restore(string connectionString, string dumpFile)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var sql = dumpFile;
        if (dumpFile.EndsWith(".gz", StringComparison.Ordinal))
        {
            sql = Path.Combine(_root, Path.GetFileNameWithoutExtension(dumpFile) + "-" + Guid.NewGuid().ToString("N")[..8]);
            using var input = new System.IO.Compression.GZipStream(File.OpenRead(dumpFile), System.IO.Compression.CompressionMode.Decompress);
            using var output = File.Create(sql);
            input.CopyTo(output);
        }
        Run(Tool("psql"), ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres",
            "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-f", sql]);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Tool("pg_ctl"), ["stop", "-m", "immediate", "-w", "-D", Path.Combine(_root, "data")], AsRoot);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Tool(string name) => Path.Combine(_bin, name);

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql (.ci/run does it).");
    }

    private static void EnsurePostgresUser()
    {
        if (File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal))) return;
        Run("useradd", ["-r", "-U", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Run(string file, string[] args, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish in 90 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr} {stdout.Result}");
    }
}
