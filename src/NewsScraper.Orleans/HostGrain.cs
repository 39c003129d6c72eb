using System.Diagnostics;
using Microsoft.Extensions.Options;
using NewsScraper.Fetching;
using Orleans.Concurrency;

namespace NewsScraper.Orleans;

/// <summary>
/// The host grain. Reentrant: a call waiting for its turn lets the others in, and all of them run on the grain's one
/// scheduler, so its state needs no locks. A turn not given back within its lifetime (its silo died) is dropped.
/// A new activation (the first, or one that replaced an activation lost with its silo) starts its first turn only a
/// delay after it began, since the previous activation may have started one just before it was lost.
/// </summary>
[Reentrant]
internal sealed class HostGrain(IHttpClientFactory clients, IOptions<NewsScraperOptions> options, TimeProvider time) : Grain, IHostGrain
{
    /// <summary>How long a call waits for a turn before it answers "ask again".</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    /// <summary>How long a granted turn may go without saying its request is being sent before the next turn stops waiting for it.</summary>
    internal static readonly TimeSpan LongestUnsent = TimeSpan.FromSeconds(5);

    private readonly Dictionary<Guid, DateTimeOffset> turns = [];
    private readonly Dictionary<Guid, (DateTimeOffset Granted, TimeSpan Delay)> unsent = [];
    private readonly Queue<TaskCompletionSource> waiting = new();
    private readonly Queue<(DateTimeOffset At, bool Failed)> outcomes = new();
    private Task<string>? robots;
    private DateTimeOffset robotsFetched;
    private DateTimeOffset nextStart;
    private DateTimeOffset? openUntil;
    private bool probing;
    private bool leaving;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        nextStart = time.GetUtcNow() + options.Value.MinDelayPerHost;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // From here on this activation grants nothing and lets no granted request go: its successor (on this silo or
        // another) may already be granting turns, and two gates for one host must never overlap.
        leaving = true;
        WakeAll();
        return Task.CompletedTask;
    }

    public async Task<string> GetRobotsTextAsync(string userAgent)
    {
        if (robots is null || (robots.IsCompleted && time.GetUtcNow() - robotsFetched > TimeSpan.FromHours(24)))
        {
            robotsFetched = time.GetUtcNow();
            robots = FetchRobotsAsync(userAgent);
        }

        return await robots;
    }

    public async Task<HostTurnAnswer> EnterAsync(int maxConcurrent, TimeSpan minDelay)
    {
        var deadline = time.GetUtcNow() + LongestWait;
        while (true)
        {
            if (leaving)
            {
                return new HostTurnAnswer(null, null);
            }

            var now = time.GetUtcNow();
            DropExpiredTurns(now);
            if (openUntil is { } until)
            {
                if (now < until || probing)
                {
                    return new HostTurnAnswer(null, now < until ? until : now + minDelay);
                }

                probing = true; // half-open: this one request decides
            }

            // A turn is granted when a slot is free and the previous turn's request has left: the next start is timed
            // from when it really did (StartingAsync), not from when it was granted.
            if (turns.Count < Math.Max(1, maxConcurrent) && unsent.Count == 0)
            {
                var start = nextStart > now ? nextStart : now;
                nextStart = start + minDelay;
                var turn = Guid.NewGuid();
                turns[turn] = start + TurnLifetime();
                unsent[turn] = (start, minDelay);
                if (start > now)
                {
                    await Task.Delay(start - now, time);
                }

                return new HostTurnAnswer(turn, null);
            }

            var wait = deadline - now;
            if (wait <= TimeSpan.Zero)
            {
                return new HostTurnAnswer(null, null);
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.None);
            waiting.Enqueue(signal);
            await Task.WhenAny(signal.Task, Task.Delay(wait, time));
        }
    }

    public Task StartingAsync(Guid turn)
    {
        if (leaving)
        {
            throw new InvalidOperationException("This host's grain is being deactivated; ask its successor for a new turn.");
        }

        if (unsent.Remove(turn, out var granted))
        {
            var sentAt = time.GetUtcNow() + granted.Delay;
            if (sentAt > nextStart)
            {
                nextStart = sentAt;
            }

            WakeOne();
        }

        return Task.CompletedTask;
    }

    public Task ExitAsync(Guid turn, bool hostFailure)
    {
        unsent.Remove(turn);
        if (turns.Remove(turn))
        {
            Record(hostFailure);
        }

        WakeOne();
        return Task.CompletedTask;
    }

    private void WakeAll()
    {
        while (waiting.TryDequeue(out var next))
        {
            next.TrySetResult();
        }
    }

    private void WakeOne()
    {
        while (waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                break;
            }
        }
    }

    private void Record(bool failed)
    {
        var now = time.GetUtcNow();
        if (probing)
        {
            probing = false;
            openUntil = failed ? now + BreakDuration : null;
            outcomes.Clear();
            return;
        }

        outcomes.Enqueue((now, failed));
        var window = SamplingDuration();
        while (outcomes.TryPeek(out var oldest) && now - oldest.At > window)
        {
            outcomes.Dequeue();
        }

        if (outcomes.Count >= MinimumThroughput && outcomes.Count(o => o.Failed) >= outcomes.Count * FailureRatio)
        {
            openUntil = now + BreakDuration;
            outcomes.Clear();
        }
    }

    /// <summary>Drops turns never given back within their lifetime, and stops waiting for granted requests that never said they left.</summary>
    private void DropExpiredTurns(DateTimeOffset now)
    {
        foreach (var (turn, expires) in turns.ToList())
        {
            if (expires < now)
            {
                turns.Remove(turn);
            }
        }

        foreach (var (turn, (granted, _)) in unsent.ToList())
        {
            if (now - granted > LongestUnsent)
            {
                unsent.Remove(turn);
            }
        }
    }

    private TimeSpan TurnLifetime() => options.Value.TotalTimeout + options.Value.AttemptTimeout;

    private TimeSpan SamplingDuration() => TimeSpan.FromTicks(Math.Max(options.Value.AttemptTimeout.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));

    private async Task<string> FetchRobotsAsync(string userAgent)
    {
        var started = Stopwatch.GetTimestamp();
        var url = new Uri(this.GetPrimaryKeyString());
        var rules = await RobotsTxt.FetchAsync(clients.CreateClient(NewsScraperDefaults.HttpClientName), url, userAgent).ConfigureAwait(true);
        NewsScraperClusterTelemetry.RobotsFetched.Add(1);
        NewsScraperClusterTelemetry.RobotsDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return rules.Text;
    }

    // The breaker's settings are the single-machine pipeline's (NewsScraperServiceCollectionExtensions): open when at
    // least half of 20 or more requests in the sampling window failed; Polly's default break of five seconds.
    private const int MinimumThroughput = 20;
    private const double FailureRatio = 0.5;
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);
}
