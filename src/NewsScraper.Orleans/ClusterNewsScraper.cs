namespace NewsScraper.Orleans;

/// <summary>
/// <see cref="INewsScraper"/> over a cluster: code written against the single-machine interface (the CLI's batch, a
/// service's pipeline) runs through the cluster unchanged, with each host's limits held cluster-wide.
/// </summary>
/// <param name="grains">The cluster client or a silo's grain factory.</param>
public sealed class ClusterNewsScraper(IGrainFactory grains) : INewsScraper
{
    /// <summary>Gets how long to wait for a page's answer before sending it again (<see cref="NewsScraperCluster.DefaultCallTimeout"/> unless set).</summary>
    public TimeSpan CallTimeout { get; init; } = NewsScraperCluster.DefaultCallTimeout;

    /// <inheritdoc/>
    public Task<NewsArticle> ScrapeAsync(Uri url, CancellationToken cancellationToken = default) => grains.ScrapeAsync(url, CallTimeout, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(IAsyncEnumerable<Uri> urls, int maxConcurrency = 8, CancellationToken cancellationToken = default) =>
        grains.ScrapeManyAsync(urls, maxConcurrency, CallTimeout, cancellationToken);
}
