using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.EndToEndTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Dashboard.EndToEndTests.Faults;

/// <summary>
/// The portal killed with SIGKILL (a crash, an OOM kill, a pulled plug) in the middle of writing: after a restart the
/// database is intact and holds whole events only, and nothing half-written is left where users could fetch it.
/// </summary>
public sealed partial class CrashRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_while_applying_ledger_batches_the_database_keeps_whole_events_only()
    {
        await using var portal = new PortalProcess(environment: new Dictionary<string, string> { ["Dashboard__SeedDemoData"] = "false" });
        // A merchant of its own (no demo data) whose Production view has an IPN endpoint: every ledger change then
        // also writes an outbox notification in the same transaction.
        var created = await portal.RunCommandAsync("create-admin", "--email", "crash@example.test", "--merchant", "Crash Test GmbH",
            "--country", "DE", "--currency", "EUR");
        var code = MerchantCodePattern().Match(created).Groups[1].Value;
        await using (var db = Open(portal))
        {
            var merchantId = Scalar<string>(db, $"SELECT Id FROM Merchants WHERE MerchantCode = '{code}'");
            InsertIpnEndpoint(db, merchantId);
        }

        var log = new List<string>();
        using var seeding = portal.StartCommand(log, "seed-transactions", "200000", "--merchant", code, "--environment", "Production", "--days", "30");
        var watch = Stopwatch.StartNew();
        long events = 0;
        while ((events = CountProcessedEvents(portal)) < 4_000)
        {
            Assert.False(seeding.HasExited, "seed-transactions ended before it could be killed:\n" + string.Join("\n", log));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(150), $"only {events} events after {watch.Elapsed}");
            await Task.Delay(50);
        }
        seeding.Kill(); // SIGKILL: no finally blocks, no disposal, no checkpoint
        await seeding.WaitForExitAsync();
        SqliteConnection.ClearAllPools();
        output.WriteLine($"killed after {watch.Elapsed.TotalSeconds:F1} s with {events}+ events applied");

        AssertWholeEvents(portal);
        // After a restart (migrations, background jobs) the portal serves and the database is still whole.
        await portal.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(portal.BaseUrl + "/Account/Login")).StatusCode);
        await portal.KillAsync();
        SqliteConnection.ClearAllPools();
        AssertWholeEvents(portal);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_an_Excel_export_the_portal_restarts_with_no_partial_file_left()
    {
        await using var portal = new PortalProcess(demoDays: 30);
        await portal.StartAsync();
        var before = FilesUnder(portal.DataDirectory, WebRoot(), Path.GetTempPath());
        var cookie = await SignInAsync(portal, "admin@demo.example", "Admin-Demo-2026");

        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, portal.BaseUrl + "/exports/transactions.xlsx?preset=Last90Days");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[2];
        await body.ReadExactlyAsync(first);
        Assert.Equal("PK"u8.ToArray(), first); // the workbook has started to arrive

        await portal.KillAsync();
        var received = new MemoryStream();
        try { await body.CopyToAsync(received); } catch (HttpRequestException) { } catch (IOException) { }
        // A finished zip ends with its central directory; this one was cut off by the kill.
        Assert.False(EndsWithCentralDirectory(received.ToArray()), "the export had already finished when the portal was killed");

        var left = FilesUnder(portal.DataDirectory, WebRoot(), Path.GetTempPath()).Except(before)
            .Where(f => !f.Contains("dashboard.db", StringComparison.Ordinal) && !f.Contains(Path.Combine(portal.DataDirectory, "keys"), StringComparison.Ordinal)
                && !f.Contains(Path.Combine(portal.DataDirectory, "mail"), StringComparison.Ordinal))
            .Where(f => f.StartsWith(portal.DataDirectory, StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal) || f.StartsWith(WebRoot(), StringComparison.Ordinal))
            .ToList();
        Assert.True(left.Count == 0, "files left behind: " + string.Join(", ", left));

        SqliteConnection.ClearAllPools();
        await using (var db = Open(portal)) Assert.Equal("ok", Scalar<string>(db, "PRAGMA integrity_check"));
        await portal.StartAsync();
        var again = await SignInAsync(portal, "admin@demo.example", "Admin-Demo-2026");
        using var retry = new HttpRequestMessage(HttpMethod.Get, portal.BaseUrl + "/exports/transactions.csv?preset=Last90Days");
        retry.Headers.Add("Cookie", again);
        var csv = await http.SendAsync(retry);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True((await csv.Content.ReadAsStringAsync()).Split('\n').Length > 100);
    }

    private void AssertWholeEvents(PortalProcess portal)
    {
        using var db = Open(portal);
        Assert.Equal("ok", Scalar<string>(db, "PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"));

        // The generator's event ids are demo-<order id>-<n>; n = 0 creates the order (and its authorization).
        var orderIds = Column(db, "SELECT replace(lower(Id), '-', '') FROM PaymentOrders").ToHashSet();
        var requestEvents = Column(db, "SELECT EventId FROM ProcessedPaymentEvents WHERE EventId LIKE 'demo-%-0' AND EventId NOT LIKE 'demo-expiry-%'")
            .Select(e => e[5..^2]).ToHashSet();
        Assert.True(orderIds.Count > 0);
        Assert.True(orderIds.SetEquals(requestEvents), $"{orderIds.Except(requestEvents).Count()} orders without their event, {requestEvents.Except(orderIds).Count()} events without their order");

        // Each order's amounts are the sum of its transactions, and each change has its IPN notification.
        Assert.Equal(0L, Scalar<long>(db, """
            SELECT COUNT(*) FROM PaymentOrders o
            WHERE o.CapturedAmount <> (SELECT COALESCE(SUM(t.Amount), 0) FROM PaymentTransactions t WHERE t.OrderId = o.Id AND t.Type = 1 AND t.Status <> 2)
               OR o.RefundedAmount <> (SELECT COALESCE(SUM(t.Amount), 0) FROM PaymentTransactions t WHERE t.OrderId = o.Id AND t.Type = 2 AND t.Status <> 2)
            """));
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM PaymentOrders o WHERE NOT EXISTS (SELECT 1 FROM PaymentTransactions t WHERE t.OrderId = o.Id AND t.Type = 0)"));
        foreach (var (type, notification) in new[] { (1, "payment.capture"), (2, "payment.refund"), (3, "payment.cancel") })
        {
            Assert.Equal(Scalar<long>(db, $"SELECT COUNT(*) FROM PaymentTransactions WHERE Type = {type} AND Environment = 1"),
                Scalar<long>(db, $"SELECT COUNT(*) FROM IpnNotifications WHERE Type = '{notification}'"));
        }
        Assert.Equal(Scalar<long>(db, "SELECT COUNT(*) FROM PaymentOrders WHERE DecidedUtc IS NOT NULL AND Environment = 1"),
            Scalar<long>(db, "SELECT COUNT(*) FROM IpnNotifications WHERE Type IN ('payment.authorization.approved', 'payment.authorization.declined')"));
        output.WriteLine($"{orderIds.Count} orders, {Scalar<long>(db, "SELECT COUNT(*) FROM PaymentTransactions")} transactions, " +
            $"{Scalar<long>(db, "SELECT COUNT(*) FROM IpnNotifications")} notifications, all whole");
    }

    private static long CountProcessedEvents(PortalProcess portal)
    {
        if (!File.Exists(portal.DatabaseFile)) return 0;
        try
        {
            using var db = Open(portal, readOnly: true);
            return Scalar<long>(db, "SELECT COUNT(*) FROM ProcessedPaymentEvents");
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    private static void InsertIpnEndpoint(SqliteConnection db, string merchantId)
    {
        // Only the row's existence matters to the ledger (it decides whether to write notifications); the command
        // never delivers them. Columns are filled from the schema so the test follows migrations.
        var values = new Dictionary<string, object>
        {
            ["Id"] = Guid.NewGuid().ToString().ToUpperInvariant(), ["MerchantId"] = merchantId, ["Environment"] = 1,
            ["Url"] = "https://crash.example/ipn", ["ProtectedSecret"] = "unused", ["SecretLast4"] = "test",
        };
        using (var columns = db.CreateCommand())
        {
            columns.CommandText = "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('IpnEndpoints')";
            using var reader = columns.ExecuteReader();
            while (reader.Read())
            {
                var (name, type) = (reader.GetString(0), reader.GetString(1));
                if (values.ContainsKey(name) || reader.GetInt64(2) == 0 || !reader.IsDBNull(3)) continue;
                values[name] = type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase) ? 0 : name.EndsWith("Utc", StringComparison.Ordinal) ? "2026-01-01 00:00:00" : "";
            }
        }
        using var insert = db.CreateCommand();
        insert.CommandText = $"INSERT INTO IpnEndpoints ({string.Join(", ", values.Keys)}) VALUES ({string.Join(", ", values.Keys.Select(k => "$" + k))})";
        foreach (var (name, value) in values) insert.Parameters.AddWithValue("$" + name, value);
        insert.ExecuteNonQuery();
    }

    /// <summary>Signs in through the real form over plain HTTP, handling the Secure (__Host-) cookies by hand.</summary>
    private static async Task<string> SignInAsync(PortalProcess portal, string email, string password)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        var form = await http.GetAsync(portal.BaseUrl + "/Account/Login");
        var antiforgery = Cookies(form);
        var token = TokenPattern().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, portal.BaseUrl + "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Cookies(response);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static bool EndsWithCentralDirectory(byte[] bytes) =>
        bytes.Length >= 22 && bytes.AsSpan(Math.Max(0, bytes.Length - 1024)).IndexOf("PK\u0005\u0006"u8) >= 0;

    private static HashSet<string> FilesUnder(params string[] roots) =>
        [.. roots.Where(Directory.Exists).SelectMany(r =>
        {
            try { return Directory.EnumerateFiles(r, "*", new EnumerationOptions { RecurseSubdirectories = r != Path.GetTempPath(), IgnoreInaccessible = true }); }
            catch (IOException) { return []; }
        })];

    private static string WebRoot() => Path.Combine(PortalProcess.RepositoryRoot(), "src", "Dashboard", "wwwroot");

    private static SqliteConnection Open(PortalProcess portal, bool readOnly = false)
    {
        var db = new SqliteConnection($"Data Source={portal.DatabaseFile};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        db.Open();
        return db;
    }

    private static T Scalar<T>(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Column(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    [GeneratedRegex(@"merchant id (\S+)\.")]
    private static partial Regex MerchantCodePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
