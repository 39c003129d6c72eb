using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsScraper.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsScraper.Fetching;

namespace NewsScraper;

/// <summary>Fetches with <see cref="IPageFetcher"/>, then extracts with <see cref="IArticleExtractor"/>.</summary>
internal sealed partial class DefaultNewsScraper(
    IPageFetcher fetcher, IArticleExtractor extractor, ILogger<DefaultNewsScraper> logger, IOptions<NewsScraperOptions> options, TimeProvider time) : INewsScraper
{
    /// <summary>The longest a batch input waits for its host's circuit to close before it is tried again.</summary>
    private static readonly TimeSpan MaxCircuitWait = TimeSpan.FromMinutes(5);

    /// <summary>How many inputs a batch reads ahead of the ones running, to find inputs of other hosts.</summary>
    private const int ReadAhead = 4096;

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
            throw new NewsScraperException(ScrapeErrorKind.Cancelled, $"Extracting {url} was cancelled", url);
        }
    }

    /// <summary>
    /// A batch scheduled by host, as Scrapy keeps a download slot per domain: inputs are read ahead into a bounded window,
    /// and a free worker takes the oldest input whose host may be asked now (fewer than its concurrency limit in flight,
    /// its delay since the last request to it elapsed), so a host waiting on its politeness delay never holds up other
    /// hosts' inputs. Results come out as they finish, with their input index; the host gate in the fetcher still holds.
    /// </summary>
    public async IAsyncEnumerable<ScrapeResult> ScrapeManyAsync(
        IAsyncEnumerable<Uri> urls,
        int maxConcurrency = 8,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var results = Channel.CreateBounded<ScrapeResult>(new BoundedChannelOptions(maxConcurrency) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scheduler = new HostScheduler(this, urls, maxConcurrency, options.Value, time, results.Writer);
        var run = scheduler.RunAsync(stop.Token);
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
            await run.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>One input's result; whatever goes wrong with one page is that page's error, never the batch's.</summary>
    private async Task<ScrapeResult?> ScrapeOneAsync(int index, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return new ScrapeResult(index, url, await ScrapeWaitingForTheHostAsync(url, cancellationToken).ConfigureAwait(false), null);
        }
        catch (NewsScraperException ex)
        {
            return new ScrapeResult(index, url, null, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUnexpected(logger, url, ex);
            return new ScrapeResult(index, url, null, new NewsScraperException(ScrapeErrorKind.Extraction, $"{url}: {ex.Message}", url, ex));
        }
    }

    /// <summary>The state of one batch: the window of pending inputs by host, what is in flight, and when each host was last asked.</summary>
    private sealed class HostScheduler(DefaultNewsScraper owner, IAsyncEnumerable<Uri> urls, int maxConcurrency, NewsScraperOptions options, TimeProvider time, ChannelWriter<ScrapeResult> results)
    {
        private readonly Lock sync = new();
        private readonly LinkedList<(int Index, Uri Url, string Host)> pending = new();
        private readonly Dictionary<string, (int InFlight, DateTimeOffset LastStart)> hosts = new(StringComparer.OrdinalIgnoreCase);
        // The read-ahead: wide enough to reach other hosts in a list grouped by site (a few thousand addresses, a few MB),
        // bounded so that an endless input stream is never read whole.
        private readonly int window = Math.Max(ReadAhead, maxConcurrency * 64);
        private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool inputDone;
        private int running;
        private Exception? inputError;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var reader = ReadAsync(cancellationToken);
            var tasks = new List<Task>();
            try
            {
                while (true)
                {
                    Task wake;
                    TimeSpan? nextReady;
                    lock (sync)
                    {
                        while (running < maxConcurrency && Take() is { } item)
                        {
                            running++;
                            tasks.Add(RunOneAsync(item, cancellationToken));
                        }

                        if (inputDone && pending.Count == 0 && running == 0)
                        {
                            break;
                        }

                        nextReady = running < maxConcurrency ? NextReady() : null;
                        wake = changed.Task;
                    }

                    tasks.RemoveAll(t => t.IsCompleted);
                    await (nextReady is { } delay ? Task.WhenAny(wake, Task.Delay(delay, time, cancellationToken)) : wake).WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                results.TryComplete(inputError);
            }
            catch (Exception ex)
            {
                results.TryComplete(ex is OperationCanceledException ? null : ex);
            }
            finally
            {
                await Task.WhenAll([reader, .. tasks]).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        /// <summary>Reads the inputs into the window, waiting while it is full (memory stays bounded on an endless stream).</summary>
        private async Task ReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                var index = 0;
                await foreach (var url in urls.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    while (true)
                    {
                        Task wait;
                        lock (sync)
                        {
                            if (pending.Count < window)
                            {
                                pending.AddLast((index++, url, url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Authority) : string.Empty));
                                Signal();
                                break;
                            }

                            wait = changed.Task;
                        }

                        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                inputError = ex;
            }
            finally
            {
                lock (sync)
                {
                    inputDone = true;
                    Signal();
                }
            }
        }

        private async Task RunOneAsync((int Index, Uri Url, string Host) item, CancellationToken cancellationToken)
        {
            try
            {
                if (await owner.ScrapeOneAsync(item.Index, item.Url, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    await results.WriteAsync(result, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The batch was stopped.
            }
            finally
            {
                lock (sync)
                {
                    running--;
                    var state = hosts[item.Host];
                    hosts[item.Host] = (state.InFlight - 1, state.LastStart);
                    Signal();
                }
            }
        }

        /// <summary>The oldest pending input whose host may be asked now (called under the lock).</summary>
        private (int Index, Uri Url, string Host)? Take()
        {
            var now = time.GetUtcNow();
            for (var node = pending.First; node is not null; node = node.Next)
            {
                var host = node.Value.Host;
                var state = hosts.GetValueOrDefault(host, (InFlight: 0, LastStart: DateTimeOffset.MinValue));
                if (state.InFlight < Math.Max(1, options.MaxConcurrencyPerHost) && now - state.LastStart >= options.MinDelayPerHost)
                {
                    pending.Remove(node);
                    hosts[host] = (state.InFlight + 1, now);
                    Signal();
                    return node.Value;
                }
            }

            return null;
        }

        /// <summary>How long until some pending input's host may be asked by its delay; null when only a completion can free one.</summary>
        private TimeSpan? NextReady()
        {
            var now = time.GetUtcNow();
            TimeSpan? soonest = null;
            foreach (var (_, _, host) in pending)
            {
                var state = hosts.GetValueOrDefault(host, (InFlight: 0, LastStart: DateTimeOffset.MinValue));
                if (state.InFlight < Math.Max(1, options.MaxConcurrencyPerHost))
                {
                    var wait = state.LastStart + options.MinDelayPerHost - now;
                    soonest = soonest is { } s && s <= wait ? s : wait;
                }
            }

            return soonest is { } value ? TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(1).Ticks, value.Ticks)) : null;
        }

        /// <summary>Wakes the scheduler and a reader waiting for room (called under the lock).</summary>
        private void Signal()
        {
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
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
