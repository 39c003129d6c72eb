
namespace NewsScraper.Extraction;

/// <summary>Turns a page's bytes into a <see cref="NewsArticle"/>. Needs no network; safe to call from many threads.</summary>
public interface IArticleExtractor
{
    /// <summary>Extracts the article of a page.</summary>
    /// <param name="page">The page's bytes and address.</param>
    /// <param name="cancellationToken">The token that cancels the extraction.</param>
    /// <returns>The record; a page with little to read gives a best-effort record whose <see cref="NewsArticle.Warnings"/> say so.</returns>
    Task<NewsArticle> ExtractAsync(WebPage page, CancellationToken cancellationToken = default);
}
