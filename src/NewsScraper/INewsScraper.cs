
namespace NewsScraper;

/// <summary>Fetches news pages and extracts their articles.</summary>
public interface INewsScraper
{
    /// <summary>Fetches a page and extracts its article.</summary>
    /// <param name="url">The page's URL.</param>
    /// <param name="cancellationToken">The token that cancels the work.</param>
    /// <returns>The record.</returns>
    /// <exception cref="NewsScraperException">Thrown when the page cannot be fetched or read; its <see cref="NewsScraperException.Kind"/> says why.</exception>
    Task<NewsArticle> ScrapeAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scrapes many pages, at most <paramref name="maxConcurrency"/> at once (each host's own limits still apply), and
    /// yields one result per input as it finishes: nothing throws out of the batch, a failed input gives a result carrying
    /// its error. Each page's document is dropped as soon as its record is made, so memory does not grow with the batch.
    /// </summary>
    /// <param name="urls">The pages, read lazily.</param>
    /// <param name="maxConcurrency">The most pages in flight.</param>
    /// <param name="cancellationToken">Stops the batch; pages not started are not reported.</param>
    /// <returns>The results, in the order they finish.</returns>
    IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(IAsyncEnumerable<Uri> urls, int maxConcurrency = 8, CancellationToken cancellationToken = default);
}

/// <summary>Conveniences over <see cref="INewsScraper"/>.</summary>
public static class NewsScraperExtensions
{
    /// <summary>Scrapes the pages of a list; see <see cref="INewsScraper.ScrapeManyAsync"/>.</summary>
    /// <param name="scraper">The scraper.</param>
    /// <param name="urls">The pages.</param>
    /// <param name="maxConcurrency">The most pages in flight.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, in the order they finish.</returns>
    public static IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(this INewsScraper scraper, IEnumerable<Uri> urls, int maxConcurrency = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scraper);
        ArgumentNullException.ThrowIfNull(urls);
        return scraper.ScrapeManyAsync(urls.ToAsyncEnumerable(), maxConcurrency, cancellationToken);
    }
}
