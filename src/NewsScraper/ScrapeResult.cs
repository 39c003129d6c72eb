
namespace NewsScraper;

/// <summary>What became of one input of a batch: its record, or the typed error that stopped it.</summary>
/// <param name="Index">The input's position in the batch (results arrive as they finish, not in input order).</param>
/// <param name="Url">The input URL.</param>
/// <param name="Article">The record, when the page was scraped.</param>
/// <param name="Error">The error, when it was not.</param>
public sealed record ScrapeResult(int Index, Uri Url, NewsArticle? Article, NewsScraperException? Error)
{
    /// <summary>Gets a value indicating whether the page gave a record.</summary>
    public bool Succeeded => Article is not null;
}
