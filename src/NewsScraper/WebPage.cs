namespace NewsScraper;

/// <summary>
/// A page to extract, fetched or saved: its bytes and what its server said about them. <see cref="Fetching.IPageFetcher"/> returns
/// one; <see cref="FromBytes"/> makes one from a saved page.
/// </summary>
/// <param name="RequestedUrl">The URL that was asked for.</param>
/// <param name="FinalUrl">The URL after redirects; relative links resolve against it and it picks the site profile.</param>
/// <param name="StatusCode">The HTTP status code (200 for a saved page).</param>
/// <param name="ContentType">The <c>Content-Type</c> header, charset included, if known.</param>
/// <param name="Content">The page's bytes, undecoded: the parser finds the charset.</param>
/// <param name="FetchedAt">When the page was fetched; times in the future of it are rejected.</param>
/// <param name="UserAgent">The User-Agent that was sent, if any.</param>
public sealed record WebPage(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    string? ContentType,
    ReadOnlyMemory<byte> Content,
    DateTimeOffset FetchedAt,
    string? UserAgent = null)
{
    /// <summary>
    /// Gets a value indicating whether <see cref="FetchedAt"/> is the real fetch time (relative times such as "2 hours ago"
    /// are read against it only then); <see langword="false"/> for a saved page whose save time is unknown.
    /// </summary>
    public bool FetchedAtIsKnown { get; init; } = true;

    /// <summary>Creates a page from saved bytes.</summary>
    /// <param name="content">The page's bytes.</param>
    /// <param name="url">The page's original address.</param>
    /// <param name="savedAt">When the page was saved, if known; otherwise now.</param>
    /// <param name="contentType">The page's <c>Content-Type</c>, if known.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="url"/> is <see langword="null"/>.</exception>
    public static WebPage FromBytes(ReadOnlyMemory<byte> content, Uri url, DateTimeOffset? savedAt = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new WebPage(url, url, 200, contentType, content, savedAt ?? TimeProvider.System.GetUtcNow())
        {
            FetchedAtIsKnown = savedAt is not null,
        };
    }
}
