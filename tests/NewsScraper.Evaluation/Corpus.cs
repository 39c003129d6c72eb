using System.IO.Compression;
using System.Text.Json;

namespace NewsScraper.Evaluation;

/// <summary>One page of a corpus in the shape of ../shared/corpora: its bytes and its gold fields.</summary>
internal sealed record GoldPage(string Id, string? Url, JsonElement Gold, string Path)
{
    public string? GoldString(string field) =>
        Gold.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
}
