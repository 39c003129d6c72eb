using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using NewsScraper.Extraction;

namespace NewsScraper.Cli;

/// <summary>The outcome of one input: a record or a typed error.</summary>
internal sealed record InputResult(NewsArticle? Article, NewsScraperException? Error);

/// <summary>Runs one input (a URL or a saved page) and never throws for a bad one.</summary>
internal static class Inputs
{
    public static async Task<InputResult> RunAsync(string input, Uri? url, INewsScraper scraper, IArticleExtractor extractor, CancellationToken cancellationToken)
    {
        try
        {
            if (TryHttpUrl(input, out var asUrl))
            {
                return new InputResult(await scraper.ScrapeAsync(asUrl, cancellationToken), null);
            }

            var page = await ReadSavedPageAsync(input, url, cancellationToken);
            return new InputResult(await extractor.ExtractAsync(page, cancellationToken), null);
        }
        catch (NewsScraperException ex)
        {
            return new InputResult(null, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new InputResult(null, new NewsScraperException(ScrapeErrorKind.Io, $"{input}: {ex.Message}", null, ex));
        }
        catch (OperationCanceledException ex)
        {
            return new InputResult(null, new NewsScraperException(ScrapeErrorKind.Cancelled, $"{input}: cancelled", null, ex));
        }
    }

    /// <summary>Whether a value is an absolute http(s) URL (what the CLI fetches; anything else is a path).</summary>
    public static bool TryHttpUrl(string value, [NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url) && url.Scheme is "http" or "https";

    private static async Task<WebPage> ReadSavedPageAsync(string path, Uri? url, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new NewsScraperException(ScrapeErrorKind.Io, $"{path}: no such file, and not an http(s) URL");
        }

        byte[] bytes;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            await using var file = File.OpenRead(path);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            await gzip.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        else
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }

        // Without --url the page is addressed as a file: URL; no site profile matches it, so the generic path runs.
        var address = url ?? new Uri("http://localhost/" + Uri.EscapeDataString(Path.GetFileName(path)));
        return WebPage.FromBytes(bytes, address, File.GetLastWriteTimeUtc(path) is var saved && saved.Year > 1990 ? new DateTimeOffset(saved, TimeSpan.Zero) : null);
    }
}
