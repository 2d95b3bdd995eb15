using Npgsql;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>Reads a PostgreSQL database's tables, columns, indexes, foreign keys and triggers as comparable lines
/// (the PostgreSQL counterpart of <see cref="SqliteSchema"/>).</summary>
internal static class PostgresSchema
{
    public static SortedSet<string> Describe(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in Rows(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'"))
            lines.Add($"table {t[0]}");
        foreach (var c in Rows(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   coalesce(is_identity, 'NO')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
            """))
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} identity={c[5]}");
        foreach (var i in Rows(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'"))
            lines.Add($"index {i[0]}.{Name(i[1])} {i[2].Replace(i[1], Name(i[1]))}");
        foreach (var f in Rows(connection, """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u', 'c')
              AND conrelid::regclass::text NOT LIKE '"__EFMigrations%'
            """))
            lines.Add($"constraint {f[0]}.{f[1]} {f[2]}");
        return lines;
    }

    /// <summary>The triggers and their definitions (migrations add them; the model does not describe them).</summary>
    public static List<string> Triggers(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return Rows(connection, "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname")
            .Select(r => string.Join(' ', r)).ToList();
    }

    // PostgreSQL cuts identifiers at 63 bytes. A migration's long index name is cut silently, EnsureCreated cuts the
    // model's name itself and marks it with "~": both are the same index; compare the first 62 characters.
    private static string Name(string identifier) => identifier.TrimEnd('~')[..Math.Min(62, identifier.TrimEnd('~').Length)];

    private static List<string[]> Rows(NpgsqlConnection connection, string sql) => SqliteSchema.Rows(connection, sql);
}
