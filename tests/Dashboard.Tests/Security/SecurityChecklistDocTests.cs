using System.Reflection;
using System.Text.RegularExpressions;

namespace Dashboard.Tests.Security;

/// <summary>docs/security-checklist.md cannot rot: it lists all 50 checklist items once, and every test it cites
/// (Class.Method in backticks) exists as an xunit test in one of the three test assemblies.</summary>
public sealed partial class SecurityChecklistDocTests
{
    private static readonly string[] TestProjects = ["Dashboard.Tests", "Dashboard.Domain.Tests", "Dashboard.EndToEndTests"];

    [Fact]
    public void Every_test_the_checklist_document_cites_exists()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security-checklist.md"));
        var cited = CitedTest().Matches(doc).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(cited.Count > 50, $"Only {cited.Count} tests cited.");
        var existing = TestMethods();
        var missing = cited.Where(c => !existing.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "Cited in docs/security-checklist.md but not a test:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_document_lists_every_checklist_item_once_with_a_status()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security-checklist.md"));
        var rows = Row().Matches(doc).Select(m => (Id: m.Groups["id"].Value, Status: m.Groups["status"].Value, Tests: m.Groups["tests"].Value, Note: m.Groups["note"].Value.Trim())).ToList();
        Assert.Equal(50, rows.Count);
        Assert.Equal(50, rows.Select(r => r.Id).Distinct().Count());
        var prefixes = new[] { "AUTH", "SESS", "AC", "VAL", "KEY", "IPN", "EXP", "IMP", "BL", "LOG", "CFG", "REL" };
        Assert.All(rows, r => Assert.Contains(r.Id.Split('-')[0], prefixes));
        // A covered item names a test; anything not covered says why.
        Assert.All(rows.Where(r => r.Status == "covered"), r => Assert.Matches(CitedTest(), r.Tests));
        Assert.All(rows.Where(r => r.Status != "covered"), r => Assert.False(string.IsNullOrEmpty(r.Note), $"{r.Id} has no reason"));
    }

    /// <summary>Class.Method of every [Fact]/[Theory] in the test assemblies (the other two are loaded from their
    /// build output next to this one's).</summary>
    private static HashSet<string> TestMethods()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in TestProjects)
        {
            var assembly = project == "Dashboard.Tests"
                ? typeof(SecurityChecklistDocTests).Assembly
                : Assembly.LoadFrom(Path.Combine(RepositoryRoot(), "tests", project, "bin", configuration, "net10.0", project + ".dll"));
            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException e) { types = [.. e.Types.OfType<Type>()]; }
            foreach (var type in types)
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (method.CustomAttributes.Any(a => a.AttributeType.Name is "FactAttribute" or "TheoryAttribute"))
                        names.Add($"{type.Name}.{method.Name}");
                }
            }
        }
        return names;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found");
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]+\.[A-Za-z_0-9]+)`")]
    private static partial Regex CitedTest();

    [GeneratedRegex(@"^\| (?<id>[A-Z]+-\d\d) \| (?<status>covered|partly|not) \| (?<tests>[^|]*)\| (?<note>[^|]*)\|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
