using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsScraper.Fetching;

namespace NewsScraper.Orleans;

/// <summary>
/// Scraping through a cluster, from a client (<see cref="IClusterClient"/>) or from inside a silo (any
/// <see cref="IGrainFactory"/>): the same <see cref="NewsArticle"/>, <see cref="ScrapeResult"/> and
/// <see cref="ScrapeErrorKind"/> as the single-machine <see cref="INewsScraper"/>.
/// </summary>
public static class NewsScraperCluster
{
    /// <summary>How often an input is sent again when the silo working on it was lost before it answered.</summary>
    public const int MaxResubmissions = 5;

    /// <summary>How often a batch input refused by an open circuit waits for the circuit and is tried again.</summary>
    public const int MaxCircuitWaits = 3;

    /// <summary>
    /// How long a caller waits for one page's answer before it sends the page again: a call whose gateway or silo died
    /// can otherwise wait for the cluster's whole response timeout. A page still working when this passes may be fetched
    /// twice; it is reported once.
    /// </summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromMinutes(3);

    private const int WorkerKeys = 64;

    /// <summary>Fetches a page and extracts its record on a silo of the cluster.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="url">The page's URL.</param>
    /// <param name="cancellationToken">Cancels the wait (the silo finishes the page).</param>
    /// <returns>The record.</returns>
    /// <exception cref="NewsScraperException">The page could not be scraped; <see cref="NewsScraperException.Kind"/> says why.</exception>
    public static Task<NewsArticle> ScrapeAsync(this IGrainFactory grains, Uri url, CancellationToken cancellationToken = default) =>
        ScrapeAsync(grains, url, DefaultCallTimeout, cancellationToken);

    /// <summary>Fetches a page and extracts its record on a silo of the cluster, sending it again when no answer came within <paramref name="callTimeout"/>.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="url">The page's URL.</param>
    /// <param name="callTimeout">How long to wait for the page's answer before sending it again (see <see cref="DefaultCallTimeout"/>).</param>
    /// <param name="cancellationToken">Cancels the wait (the silo finishes the page).</param>
    /// <returns>The record.</returns>
    /// <exception cref="NewsScraperException">The page could not be scraped; <see cref="NewsScraperException.Kind"/> says why.</exception>
    public static async Task<NewsArticle> ScrapeAsync(this IGrainFactory grains, Uri url, TimeSpan callTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(url);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Any of 64 worker keys: a client routes each key's calls through one gateway, so spreading the keys spreads the
                // pages over the silos; inside a silo a stateless worker always runs locally, whatever its key.
                var outcome = await grains.GetGrain<IScrapeGrain>(Random.Shared.Next(WorkerKeys)).ScrapeAsync(url).WaitAsync(callTimeout, cancellationToken).ConfigureAwait(false);
                if (outcome.Resubmit)
                {
                    throw new TurnLostException(new InvalidOperationException(outcome.ErrorMessage));
                }

                return outcome.ArticleOrThrow(url);
            }
            catch (Exception ex) when (IsLostSilo(ex) && attempt < MaxResubmissions)
            {
                // The silo died (or stopped) with the page in hand: send it again, to whichever silo takes it now.
                NewsScraperClusterTelemetry.Resubmitted.Add(1);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLostSilo(ex))
            {
                throw new NewsScraperException(ScrapeErrorKind.Connection, $"The cluster lost {url} {MaxResubmissions + 1} times: {ex.Message}", url, ex);
            }
        }
    }

    /// <summary>
    /// Scrapes pages through the cluster, at most <paramref name="maxConcurrency"/> at a time from this caller (the
    /// host grains hold each host's limits across all callers), and yields each result as it finishes, with its input's
    /// index. Every input gets exactly one result: a bad one gets its error, an input whose silo was lost is sent
    /// again, and one refused by an open circuit waits for the circuit (at most <see cref="MaxCircuitWaits"/> times).
    /// </summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="urls">The pages' URLs.</param>
    /// <param name="maxConcurrency">The most inputs in flight from this caller.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, as they finish.</returns>
    public static IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(this IGrainFactory grains, IAsyncEnumerable<Uri> urls, int maxConcurrency = 16, CancellationToken cancellationToken = default) =>
        ScrapeManyAsync(grains, urls, maxConcurrency, DefaultCallTimeout, cancellationToken);

    /// <summary>Scrapes pages through the cluster; see <see cref="ScrapeManyAsync(IGrainFactory, IAsyncEnumerable{Uri}, int, CancellationToken)"/>.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="urls">The pages' URLs.</param>
    /// <param name="maxConcurrency">The most inputs in flight from this caller.</param>
    /// <param name="callTimeout">How long to wait for a page's answer before sending it again (see <see cref="DefaultCallTimeout"/>).</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, as they finish.</returns>
    public static async IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(this IGrainFactory grains, IAsyncEnumerable<Uri> urls, int maxConcurrency, TimeSpan callTimeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var results = Channel.CreateUnbounded<ScrapeResult>(new UnboundedChannelOptions { SingleReader = true });
        using var slots = new SemaphoreSlim(maxConcurrency);
        var producer = Task.Run(
            async () =>
            {
                var running = new List<Task>();
                try
                {
                    var index = 0;
                    await foreach (var url in urls.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                        var i = index++;
                        running.Add(Task.Run(
                            async () =>
                            {
                                try
                                {
                                    await results.Writer.WriteAsync(await OneAsync(grains, i, url, callTimeout, cancellationToken).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
                                }
                                finally
                                {
                                    slots.Release();
                                }
                            },
                            CancellationToken.None));
                        running.RemoveAll(t => t.IsCompleted);
                    }

                    await Task.WhenAll(running).ConfigureAwait(false);
                    results.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    await Task.WhenAll(running).ConfigureAwait(false);
                    results.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        await foreach (var result in results.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return result;
        }

        await producer.ConfigureAwait(false);
    }

    /// <summary>Scrapes the pages of a list; see <see cref="ScrapeManyAsync(IGrainFactory, IAsyncEnumerable{Uri}, int, CancellationToken)"/>.</summary>
    /// <param name="grains">The cluster client or a silo's grain factory.</param>
    /// <param name="urls">The pages' URLs.</param>
    /// <param name="maxConcurrency">The most inputs in flight from this caller.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The results, as they finish.</returns>
    public static IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(this IGrainFactory grains, IEnumerable<Uri> urls, int maxConcurrency = 16, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return grains.ScrapeManyAsync(urls.ToAsyncEnumerable(), maxConcurrency, cancellationToken);
    }

    private static async Task<ScrapeResult> OneAsync(IGrainFactory grains, int index, Uri url, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        for (var wait = 0; ; wait++)
        {
            try
            {
                return new ScrapeResult(index, url, await grains.ScrapeAsync(url, callTimeout, cancellationToken).ConfigureAwait(false), null);
            }
            catch (HostUnavailableException ex) when (wait < MaxCircuitWaits && ex.ClosesAt is { } closesAt)
            {
                var delay = closesAt - DateTimeOffset.UtcNow;
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
            catch (NewsScraperException ex)
            {
                return new ScrapeResult(index, url, null, ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new ScrapeResult(index, url, null, new NewsScraperException(ScrapeErrorKind.Cancelled, $"Scraping {url} was cancelled", url));
            }
        }
    }

    private static bool IsLostSilo(Exception ex) =>
        ex is TurnLostException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ClientNotAvailableException
        || (ex is OrleansException && ex.Message.Contains("silo", StringComparison.OrdinalIgnoreCase));
}
