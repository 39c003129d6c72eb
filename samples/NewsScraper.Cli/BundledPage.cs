using System.Text.Json;

namespace NewsScraper.Cli;

/// <summary>The page bundled with the sample: a Devdiscourse article reconstructed from the site's templates.</summary>
internal static class BundledPage
{
    public static WebPage Load()
    {
        var assembly = typeof(BundledPage).Assembly;
        using var html = assembly.GetManifestResourceStream("bundled-page.html")!;
        using var meta = assembly.GetManifestResourceStream("bundled-page.json")!;
        using var json = JsonDocument.Parse(meta);
        var url = new Uri(json.RootElement.GetProperty("url").GetString()!);
        var savedAt = json.RootElement.GetProperty("retrievedAt").GetDateTimeOffset();
        using var buffer = new MemoryStream();
        html.CopyTo(buffer);
        return WebPage.FromBytes(buffer.ToArray(), url, savedAt);
    }
}
