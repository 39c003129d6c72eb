namespace NewsScraper.Fetching;

/// <summary>A page could not be fetched or extracted; <see cref="Kind"/> says why.</summary>
public class NewsScraperException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    public NewsScraperException()
        : this(FetchErrorKind.Extraction, "The page could not be scraped.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="message">The message.</param>
    public NewsScraperException(string message)
        : this(FetchErrorKind.Extraction, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NewsScraperException(string message, Exception innerException)
        : this(FetchErrorKind.Extraction, message, null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="kind">Why the page failed.</param>
    /// <param name="message">The message.</param>
    /// <param name="url">The URL concerned.</param>
    /// <param name="innerException">The cause.</param>
    public NewsScraperException(FetchErrorKind kind, string message, Uri? url = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Url = url;
    }

    /// <summary>Gets why the page failed.</summary>
    public FetchErrorKind Kind { get; }

    /// <summary>Gets the URL concerned, if any.</summary>
    public Uri? Url { get; }
}

/// <summary>The server answered with an error status.</summary>
public sealed class HttpStatusException : NewsScraperException
{
    /// <summary>Initializes a new instance of the <see cref="HttpStatusException"/> class.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="url">The URL.</param>
    public HttpStatusException(int statusCode, Uri url)
        : base(FetchErrorKind.HttpStatus, $"HTTP {statusCode} from {url}", url)
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
            FetchErrorKind.HostUnavailable,
            closesAt is { } at ? $"{url.Host} is unavailable: its circuit is open after repeated failures, until {at:u}" : $"{url.Host} is unavailable: its circuit is open after repeated failures",
            url,
            innerException)
    {
        ClosesAt = closesAt;
    }

    /// <summary>Gets when the host's circuit lets a request through again (its half-open probe), if known.</summary>
    public DateTimeOffset? ClosesAt { get; }
}
