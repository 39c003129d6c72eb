namespace NewsScraper.Fetching;

/// <summary>
/// Who says when a host may be asked and what its robots.txt allows. The default keeps this per process (one gate and
/// one robots.txt cache per host); a cluster replaces it with one that holds them once for all its machines
/// (NewsScraper.Orleans), so the limits hold cluster-wide.
/// </summary>
public interface IHostGate
{
    /// <summary>Gets the robots.txt of the URL's host, fetched once and cached.</summary>
    /// <param name="url">Any URL of the host.</param>
    /// <param name="client">The client to fetch it with, if it must be fetched here.</param>
    /// <param name="userAgent">The User-Agent to send.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The rules.</returns>
    Task<RobotsTxt> RobotsAsync(Uri url, HttpClient client, string userAgent, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until a request to the URL's host may start: fewer than <paramref name="maxConcurrent"/> in flight and
    /// <paramref name="minDelay"/> since the last start. Dispose the turn when the request is done.
    /// </summary>
    /// <param name="url">The URL about to be requested.</param>
    /// <param name="maxConcurrent">The most requests in flight to the host.</param>
    /// <param name="minDelay">The least time between two request starts.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The turn.</returns>
    /// <exception cref="HostUnavailableException">The gate knows the host to be failing and does not let the request through.</exception>
    Task<IHostTurn> EnterAsync(Uri url, int maxConcurrent, TimeSpan minDelay, CancellationToken cancellationToken);
}

/// <summary>One request's turn at a host's gate.</summary>
public interface IHostTurn : IAsyncDisposable
{
    /// <summary>Says that the request ended as a host failure (a 5xx or 408 after its retries, a connection failure, a timeout).</summary>
    void HostFailed();

    /// <summary>
    /// Says that the request goes on the wire now (called by the innermost handler of the scraper's HTTP client, for
    /// every attempt). A gate whose turns travel (a cluster's) times the next start from this moment rather than from the
    /// grant, so a request held up between the two (a busy machine, a host's first request) cannot reach the host
    /// together with the next one.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the request may go.</returns>
    ValueTask StartingAsync(CancellationToken cancellationToken);
}
