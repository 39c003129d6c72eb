using NewsScraper.Fetching;

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
}
