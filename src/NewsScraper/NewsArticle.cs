namespace NewsScraper;

/// <summary>
/// One news article page turned into a typed, normalised record.
/// </summary>
/// <remarks>
/// Serialize it with <see cref="Serialization.NewsArticleJson"/> to get the JSON contract (camelCase, nulls kept,
/// instants with their offset). Every populated field names where its value came from in <see cref="Provenance"/>.
/// </remarks>
public sealed record NewsArticle
{
    /// <summary>Gets the final URL of the page (after redirects), or the URL given for a saved page.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the canonical URL (<c>link[rel=canonical]</c> or <c>og:url</c>), absolute.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Gets the name of the site that published the article.</summary>
    public string? SiteName { get; init; }

    /// <summary>Gets the article's language as a BCP 47 tag.</summary>
    public string? Language { get; init; }

    /// <summary>Gets the article's own title, without site names or section labels.</summary>
    public string? Headline { get; init; }

    /// <summary>Gets the standfirst, sub-title or description.</summary>
    public string? Summary { get; init; }

    /// <summary>Gets the people who wrote the article, in page order. Desks and agencies are in <see cref="Byline"/>.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Gets the byline as printed and the desk or agency named in it.</summary>
    public Byline? Byline { get; init; }

    /// <summary>Gets the dateline that opens the story ("LONDON (Reuters) -").</summary>
    public Dateline? Dateline { get; init; }

    /// <summary>Gets the published and updated instants.</summary>
    public ArticleTimestamps Timestamps { get; init; } = ArticleTimestamps.None;

    /// <summary>Gets the article text.</summary>
    public ArticleBody Body { get; init; } = ArticleBody.Empty;

    /// <summary>Gets the notes attached to the article that are not its body (image notices, agency credits, ...).</summary>
    public IReadOnlyList<Disclaimer> Disclaimers { get; init; } = [];

    /// <summary>Gets the items of every trending / most-read module on the page, in page order.</summary>
    public IReadOnlyList<TrendingLink> Trending { get; init; } = [];

    /// <summary>Gets the article's images.</summary>
    public IReadOnlyList<ArticleImage> Images { get; init; } = [];

    /// <summary>Gets the countries the article is filed under.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Gets the article's tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the name of the site profile that produced the record (<c>devdiscourse</c>, <c>generic</c>, ...).</summary>
    public required string Extractor { get; init; }

    /// <summary>Gets, for each populated field, where its value came from (<c>json-ld</c>, <c>meta:og:title</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the problems noticed while extracting (a best-effort record says what it could not do).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Gets how the page was fetched, or <see langword="null"/> for a page extracted from bytes.</summary>
    public FetchInfo? Fetch { get; init; }
}

/// <summary>The byline as printed, and the desk or agency it names.</summary>
/// <param name="Text">The byline as printed.</param>
/// <param name="Organization">The desk or agency named in it ("Devdiscourse News Desk", "Reuters").</param>
public sealed record Byline(string Text, string? Organization);

/// <summary>A dateline: the place (and optionally date and agency) that opens a story.</summary>
/// <param name="Location">The place as printed ("LONDON", "SPRINGFIELD, Ill.").</param>
/// <param name="Agency">The agency named in it ("Reuters"), if any.</param>
/// <param name="Date">The date named in it, with the year taken from the published date, if any.</param>
/// <param name="Text">The dateline exactly as printed.</param>
public sealed record Dateline(string Location, string? Agency, DateOnly? Date, string Text);

/// <summary>The published and updated instants of an article.</summary>
/// <param name="Published">When the article was first published.</param>
/// <param name="Updated">When the article was last updated.</param>
public sealed record ArticleTimestamps(Timestamp? Published, Timestamp? Updated)
{
    /// <summary>Gets an instance with neither instant known.</summary>
    public static ArticleTimestamps None { get; } = new(null, null);
}

/// <summary>One instant read from a page.</summary>
/// <param name="Value">The instant with the offset the page meant.</param>
/// <param name="Text">What the page said.</param>
/// <param name="Source">Where it was read (<c>json-ld:datePublished</c>, <c>meta:article:published_time</c>, ...).</param>
/// <param name="ZoneAssumed"><see langword="true"/> when the page gave no zone and a default was used.</param>
public sealed record Timestamp(DateTimeOffset Value, string Text, string Source, bool ZoneAssumed)
{
    /// <summary>Gets how the value was found: structured data, a printed date, the URL, or a guess from the page's text.</summary>
    public TimestampConfidence Confidence { get; init; }
}

/// <summary>The article text.</summary>
/// <param name="Text">The paragraphs joined by a blank line.</param>
/// <param name="Paragraphs">The paragraphs in order.</param>
public sealed record ArticleBody(string Text, IReadOnlyList<string> Paragraphs)
{
    /// <summary>Gets an empty body.</summary>
    public static ArticleBody Empty { get; } = new(string.Empty, []);

    /// <summary>Creates a body from its paragraphs.</summary>
    /// <param name="paragraphs">The paragraphs in order.</param>
    /// <returns>The body.</returns>
    public static ArticleBody FromParagraphs(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        return paragraphs.Count == 0 ? Empty : new ArticleBody(string.Join("\n\n", paragraphs), paragraphs);
    }
}

/// <summary>A note attached to the article that is not body text.</summary>
/// <param name="Kind">What kind of note it is.</param>
/// <param name="Text">The note's text.</param>
public sealed record Disclaimer(DisclaimerKind Kind, string Text);

/// <summary>One item of a trending / most-read / top-stories module.</summary>
/// <param name="Rank">The item's rank within its module, from 1.</param>
/// <param name="Title">The full title of the linked article.</param>
/// <param name="Url">The absolute URL of the linked article.</param>
/// <param name="Category">The category or region shown with the item, if any.</param>
/// <param name="List">The module's heading as shown ("TRENDING", "Most Read").</param>
public sealed record TrendingLink(int Rank, string Title, string Url, string? Category, string? List);

/// <summary>An image of the article.</summary>
/// <param name="Url">The absolute URL of the image.</param>
/// <param name="Caption">The caption, if any.</param>
/// <param name="Credit">The credit, if any.</param>
public sealed record ArticleImage(string Url, string? Caption, string? Credit);

/// <summary>How a page was fetched.</summary>
/// <param name="RequestedUrl">The URL that was asked for.</param>
/// <param name="StatusCode">The HTTP status code of the final response.</param>
/// <param name="ContentType">The media type of the response.</param>
/// <param name="UserAgent">The User-Agent that was sent (some sites serve crawlers a different page).</param>
/// <param name="FetchedAt">When the response arrived.</param>
public sealed record FetchInfo(string RequestedUrl, int StatusCode, string? ContentType, string? UserAgent, DateTimeOffset FetchedAt);
