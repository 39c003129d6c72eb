using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsScraper;

/// <summary>
/// NewsScraper without dependency injection, for scripts and small programs: the same fetcher, resilience pipeline,
/// politeness and extractor as <c>services.AddNewsScraper()</c>, in one object to dispose when done.
/// </summary>
/// <example>
/// <code>
/// await using var scraper = NewsScraperClient.Create(o => o.MaxConcurrencyPerHost = 1);
/// var article = await scraper.ScrapeAsync(new Uri("https://www.devdiscourse.com/article/..."));
/// </code>
/// </example>
public sealed class NewsScraperClient : INewsScraper, IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider provider;
    private readonly INewsScraper scraper;

    private NewsScraperClient(ServiceProvider provider)
    {
        this.provider = provider;
        scraper = provider.GetRequiredService<INewsScraper>();
    }

    /// <summary>Creates a scraper with its own HTTP client and pipeline.</summary>
    /// <param name="configure">Configures the options; they are validated here.</param>
    /// <returns>The scraper; dispose it to release its connections.</returns>
    /// <exception cref="OptionsValidationException">Thrown when the options are not valid.</exception>
    public static NewsScraperClient Create(Action<NewsScraperOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddNewsScraper(configure);
        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<NewsScraperOptions>>().Value;
            return new NewsScraperClient(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<NewsArticle> ScrapeAsync(Uri url, CancellationToken cancellationToken = default) => scraper.ScrapeAsync(url, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(IAsyncEnumerable<Uri> urls, int maxConcurrency = 8, CancellationToken cancellationToken = default) =>
        scraper.ScrapeManyAsync(urls, maxConcurrency, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => provider.DisposeAsync();

    /// <inheritdoc/>
    public void Dispose() => provider.Dispose();
}
