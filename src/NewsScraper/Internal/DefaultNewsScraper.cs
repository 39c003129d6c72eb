using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsScraper.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsScraper.Fetching;

namespace NewsScraper.Internal;

/// <summary>Fetches with <see cref="IPageFetcher"/>, then extracts with <see cref="IArticleExtractor"/>.</summary>
internal sealed partial class DefaultNewsScraper(
    IPageFetcher fetcher, IArticleExtractor extractor, ILogger<DefaultNewsScraper> logger, IOptions<NewsScraperOptions> options, TimeProvider time) : INewsScraper
{
    /// <summary>The longest a batch input waits for its host's circuit to close before it is tried again.</summary>
    private static readonly TimeSpan MaxCircuitWait = TimeSpan.FromMinutes(5);

    /// <summary>How long an input refused while its host's probe is in flight waits before it asks again.</summary>
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(250);

    /// <summary>How many times an input asks again while a probe is in flight (about 10 s), besides its circuit waits.</summary>
    private const int MaxProbeWaits = 40;

    public async Task<NewsArticle> ScrapeAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var page = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        try
        {
            var article = await extractor.ExtractAsync(page, cancellationToken).ConfigureAwait(false);
            LogExtracted(logger, url, article.Extractor, article.Warnings.Count);
            return article;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(FetchErrorKind.Cancelled, $"Extracting {url} was cancelled", url);
        }
    }

    public async IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(
        IAsyncEnumerable<Uri> urls,
        int maxConcurrency = 8,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var work = Channel.CreateBounded<(int, Uri)>(new BoundedChannelOptions(maxConcurrency) { SingleWriter = true });
        var results = Channel.CreateBounded<ScrapeResult>(new BoundedChannelOptions(maxConcurrency) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(urls, work.Writer, stop.Token);
        var workers = Enumerable.Range(0, maxConcurrency).Select(_ => WorkAsync(work.Reader, results.Writer, stop.Token)).ToArray();
        var completion = Task.WhenAll(workers).ContinueWith(t => results.Writer.TryComplete(t.Exception), TaskScheduler.Default);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll([producer, completion, .. workers]).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static async Task ProduceAsync(IAsyncEnumerable<Uri> urls, ChannelWriter<(int, Uri)> writer, CancellationToken cancellationToken)
    {
        try
        {
            var index = 0;
            await foreach (var url in urls.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync((index++, url), cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex is OperationCanceledException ? null : ex);
        }
    }

    private async Task WorkAsync(ChannelReader<(int Index, Uri Url)> reader, ChannelWriter<ScrapeResult> writer, CancellationToken cancellationToken)
    {
        await foreach (var (index, url) in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            ScrapeResult result;
            try
            {
                result = new ScrapeResult(index, url, await ScrapeWaitingForTheHostAsync(url, cancellationToken).ConfigureAwait(false), null);
            }
            catch (NewsScraperException ex)
            {
                result = new ScrapeResult(index, url, null, ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Whatever else goes wrong with one page is that page's error, never the batch's.
                LogUnexpected(logger, url, ex);
                result = new ScrapeResult(index, url, null, new NewsScraperException(FetchErrorKind.Extraction, $"{url}: {ex.Message}", url, ex));
            }

            await writer.WriteAsync(result, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Scrapes one input of a batch. An input refused because its host's circuit is open waits for the circuit's half-open
    /// probe and is tried again, at most the options' retry count of times, so a host that recovers serves every page it can.
    /// </summary>
    private async Task<NewsArticle> ScrapeWaitingForTheHostAsync(Uri url, CancellationToken cancellationToken)
    {
        var waits = 0;
        var probes = 0;
        while (true)
        {
            try
            {
                return await ScrapeAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (HostUnavailableException ex) when (ex.ClosesAt is { } at && at > time.GetUtcNow() && waits < Math.Max(1, options.Value.MaxRetries))
            {
                // The circuit is open until a known time: wait for its half-open probe (one wait of the retry budget).
                waits++;
                var wait = TimeSpan.FromTicks(Math.Min((at - time.GetUtcNow()).Ticks, MaxCircuitWait.Ticks)) + ProbeWait;
                LogWaitingForHost(logger, url, wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (HostUnavailableException) when (waits > 0 && probes++ < MaxProbeWaits)
            {
                // Half-open: another input's request is the probe. Its answer closes or reopens the circuit shortly.
                await Task.Delay(ProbeWait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "The host of {Url} is unavailable (its circuit is open); trying again in {Wait}")]
    private static partial void LogWaitingForHost(ILogger logger, Uri url, TimeSpan wait);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Extracted {Url} with the {Extractor} extractor ({Warnings} warnings)")]
    private static partial void LogExtracted(ILogger logger, Uri url, string extractor, int warnings);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Unexpected failure on {Url}; recorded as that page's error")]
    private static partial void LogUnexpected(ILogger logger, Uri url, Exception exception);
}
