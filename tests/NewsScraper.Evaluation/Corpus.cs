using System.IO.Compression;
using System.Text.Json;

namespace NewsScraper.Evaluation;

/// <summary>One page of a corpus in the shape of ../shared/corpora: its bytes and its gold fields.</summary>
internal sealed record GoldPage(string Id, string? Url, JsonElement Gold, string Path)
{
    public string? GoldString(string field) =>
        Gold.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Gets the page's address: its gold URL, or a stand-in for pages saved without one (a missing, empty or unreadable URL).</summary>
    public Uri Address => Uri.TryCreate(Url, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
        ? address
        : new Uri($"http://fakehost/{Uri.EscapeDataString(Id)}.html");

    public IReadOnlyList<string>? GoldStrings(string field) =>
        Gold.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;

    public byte[] ReadBytes()
    {
        using var file = File.OpenRead(Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>Reads a corpus folder: <c>gold.jsonl</c> and <c>pages/&lt;id&gt;.html.gz</c>.</summary>
internal static class Corpus
{
    /// <summary>The corpora folder: NEWSSCRAPER_CORPORA, else ../shared/corpora beside the repository.</summary>
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("NEWSSCRAPER_CORPORA")
        ?? System.IO.Path.GetFullPath(System.IO.Path.Combine(FindRepositoryRoot(), "..", "shared", "corpora"));

    /// <summary>The corpora of a folder: the subfolders with a gold.jsonl and a pages folder, in name order.</summary>
    public static IReadOnlyList<string> Names(string root) =>
        [.. Directory.GetDirectories(root)
            .Where(d => File.Exists(System.IO.Path.Combine(d, "gold.jsonl")) && Directory.Exists(System.IO.Path.Combine(d, "pages")))
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    public static List<GoldPage> Load(string directory, int? limit)
    {
        var pages = new List<GoldPage>();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(directory, "gold.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var gold = JsonDocument.Parse(line).RootElement.Clone();
            var id = gold.GetProperty("id").GetString()!;
            var path = System.IO.Path.Combine(directory, "pages", id + ".html.gz");
            if (!File.Exists(path))
            {
                continue;
            }

            var url = gold.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            pages.Add(new GoldPage(id, url, gold, path));
            if (limit is { } max && pages.Count >= max)
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
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NewsScraper.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
