using System.Collections.Concurrent;
using System.Text;

namespace NewsScraper.Fetching;

/// <summary>
/// Per-host politeness, shared by every fetch of the process: robots.txt fetched once per host and cached (a day), and a
/// gate per host that lets at most N requests run at once and starts them at least a minimum delay apart (the larger of
/// the configured delay and the site's Crawl-delay, capped).
/// </summary>
internal sealed class HostPoliteness(TimeProvider time) : IDisposable
{
    /// <summary>How long a host's robots.txt is trusted.</summary>
    public static readonly TimeSpan RobotsLifetime = TimeSpan.FromHours(24);

    /// <summary>The longest Crawl-delay honoured; longer ones are capped (a site cannot stall a batch for hours).</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);

    private const int MaxRobotsBytes = 512 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsTxt Robots, DateTimeOffset Fetched)>>> robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The robots.txt of the URL's host (fetched on first use, then cached).</summary>
    public async Task<RobotsTxt> RobotsAsync(Uri url, HttpClient client, string userAgent, CancellationToken cancellationToken)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var entry = robots.GetOrAdd(key, _ => new Lazy<Task<(RobotsTxt, DateTimeOffset)>>(() => FetchRobotsAsync(key, client, userAgent)));
            var (rules, fetched) = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (time.GetUtcNow() - fetched < RobotsLifetime)
            {
                return rules;
            }

            robots.TryRemove(new KeyValuePair<string, Lazy<Task<(RobotsTxt, DateTimeOffset)>>>(key, entry));
        }

        return RobotsTxt.AllowAll;
    }

    /// <summary>Releases the hosts' gates.</summary>
    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }

    /// <summary>Waits for the host's turn; dispose the result when the request is done.</summary>
    public Task<IDisposable> EnterAsync(Uri url, int maxConcurrent, TimeSpan minDelay, CancellationToken cancellationToken) =>
        gates.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => new HostGate(maxConcurrent, time)).EnterAsync(minDelay, cancellationToken);

    private async Task<(RobotsTxt, DateTimeOffset)> FetchRobotsAsync(string authority, HttpClient client, string userAgent)
    {
        // RFC 9309: a 4xx means no rules, a 5xx means everything is disallowed for now. An unreachable host gets no
        // rules here: the page fetch that follows fails with its own, more telling, error.
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(authority + "/robots.txt"));
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return (RobotsTxt.DisallowAll, time.GetUtcNow());
            }

            if (status is < 200 or >= 300)
            {
                return (RobotsTxt.AllowAll, time.GetUtcNow());
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new byte[MaxRobotsBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return (RobotsTxt.Parse(Encoding.UTF8.GetString(buffer, 0, read)), time.GetUtcNow());
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            return (RobotsTxt.AllowAll, time.GetUtcNow());
        }
    }

    private sealed class HostGate(int maxConcurrent, TimeProvider time) : IDisposable
    {
        private readonly SemaphoreSlim slots = new(Math.Max(1, maxConcurrent));
        private readonly Lock gate = new();
        private DateTimeOffset nextStart = DateTimeOffset.MinValue;

        public void Dispose() => slots.Dispose();

        public async Task<IDisposable> EnterAsync(TimeSpan minDelay, CancellationToken cancellationToken)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TimeSpan wait;
                lock (gate)
                {
                    var now = time.GetUtcNow();
                    var start = nextStart > now ? nextStart : now;
                    nextStart = start + minDelay;
                    wait = start - now;
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }

                return new Release(slots);
            }
            catch
            {
                slots.Release();
                throw;
            }
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
