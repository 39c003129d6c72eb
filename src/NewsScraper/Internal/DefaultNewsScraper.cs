using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NewsScraper.Extraction;
using Microsoft.Extensions.Logging;
using NewsScraper.Fetching;

namespace NewsScraper.Internal;

/// <summary>Fetches with <see cref="IPageFetcher"/>, then extracts with <see cref="IArticleExtractor"/>.</summary>
internal sealed partial class DefaultNewsScraper(IPageFetcher fetcher, IArticleExtractor extractor, ILogger<DefaultNewsScraper> logger) : INewsScraper
{
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
                result = new ScrapeResult(index, url, await ScrapeAsync(url, cancellationToken).ConfigureAwait(false), null);
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

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Extracted {Url} with the {Extractor} extractor ({Warnings} warnings)")]
    private static partial void LogExtracted(ILogger logger, Uri url, string extractor, int warnings);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Unexpected failure on {Url}; recorded as that page's error")]
    private static partial void LogUnexpected(ILogger logger, Uri url, Exception exception);
}
