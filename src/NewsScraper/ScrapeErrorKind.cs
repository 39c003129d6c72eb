namespace NewsScraper;

/// <summary>
/// Why a page could not be scraped, whether it failed while being fetched, read from disk or extracted; users can switch on it.
/// </summary>
public enum ScrapeErrorKind
{
    /// <summary>The URL is not an absolute http or https URL.</summary>
    InvalidUrl,

    /// <summary>The server answered with an error status.</summary>
    HttpStatus,

    /// <summary>The response is not an HTML or XHTML page.</summary>
    NotHtml,

    /// <summary>The response is larger than the configured cap.</summary>
    TooLarge,

    /// <summary>An attempt, the whole fetch, or the extraction of the page (<see cref="Extraction.ExtractionLimits.Timeout"/>) ran out of time.</summary>
    Timeout,

    /// <summary>The page redirected more often than allowed, or to a refused scheme.</summary>
    TooManyRedirects,

    /// <summary>The host could not be resolved or connected to, or the connection broke.</summary>
    Connection,

    /// <summary>The caller cancelled.</summary>
    Cancelled,

    /// <summary>A saved page could not be read.</summary>
    Io,

    /// <summary>The page was read but extraction failed.</summary>
    Extraction,

    /// <summary>The site's robots.txt does not allow this crawler to fetch the URL.</summary>
    RobotsDisallowed,

    /// <summary>The host resolves to a loopback, private or link-local address and <see cref="NewsScraperOptions.BlockPrivateNetworks"/> is on.</summary>
    BlockedAddress,

    /// <summary>
    /// The host's circuit is open: enough recent requests to it failed (5xx, 408, connection failures, timeouts) that it
    /// is not asked again until the circuit closes (<see cref="Fetching.HostUnavailableException.ClosesAt"/>). Not a fault of the page.
    /// </summary>
    HostUnavailable,
}
