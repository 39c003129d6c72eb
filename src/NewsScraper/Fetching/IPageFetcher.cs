namespace NewsScraper.Fetching;

/// <summary>Fetches pages over HTTP.</summary>
public interface IPageFetcher
{
    /// <summary>Fetches a page.</summary>
    /// <param name="url">The page's URL (http or https).</param>
    /// <param name="cancellationToken">The token that cancels the fetch.</param>
    /// <returns>The page's bytes and what the server said about them.</returns>
    /// <exception cref="NewsScraperException">Thrown when the page cannot be fetched; its <see cref="NewsScraperException.Kind"/> says why.</exception>
    Task<WebPage> FetchAsync(Uri url, CancellationToken cancellationToken = default);
}
