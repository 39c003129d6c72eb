namespace NewsScraper.Orleans;

/// <summary>
/// One host of the web (scheme, host and port: <see cref="HostKey"/>), one grain for the whole cluster: it holds the
/// host's concurrency limit and delay between request starts, its robots.txt (fetched once, cached a day) and its
/// failure state (a circuit that opens when most recent requests failed). Every silo that fetches from the host asks
/// it for a turn, so the limits hold cluster-wide; it never fetches a page or holds one.
/// </summary>
[Alias("NewsScraper.Orleans.IHostGrain")]
public interface IHostGrain : IGrainWithStringKey
{
    /// <summary>Gets the host's robots.txt as text, fetched on the grain's first call and then cached.</summary>
    /// <param name="userAgent">The User-Agent to fetch it with.</param>
    /// <returns>The text of the rules (empty when there are none).</returns>
    [Alias("GetRobotsText")]
    Task<string> GetRobotsTextAsync(string userAgent);

    /// <summary>
    /// Asks for a turn: granted when fewer than <paramref name="maxConcurrent"/> turns are out, every earlier turn's
    /// request has been sent (<see cref="StartingAsync"/>), and <paramref name="minDelay"/> has passed since the last
    /// one was; otherwise the call waits (up to a few seconds,
    /// then answers "ask again", so no call outlives the cluster's response timeout).
    /// </summary>
    /// <param name="maxConcurrent">The most requests in flight to the host.</param>
    /// <param name="minDelay">The least time between two request starts.</param>
    /// <returns>The answer.</returns>
    [Alias("Enter")]
    Task<HostTurnAnswer> EnterAsync(int maxConcurrent, TimeSpan minDelay);

    /// <summary>Says that a turn's request is being sent now; the next turn starts a delay after this.</summary>
    /// <param name="turn">The turn's identifier.</param>
    /// <returns>A task.</returns>
    [Alias("Starting")]
    Task StartingAsync(Guid turn);

    /// <summary>Gives a turn back, saying whether its request ended as a host failure.</summary>
    /// <param name="turn">The turn's identifier.</param>
    /// <param name="hostFailure">Whether the request ended as a host failure (5xx, 408, connection failure, timeout).</param>
    /// <returns>A task.</returns>
    [Alias("Exit")]
    Task ExitAsync(Guid turn, bool hostFailure);
}

/// <summary>A host grain's answer to a request for a turn.</summary>
/// <param name="Turn">The turn's identifier when it was granted.</param>
/// <param name="ClosesAt">When the host's circuit is open: when it lets a request through again.</param>
[GenerateSerializer]
[Immutable]
[Alias("NewsScraper.Orleans.HostTurnAnswer")]
public sealed record HostTurnAnswer([property: Id(0)] Guid? Turn, [property: Id(1)] DateTimeOffset? ClosesAt)
{
    /// <summary>Gets a value indicating whether the caller should ask again (neither granted nor refused).</summary>
    public bool AskAgain => Turn is null && ClosesAt is null;
}

/// <summary>The key of a host's grain.</summary>
public static class HostKey
{
    /// <summary>Gets the key of the grain of a URL's host: scheme, host and port, lower case (<c>https://www.example.com</c>, <c>http://127.0.0.1:5000</c>).</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>The key.</returns>
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
