using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dashboard.Tests.Localization;

/// <summary>Every UI string exists in English, French, German and Japanese, and every key the code uses exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string[] Cultures = ["fr", "de", "ja"];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static string ResourcesDir => Path.Combine(Root(), "src", "Dashboard", "Resources");

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    public static TheoryData<string> ResourceNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesDir, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void Every_key_is_translated_into_every_language(string resource)
    {
        var english = Load(Path.Combine(ResourcesDir, resource + ".resx"));
        Assert.NotEmpty(english);
        foreach (var culture in Cultures)
        {
            var path = Path.Combine(ResourcesDir, $"{resource}.{culture}.resx");
            Assert.True(File.Exists(path), $"{resource}.{culture}.resx is missing");
            var translated = Load(path);
            var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
            var extra = translated.Keys.Except(english.Keys).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0, $"{resource}.{culture}: missing [{string.Join(", ", missing)}] extra [{string.Join(", ", extra)}]");
        }
    }

    [GeneratedRegex("""\b(L|A)\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex LocalizerUse();

    [GeneratedRegex(""""(?:DescriptionKey|TitleKey|MessageKey)="([A-Za-z0-9_.]+)"|DomainRuleException\("([A-Za-z0-9_.]+)"""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Every_key_used_in_the_code_exists()
    {
        var ui = Load(Path.Combine(ResourcesDir, "UiText.resx"));
        var account = Load(Path.Combine(ResourcesDir, "AccountText.resx"));
        var missing = new List<string>();
        var sources = Directory.EnumerateFiles(Path.Combine(Root(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerUse().Matches(text))
            {
                var table = m.Groups[1].Value == "A" ? account : ui;
                if (!table.ContainsKey(m.Groups[2].Value)) missing.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}[\"{m.Groups[2].Value}\"]");
            }
            foreach (Match m in KeyUse().Matches(text))
            {
                var key = m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[2].Value;
                if (!ui.ContainsKey(key)) missing.Add($"{Path.GetFileName(file)}: {key}");
            }
        }
        Assert.True(missing.Count == 0, "Keys missing from the resources:\n" + string.Join("\n", missing.Distinct()));
    }
}
