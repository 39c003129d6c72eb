namespace NewsScraper;

/// <summary>A page could not be fetched or extracted; <see cref="Kind"/> says why.</summary>
public class NewsScraperException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    public NewsScraperException()
        : this(ScrapeErrorKind.Extraction, "The page could not be scraped.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="message">The message.</param>
    public NewsScraperException(string message)
        : this(ScrapeErrorKind.Extraction, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NewsScraperException(string message, Exception innerException)
        : this(ScrapeErrorKind.Extraction, message, null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NewsScraperException"/> class.</summary>
    /// <param name="kind">Why the page failed.</param>
    /// <param name="message">The message.</param>
    /// <param name="url">The URL concerned.</param>
    /// <param name="innerException">The cause.</param>
    public NewsScraperException(ScrapeErrorKind kind, string message, Uri? url = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Url = url;
    }

    /// <summary>Gets why the page failed.</summary>
    public ScrapeErrorKind Kind { get; }

    /// <summary>Gets the URL concerned, if any.</summary>
    public Uri? Url { get; }
}
