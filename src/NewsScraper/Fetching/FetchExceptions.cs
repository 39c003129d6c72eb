namespace NewsScraper.Fetching;

/// <summary>The server answered with an error status.</summary>
public sealed class HttpStatusException : NewsScraperException
{
    /// <summary>Initializes a new instance of the <see cref="HttpStatusException"/> class.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="url">The URL.</param>
    public HttpStatusException(int statusCode, Uri url)
        : base(ScrapeErrorKind.HttpStatus, $"HTTP {statusCode} from {url}", url)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }
}

/// <summary>The host's circuit is open after repeated failures; the request was not sent.</summary>
public sealed class HostUnavailableException : NewsScraperException
{
    /// <summary>Initializes a new instance of the <see cref="HostUnavailableException"/> class.</summary>
    /// <param name="url">The URL that was not requested.</param>
    /// <param name="closesAt">When the circuit lets a request through again, if known.</param>
    /// <param name="innerException">The cause.</param>
    public HostUnavailableException(Uri url, DateTimeOffset? closesAt, Exception? innerException = null)
        : base(
            ScrapeErrorKind.HostUnavailable,
            closesAt is { } at ? $"{url.Host} is unavailable: its circuit is open after repeated failures, until {at:u}" : $"{url.Host} is unavailable: its circuit is open after repeated failures",
            url,
            innerException)
    {
        ClosesAt = closesAt;
    }

    /// <summary>Gets when the host's circuit lets a request through again (its half-open probe), if known.</summary>
    public DateTimeOffset? ClosesAt { get; }
}
