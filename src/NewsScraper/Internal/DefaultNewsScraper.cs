using NewsScraper.Extraction;
using NewsScraper.Fetching;

namespace NewsScraper.Internal;

/// <summary>Fetches with <see cref="IPageFetcher"/>, then extracts with <see cref="IArticleExtractor"/>.</summary>
internal sealed class DefaultNewsScraper(IPageFetcher fetcher, IArticleExtractor extractor) : INewsScraper
{
    public async Task<NewsArticle> ScrapeAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var page = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            return await extractor.ExtractAsync(page, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(FetchErrorKind.Cancelled, $"Extracting {url} was cancelled", url);
        }
    }
}
