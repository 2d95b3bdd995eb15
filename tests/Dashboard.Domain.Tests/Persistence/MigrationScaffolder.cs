using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Dashboard.Domain.Tests.Persistence;

/// <summary>
/// Writes the C# of a migration that creates the tables (and their indexes) the model has and the migrated schema
/// lacks — EF Core Design cannot be restored here, so this stands in for `dotnet ef migrations add` for new tables.
/// New columns on existing tables are written by hand. Run:
/// <c>SCAFFOLD_MIGRATION=AddThing dotnet test tests/Dashboard.Domain.Tests --filter Scaffold</c>
/// The generated file carries no provider-specific column types, so one migration serves SQLite and PostgreSQL
/// (autoincrement keys get both providers' annotations).
/// </summary>
public sealed class MigrationScaffolder
{
    [Fact]
    public void Scaffold()
    {
        var name = Environment.GetEnvironmentVariable("SCAFFOLD_MIGRATION");
        if (string.IsNullOrWhiteSpace(name)) return; // Only a tool; the schema test is the check.

        using var migrated = new SqliteConnection("DataSource=:memory:");
        migrated.Open();
        using (var db = MigrationTests.Open(migrated)) db.Database.Migrate();
        var existing = SqliteSchema.Tables(migrated).ToHashSet();

        using var context = MigrationTests.Open(migrated);
        var target = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, target);
        var tables = operations.OfType<CreateTableOperation>().Where(t => !existing.Contains(t.Name)).ToList();
        var names = tables.Select(t => t.Name).ToHashSet();
        var indexes = operations.OfType<CreateIndexOperation>().Where(i => names.Contains(i.Table)).ToList();
        Assert.NotEmpty(tables);

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var id = $"{stamp}_{name}";
        var sb = new StringBuilder();
        sb.AppendLine("using Microsoft.EntityFrameworkCore.Infrastructure;");
        sb.AppendLine("using Microsoft.EntityFrameworkCore.Migrations;");
        sb.AppendLine("using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;");
        sb.AppendLine();
        sb.AppendLine("#nullable disable");
        sb.AppendLine();
        sb.AppendLine("namespace Dashboard.Domain.Persistence.Migrations;");
        sb.AppendLine();
        sb.AppendLine("[DbContext(typeof(DashboardDbContext))]");
        sb.AppendLine($"[Migration(\"{id}\")]");
        sb.AppendLine($"public sealed class {name} : Migration");
        sb.AppendLine("{");
        sb.AppendLine("    protected override void Up(MigrationBuilder migrationBuilder)");
        sb.AppendLine("    {");
        foreach (var t in tables) WriteTable(sb, t);
        foreach (var i in indexes) WriteIndex(sb, i);
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    protected override void Down(MigrationBuilder migrationBuilder)");
        sb.AppendLine("    {");
        foreach (var t in Enumerable.Reverse(tables)) sb.AppendLine($"        migrationBuilder.DropTable(name: \"{t.Name}\");");
        sb.AppendLine("    }");
        sb.AppendLine("}");

        var root = FindRepositoryRoot();
        var path = Path.Combine(root, "src", "Dashboard.Domain", "Persistence", "Migrations", $"{id}.cs");
        File.WriteAllText(path, sb.ToString());
    }

    private static void WriteTable(StringBuilder sb, CreateTableOperation t)
    {
        sb.AppendLine("        migrationBuilder.CreateTable(");
        sb.AppendLine($"            name: \"{t.Name}\",");
        sb.AppendLine("            columns: table => new");
        sb.AppendLine("            {");
        foreach (var c in t.Columns)
        {
            var args = new List<string>();
            if (c.IsUnicode == false) args.Add("unicode: false");
            if (c.MaxLength is { } max) args.Add($"maxLength: {max}");
            if (c.IsFixedLength == true) args.Add("fixedLength: true");
            if (c.IsRowVersion) args.Add("rowVersion: true");
            args.Add($"nullable: {(c.IsNullable ? "true" : "false")}");
            if (c.DefaultValue is not null) args.Add($"defaultValue: {Literal(c.DefaultValue)}");
            var annotations = string.Concat(c.GetAnnotations().Select(a => $"\n                    .Annotation(\"{a.Name}\", {Literal(a.Value!)})"));
            // The same key column is an identity column on PostgreSQL.
            if (c.FindAnnotation("Sqlite:Autoincrement") is not null)
                annotations += "\n                    .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)";
            sb.AppendLine($"                {c.Name} = table.Column<{TypeName(c.ClrType)}>({string.Join(", ", args)}){annotations},");
        }
        sb.AppendLine("            },");
        sb.AppendLine("            constraints: table =>");
        sb.AppendLine("            {");
        if (t.PrimaryKey is { } pk)
            sb.AppendLine($"                table.PrimaryKey(\"{pk.Name}\", {Columns(pk.Columns)});");
        foreach (var u in t.UniqueConstraints)
            sb.AppendLine($"                table.UniqueConstraint(\"{u.Name}\", {Columns(u.Columns)});");
        foreach (var fk in t.ForeignKeys)
        {
            var principal = fk.PrincipalColumns!.Length == 1 ? $"principalColumn: \"{fk.PrincipalColumns[0]}\"" : $"principalColumns: new[] {{ {string.Join(", ", fk.PrincipalColumns.Select(c => $"\"{c}\""))} }}";
            sb.AppendLine($"                table.ForeignKey(name: \"{fk.Name}\", column: {Columns(fk.Columns)}, principalTable: \"{fk.PrincipalTable}\", {principal}, onDelete: ReferentialAction.{fk.OnDelete});");
        }
        sb.AppendLine("            });");
        sb.AppendLine();
    }

    private static void WriteIndex(StringBuilder sb, CreateIndexOperation i)
    {
        var columns = i.Columns.Length == 1 ? $"column: \"{i.Columns[0]}\"" : $"columns: new[] {{ {string.Join(", ", i.Columns.Select(c => $"\"{c}\""))} }}";
        var extra = (i.IsUnique ? ", unique: true" : "") + (i.Filter is null ? "" : $", filter: {Literal(i.Filter)}");
        sb.AppendLine($"        migrationBuilder.CreateIndex(name: \"{i.Name}\", table: \"{i.Table}\", {columns}{extra});");
    }

    private static string Columns(string[] columns) =>
        columns.Length == 1 ? $"x => x.{columns[0]}" : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

    private static string TypeName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return TypeName(underlying) + "?";
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(short) => "short",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(double) => "double",
            _ when type == typeof(byte[]) => "byte[]",
            _ => type.Name,
        };
    }

    private static string Literal(object value) => value switch
    {
        string s => "@\"" + s.Replace("\"", "\"\"") + "\"",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
