using System.Collections.Concurrent;

namespace NewsScraper.Fetching;

/// <summary>
/// Per-host politeness, shared by every fetch of the process: robots.txt fetched once per host and cached (a day), and a
/// gate per host that lets at most N requests run at once and starts them at least a minimum delay apart (the larger of
/// the configured delay and the site's Crawl-delay, capped).
/// </summary>
internal sealed class HostPoliteness(TimeProvider time) : IHostGate, IDisposable
{
    /// <summary>How long a host's robots.txt is trusted.</summary>
    public static readonly TimeSpan RobotsLifetime = TimeSpan.FromHours(24);

    /// <summary>The longest Crawl-delay honoured; longer ones are capped (a site cannot stall a batch for hours).</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);

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
    public Task<IHostTurn> EnterAsync(Uri url, int maxConcurrent, TimeSpan minDelay, CancellationToken cancellationToken) =>
        gates.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => new HostGate(maxConcurrent, time)).EnterAsync(minDelay, cancellationToken);

    private async Task<(RobotsTxt, DateTimeOffset)> FetchRobotsAsync(string authority, HttpClient client, string userAgent) =>
        (await RobotsTxt.FetchAsync(client, new Uri(authority), userAgent, CancellationToken.None).ConfigureAwait(false), time.GetUtcNow());

    private sealed class HostGate(int maxConcurrent, TimeProvider time) : IDisposable
    {
        private readonly SemaphoreSlim slots = new(Math.Max(1, maxConcurrent));
        private readonly Lock gate = new();
        private DateTimeOffset nextStart = DateTimeOffset.MinValue;

        public void Dispose() => slots.Dispose();

        public async Task<IHostTurn> EnterAsync(TimeSpan minDelay, CancellationToken cancellationToken)
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

    private sealed class Release(SemaphoreSlim slots) : IHostTurn
    {
        private int released;

        public void HostFailed()
        {
            // The process's circuit breaker (in the HTTP pipeline) already judges the host by its failures.
        }

        public ValueTask StartingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
