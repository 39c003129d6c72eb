using System.Reflection;
using System.Text.Json;

namespace NewsScraper.Tests.Golden;

/// <summary>One golden page: <c>source.html</c>, <c>page.json</c> (url, retrievedAt, origin) and <c>expected.json</c>.</summary>
public sealed record CorpusPage(string Site, string Slug, string Directory, Uri Url, DateTimeOffset RetrievedAt)
{
    public static string OutputRoot => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>The corpus folder in the source tree, where accept mode writes.</summary>
    public static string SourceRoot =>
        typeof(CorpusPage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "CorpusSourceDir").Value!;

    public string SourcePath => Path.Combine(Directory, "source.html");

    public string ExpectedPath => Path.Combine(Directory, "expected.json");

    public static IEnumerable<CorpusPage> All(string? site = null)
    {
        foreach (var siteDir in System.IO.Directory.GetDirectories(OutputRoot).Order(StringComparer.Ordinal))
        {
            var siteName = Path.GetFileName(siteDir);
            if (site is not null && siteName != site)
            {
                continue;
            }

            foreach (var dir in System.IO.Directory.GetDirectories(siteDir).Order(StringComparer.Ordinal))
            {
                using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "page.json")));
                var url = new Uri(meta.RootElement.GetProperty("url").GetString()!);
                var retrieved = meta.RootElement.GetProperty("retrievedAt").GetDateTimeOffset();
                yield return new CorpusPage(siteName, Path.GetFileName(dir), dir, url, retrieved);
            }
        }
    }

    public override string ToString() => $"{Site}/{Slug}";
}
