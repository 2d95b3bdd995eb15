using Microsoft.Data.Sqlite;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>Reads a SQLite database's tables, columns, indexes and foreign keys as comparable text lines.</summary>
internal static class SqliteSchema
{
    public static SortedSet<string> Describe(SqliteConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'"))
        {
            lines.Add($"table {table}");
            foreach (var c in Rows(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c[0]} {c[1]} notnull={c[2]} pk={c[3]}");
            foreach (var i in Rows(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno"));
                lines.Add($"index {table}.{i[0]} ({columns}) unique={i[1]} origin={i[2]} partial={i[3]}");
            }
            foreach (var f in Rows(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on_delete={f[3]}");
        }
        return lines;
    }

    /// <summary>The triggers' names, tables and SQL (the model does not describe them; migrations add them).</summary>
    public static List<string> Triggers(SqliteConnection connection) =>
        Rows(connection, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type='trigger' ORDER BY name").Select(r => string.Join(' ', r)).ToList();

    public static IEnumerable<string> Tables(SqliteConnection connection) =>
        Query(connection, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'");

    private static List<string> Query(SqliteConnection connection, string sql) => Rows(connection, sql).Select(r => r[0]).ToList();

    /// <summary>Every row of a query as invariant text (shared with <see cref="PostgresSchema"/>).</summary>
    public static List<string[]> Rows(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var result = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes)
                : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            result.Add(row);
        }
        return result;
    }
}
