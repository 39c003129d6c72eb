using System.Collections.Concurrent;
using System.Diagnostics;
using NewsScraper.Fetching;

namespace NewsScraper.Orleans;

/// <summary>
/// The host gate of a silo in a cluster: robots.txt and every turn come from the host's grain, so the limits hold for the
/// whole cluster. The parsed rules are kept per host here, read again only when the grain's text changes.
/// </summary>
internal sealed class ClusterHostGate(IGrainFactory grains) : IHostGate
{
    private readonly ConcurrentDictionary<string, RobotsTxt> parsed = new(StringComparer.Ordinal);

    public async Task<RobotsTxt> RobotsAsync(Uri url, HttpClient client, string userAgent, CancellationToken cancellationToken)
    {
        var key = HostKey.Of(url);
        var text = await grains.GetGrain<IHostGrain>(key).GetRobotsTextAsync(userAgent).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (parsed.TryGetValue(key, out var rules) && string.Equals(rules.Text, text, StringComparison.Ordinal))
        {
            return rules;
        }

        rules = RobotsTxt.Parse(text);
        parsed[key] = rules;
        return rules;
    }

    public async Task<IHostTurn> EnterAsync(Uri url, int maxConcurrent, TimeSpan minDelay, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IHostGrain>(HostKey.Of(url));
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var call = grain.EnterAsync(maxConcurrent, minDelay);
            HostTurnAnswer answer;
            try
            {
                answer = await call.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                throw new TurnLostException(ex);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A turn granted after the caller gave up goes straight back.
                _ = GiveBackLateAsync(grain, call);
                throw;
            }

            if (answer.Turn is { } turn)
            {
                NewsScraperClusterTelemetry.TurnWait.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                return new Turn(grain, turn);
            }

            if (answer.ClosesAt is { } closesAt)
            {
                throw new HostUnavailableException(url, closesAt);
            }
        }
    }

    private static async Task GiveBackLateAsync(IHostGrain grain, Task<HostTurnAnswer> call)
    {
        try
        {
            if ((await call.ConfigureAwait(false)).Turn is { } late)
            {
                await grain.ExitAsync(late, hostFailure: false).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            // Lost with its silo; the turn expires.
        }
    }

    private sealed class Turn(IHostGrain grain, Guid id) : IHostTurn
    {
        private bool failed;
        private int given;

        public void HostFailed() => failed = true;

        // When the grain that granted this turn is gone or leaving, the request must not go out beside the turns its
        // successor grants: the page's work ends here (TurnLostException) and the caller sends the page again.
        public async ValueTask StartingAsync(CancellationToken cancellationToken)
        {
            try
            {
                await grain.StartingAsync(id).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new TurnLostException(ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref given, 1) != 0)
            {
                return;
            }

            try
            {
                await grain.ExitAsync(id, failed).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The grain's silo is gone; its successor never knew this turn, and the old one's turns expire.
            }
        }
    }
}

/// <summary>A page's turn was lost with its host grain (its silo died, or the grain is moving): the page is sent again.</summary>
internal sealed class TurnLostException(Exception innerException)
    : Exception("The host's grain that granted the turn is gone; the page is sent again.", innerException);
