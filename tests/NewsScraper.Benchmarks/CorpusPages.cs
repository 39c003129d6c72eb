using System.IO.Compression;
using System.Text.Json;

namespace NewsScraper.Benchmarks;

/// <summary>A saved page of a corpus: its bytes (gzip undone) and its URL.</summary>
internal sealed record CorpusPage(string Corpus, string Id, Uri Url, byte[] Bytes);

/// <summary>Reads the pages of corpora in the shape of ../shared/corpora (pages/&lt;id&gt;.html.gz + gold.jsonl).</summary>
internal static class CorpusPages
{
    /// <summary>The corpora folder: NEWSSCRAPER_CORPORA, else ../shared/corpora beside the repository.</summary>
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("NEWSSCRAPER_CORPORA")
        ?? Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "corpora"));

    public static IReadOnlyList<string> Names(string root) =>
        [.. Directory.GetDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "gold.jsonl")) && Directory.Exists(Path.Combine(d, "pages")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary>The corpus's pages in gold order; every <paramref name="step"/>-th page when sampling, at most <paramref name="limit"/>.</summary>
    public static List<CorpusPage> Load(string root, string corpus, int step = 1, int? limit = null)
    {
        var directory = Path.Combine(root, corpus);
        var pages = new List<CorpusPage>();
        var index = 0;
        foreach (var line in File.ReadLines(Path.Combine(directory, "gold.jsonl")))
        {
            if (index++ % step != 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var url = json.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : $"http://fakehost/{id}.html";
            var path = Path.Combine(directory, "pages", id + ".html.gz");
            if (!File.Exists(path))
            {
                continue;
            }

            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            pages.Add(new CorpusPage(corpus, id, new Uri(url), memory.ToArray()));
            if (pages.Count == limit)
            {
                break;
            }
        }

        return pages;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsScraper.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
