using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsScraper.Fetching;

/// <summary>
/// Fetches pages through <see cref="IHttpClientFactory"/> (the named client carries the resilience pipeline):
/// follows redirects itself so each hop is re-checked (http/https only, capped), refuses non-HTML, caps the body
/// size after decompression, and turns every failure into a typed <see cref="NewsScraperException"/>. Each hop is checked
/// against the host's robots.txt (unless turned off) and waits its turn at the host's gate (<see cref="IHostGate"/>).
/// </summary>
internal sealed partial class HttpPageFetcher(
    IHttpClientFactory clients,
    IOptionsMonitor<NewsScraperOptions> options,
    TimeProvider time,
    IHostGate politeness,
    ILogger<HttpPageFetcher> logger) : IPageFetcher
{
    private static readonly string[] HtmlMediaTypes = ["text/html", "application/xhtml+xml", "application/xml", "text/xml"];

    public async Task<WebPage> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var activity = NewsScraperTelemetry.Source.StartActivity("NewsScraper.Fetch", ActivityKind.Client);
        activity?.SetTag("url.full", url.AbsoluteUri);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var page = await FetchCoreAsync(url, cancellationToken).ConfigureAwait(false);
            NewsScraperTelemetry.PagesFetched.Add(1);
            activity?.SetTag("http.response.status_code", page.StatusCode);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFetched(logger, page.FinalUrl, page.StatusCode, page.Content.Length, elapsedMs);
            return page;
        }
        catch (NewsScraperException ex)
        {
            if (ex.Kind == ScrapeErrorKind.RobotsDisallowed)
            {
                LogRobotsDisallowed(logger, url);
            }
            else if (ex.Kind != ScrapeErrorKind.Cancelled)
            {
                LogFetchFailed(logger, url, ex.Kind, ex.Message);
            }

            NewsScraperTelemetry.Failed(ex.Kind);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Kind.ToString());
            throw;
        }
        finally
        {
            NewsScraperTelemetry.FetchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task<WebPage> FetchCoreAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new NewsScraperException(ScrapeErrorKind.InvalidUrl, $"Only absolute http and https URLs can be fetched: {url}", url);
        }

        var settings = options.CurrentValue;
        var client = clients.CreateClient(NewsScraperDefaults.HttpClientName);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            var delay = settings.MinDelayPerHost;
            if (settings.RespectRobotsTxt)
            {
                var robots = await politeness.RobotsAsync(current, client, settings.UserAgent, cancellationToken).ConfigureAwait(false);
                if (!robots.IsAllowed(current.PathAndQuery, settings.UserAgent))
                {
                    throw new NewsScraperException(ScrapeErrorKind.RobotsDisallowed, $"robots.txt of {current.Host} does not allow {current.PathAndQuery}", current);
                }

                if (robots.CrawlDelay(settings.UserAgent) is { } crawlDelay && crawlDelay > delay)
                {
                    delay = crawlDelay < HostPoliteness.MaxCrawlDelay ? crawlDelay : HostPoliteness.MaxCrawlDelay;
                }
            }

            var turn = await EnterAsync(current, settings.MaxConcurrencyPerHost, delay, cancellationToken).ConfigureAwait(false);
            await using var turnScope = turn.ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
            HttpResponseMessage sent;
            try
            {
                request.Options.Set(TurnStartHandler.TurnKey, turn);
                sent = await SendAsync(client, request, current, cancellationToken).ConfigureAwait(false);
            }
            catch (NewsScraperException ex) when (ex.Kind is ScrapeErrorKind.Timeout or ScrapeErrorKind.Connection)
            {
                turn.HostFailed();
                throw;
            }

            using var response = sent;
            var status = (int)response.StatusCode;
            if (HostFailure.IsStatus(status))
            {
                turn.HostFailed();
            }

            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= settings.MaxRedirects)
                {
                    throw new NewsScraperException(ScrapeErrorKind.TooManyRedirects, $"More than {settings.MaxRedirects} redirects from {url}", url);
                }

                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (next.Scheme is not ("http" or "https"))
                {
                    throw new NewsScraperException(ScrapeErrorKind.TooManyRedirects, $"Redirect to a refused scheme: {next}", url);
                }

                current = next;
                continue;
            }

            if (status is < 200 or >= 300)
            {
                throw new HttpStatusException(status, current);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !HtmlMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                throw new NewsScraperException(ScrapeErrorKind.NotHtml, $"{current} is {mediaType}, not an HTML page", current);
            }

            // The resilience pipeline times the request up to its headers; the body gets its own deadline, so a server that
            // trickles bytes cannot hold a fetch forever.
            using var bodyDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyDeadline.CancelAfter(settings.TotalTimeout);
            var body = await ReadCappedAsync(response.Content, settings.MaxResponseBytes, current, bodyDeadline.Token, cancellationToken).ConfigureAwait(false);
            if (ContentSniffer.NotHtml(body.Span, mediaType) is { } what)
            {
                throw new NewsScraperException(ScrapeErrorKind.NotHtml, $"{current} is {what}, not an HTML page", current);
            }

            return new WebPage(url, current, status, response.Content.Headers.ContentType?.ToString(), body, time.GetUtcNow(), settings.UserAgent);
        }
    }

    private async Task<IHostTurn> EnterAsync(Uri url, int maxConcurrent, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            return await politeness.EnterAsync(url, maxConcurrent, delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(ScrapeErrorKind.Cancelled, $"Fetching {url} was cancelled", url);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(ScrapeErrorKind.Cancelled, $"Fetching {url} was cancelled", url);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or TaskCanceledException or TimeoutException)
        {
            throw new NewsScraperException(ScrapeErrorKind.Timeout, $"Fetching {url} timed out", url, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new HostUnavailableException(url, ex.RetryAfter is { } wait ? DateTimeOffset.UtcNow + wait : null, ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException blocked)
        {
            throw new NewsScraperException(ScrapeErrorKind.BlockedAddress, $"Refused {url}: {blocked.Message}", url, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException)
        {
            throw new NewsScraperException(ScrapeErrorKind.Connection, $"Could not connect to {url.Host}: {ex.Message}", url, ex);
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(HttpContent content, long maxBytes, Uri url, CancellationToken deadline, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes && content.Headers.ContentEncoding.Count == 0)
        {
            throw new NewsScraperException(ScrapeErrorKind.TooLarge, $"{url} declares {declared} bytes, more than the {maxBytes}-byte cap", url);
        }

        try
        {
            using var stream = await content.ReadAsStreamAsync(deadline).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (true)
            {
                var read = await stream.ReadAsync(chunk, deadline).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (buffer.Length + read > maxBytes)
                {
                    throw new NewsScraperException(ScrapeErrorKind.TooLarge, $"{url} is larger than the {maxBytes}-byte cap", url);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(ScrapeErrorKind.Cancelled, $"Fetching {url} was cancelled", url);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw new NewsScraperException(ScrapeErrorKind.Timeout, $"Reading the body of {url} took too long", url, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or TaskCanceledException or TimeoutRejectedException)
        {
            throw new NewsScraperException(ex is IOException or HttpRequestException ? ScrapeErrorKind.Connection : ScrapeErrorKind.Timeout, $"Reading {url} failed: {ex.Message}", url, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Fetched {Url} ({Status}, {Bytes} bytes) in {ElapsedMs:F0} ms")]
    private static partial void LogFetched(ILogger logger, Uri url, int status, int bytes, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Fetching {Url} failed ({Kind}): {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Uri url, ScrapeErrorKind kind, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "robots.txt does not allow {Url}; not fetched")]
    private static partial void LogRobotsDisallowed(ILogger logger, Uri url);

    /// <summary>
    /// The primary handler: no automatic redirects (the fetcher re-checks each hop), every decompression; with
    /// <see cref="NewsScraperOptions.BlockPrivateNetworks"/>, a connect step that resolves the host itself and refuses
    /// private addresses, so a DNS answer cannot smuggle a request into the local network.
    /// </summary>
    internal static SocketsHttpHandler CreatePrimaryHandler(NewsScraperOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (options.BlockPrivateNetworks)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                if (addresses.Length == 0 || addresses.Any(AddressGuard.IsPrivate))
                {
                    throw new BlockedAddressException($"{host} resolves to a private, loopback or link-local address");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }
}
