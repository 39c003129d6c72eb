using NewsScraper.Serialization;
using Orleans.Concurrency;

namespace NewsScraper.Orleans;

/// <summary>Fetches and extracts one page on the silo it runs on.</summary>
[Alias("NewsScraper.Orleans.IScrapeGrain")]
internal interface IScrapeGrain : IGrainWithIntegerKey
{
    [Alias("Scrape")]
    Task<ScrapeOutcome> ScrapeAsync(Uri url);
}

/// <summary>
/// A stateless worker, activated on the silo the call lands on: pages are fetched and extracted on every silo, wherever
/// the work was submitted, while host grains only keep turns (a busy host does not load its grain's silo with parsing).
/// The page and its DOM live inside one call, on the thread pool; only the record, as its JSON, crosses the wire.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class ScrapeGrain(INewsScraper scraper) : Grain, IScrapeGrain
{
    public Task<ScrapeOutcome> ScrapeAsync(Uri url) => Task.Run(() => PageWork.ScrapeAsync(scraper, url));
}

/// <summary>One page's work, off the grain's scheduler.</summary>
internal static class PageWork
{
    public static async Task<ScrapeOutcome> ScrapeAsync(INewsScraper scraper, Uri url)
    {
        using var activity = NewsScraperClusterTelemetry.Source.StartActivity("NewsScraper.Cluster.Scrape");
        activity?.SetTag("url.full", url.AbsoluteUri);
        try
        {
            var article = await scraper.ScrapeAsync(url).ConfigureAwait(false);
            return new ScrapeOutcome(NewsArticleJson.Serialize(article, indented: false), null, null, null, null);
        }
        catch (TurnLostException ex)
        {
            return new ScrapeOutcome(null, null, ex.Message, null, null) { Resubmit = true };
        }
        catch (NewsScraperException ex)
        {
            return new ScrapeOutcome(
                null,
                (int)ex.Kind,
                ex.Message,
                (ex as Fetching.HostUnavailableException)?.ClosesAt,
                (ex as Fetching.HttpStatusException)?.StatusCode);
        }
    }
}

/// <summary>A page's result as it crosses the cluster: the record's JSON, or the error.</summary>
[GenerateSerializer]
[Immutable]
[Alias("NewsScraper.Orleans.ScrapeOutcome")]
internal sealed record ScrapeOutcome(
    [property: Id(0)] string? ArticleJson,
    [property: Id(1)] int? ErrorKind,
    [property: Id(2)] string? ErrorMessage,
    [property: Id(3)] DateTimeOffset? ClosesAt,
    [property: Id(4)] int? HttpStatus)
{
    /// <summary>Gets a value indicating whether the page's turn was lost with its host grain, so the caller should send it again.</summary>
    [Id(5)]
    public bool Resubmit { get; init; }

    public NewsArticle ArticleOrThrow(Uri url)
    {
        if (ArticleJson is not null)
        {
            return NewsArticleJson.Deserialize(ArticleJson) ?? throw new NewsScraperException(ScrapeErrorKind.Extraction, $"The record of {url} could not be read back", url);
        }

        var kind = (ScrapeErrorKind)(ErrorKind ?? (int)ScrapeErrorKind.Extraction);
        throw kind switch
        {
            ScrapeErrorKind.HostUnavailable => new Fetching.HostUnavailableException(url, ClosesAt),
            ScrapeErrorKind.HttpStatus when HttpStatus is { } status => new Fetching.HttpStatusException(status, url),
            _ => new NewsScraperException(kind, ErrorMessage ?? kind.ToString(), url),
        };
    }
}
