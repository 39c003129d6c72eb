namespace NewsScraper.Extraction;

/// <summary>
/// The guard rails of extraction: whatever a server sends, a page costs bounded time and memory. A page over a limit
/// still gives a best-effort record with a warning that says what was cut; only the time limit is an error.
/// </summary>
public sealed class ExtractionLimits
{
    /// <summary>Gets or sets the most bytes of a page that are parsed; the rest is dropped with a warning.</summary>
    /// <value>The default value is 8 MiB (news pages are rarely over 2 MiB; the article is near the top).</value>
    public int MaxInputBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the deepest element nesting kept: start tags deeper than this are dropped before parsing (browsers flatten
    /// such trees too), because the HTML tree builder's cost grows with the square of the depth.
    /// </summary>
    /// <value>The default value is 1,000.</value>
    public int MaxNestingDepth { get; set; } = 1_000;

    /// <summary>Gets or sets the longest one page may take to parse and extract; past it, a <see cref="NewsScraperException"/> of kind <see cref="ScrapeErrorKind.Timeout"/>.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
