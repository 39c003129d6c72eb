using System.Collections.Concurrent;
using System.Diagnostics;
using NewsScraper.Fetching;

namespace NewsScraper.Orleans;

/// <summary>
/// The host gate of a silo in a cluster: robots.txt and every turn come from the host's grain, so the limits hold for the
/// whole cluster. The rules the grain holds are parsed once per silo and kept for <see cref="RobotsRefresh"/>, so a page
/// costs no robots.txt call to the grain; after that the silo asks again and sees the grain's own refresh (a day).
/// </summary>
internal sealed class ClusterHostGate(IGrainFactory grains, TimeProvider time) : IHostGate
{
    /// <summary>How long a silo keeps the rules it had from a host's grain before asking it again.</summary>
    internal static readonly TimeSpan RobotsRefresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (RobotsTxt Rules, DateTimeOffset Until)> robots = new(StringComparer.Ordinal);

    public async Task<RobotsTxt> RobotsAsync(Uri url, HttpClient client, string userAgent, CancellationToken cancellationToken)
    {
        var key = HostKey.Of(url);
        if (robots.TryGetValue(key, out var kept) && kept.Until > time.GetUtcNow())
        {
            return kept.Rules;
        }

        var text = await grains.GetGrain<IHostGrain>(key).GetRobotsTextAsync(userAgent).WaitAsync(cancellationToken).ConfigureAwait(false);
        var rules = RobotsTxt.Parse(text);
        robots[key] = (rules, time.GetUtcNow() + RobotsRefresh);
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
