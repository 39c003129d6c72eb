namespace NewsScraper.Sites;

/// <summary>
/// What NewsScraper knows about one site: plain data (hosts, CSS selectors and a few typed rules).
/// A profile only sharpens the generic path: where one of its selectors finds nothing, the generic sources still run.
/// </summary>
public sealed record SiteProfile
{
    /// <summary>Gets the profile's name, reported as <see cref="NewsArticle.Extractor"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the hosts the profile applies to; a host also matches its subdomains.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>Gets the site's name, when the page does not say it better.</summary>
    public string? SiteName { get; init; }

    /// <summary>Gets the site's home country (ISO 3166-1 alpha-2, e.g. <c>IN</c>), used to resolve zone abbreviations.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the site's time zone (IANA id, e.g. <c>Asia/Kolkata</c>), used when a printed time has no zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Gets the .NET date formats of the site's visible dates (e.g. <c>dd-MM-yyyy HH:mm</c>).</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether the site's structured data (JSON-LD, <c>meta itemprop</c>) prints the right wall-clock
    /// time with a wrong offset; when the visible time agrees on the wall clock, the visible zone wins and the correction is recorded.
    /// </summary>
    public bool StructuredDataOffsetUnreliable { get; init; }

    /// <summary>Gets the selector of the headline.</summary>
    public string? HeadlineSelector { get; init; }

    /// <summary>Gets the selector of the summary (standfirst, sub-title).</summary>
    public string? SummarySelector { get; init; }

    /// <summary>Gets a regular expression for boilerplate descriptions that are not a summary.</summary>
    public string? SummaryRejectPattern { get; init; }

    /// <summary>Gets the selector of the element that holds the article body.</summary>
    public string? BodySelector { get; init; }

    /// <summary>Gets the selectors of elements that are never body text (cards, related lists, comments).</summary>
    public IReadOnlyList<string> RemoveSelectors { get; init; } = [];

    /// <summary>Gets the rule that finds and reads the byline line.</summary>
    public BylineRule? Byline { get; init; }

    /// <summary>Gets the selector of the image figures of the article.</summary>
    public string? ImageSelector { get; init; }

    /// <summary>Gets the selector of an image's caption, relative to its figure.</summary>
    public string? ImageCaptionSelector { get; init; }

    /// <summary>Gets the selector of a placeholder figure that means "this article has no image".</summary>
    public string? NoImageSelector { get; init; }

    /// <summary>Gets the selector of the country names the article is filed under.</summary>
    public string? CountriesSelector { get; init; }

    /// <summary>Gets the selector of the article's tag links.</summary>
    public string? TagsSelector { get; init; }

    /// <summary>Gets the trending modules of the site's pages.</summary>
    public IReadOnlyList<TrendingModuleRule> TrendingModules { get; init; } = [];
}

/// <summary>How to find and read a site's byline line.</summary>
public sealed record BylineRule
{
    /// <summary>Gets the selector of candidate elements; the innermost one whose text contains <see cref="AnchorText"/> is the byline.</summary>
    public required string Selector { get; init; }

    /// <summary>Gets the text the byline always contains (e.g. <c>Updated:</c>), or <see langword="null"/> to take the first match.</summary>
    public string? AnchorText { get; init; }

    /// <summary>Gets the selector of separator elements inside the byline (e.g. <c>span.list-divider</c>).</summary>
    public string? DividerSelector { get; init; }

    /// <summary>Gets the selector of the byline's author or desk link.</summary>
    public string? AuthorLinkSelector { get; init; }

    /// <summary>Gets the link path prefixes that mark a person (e.g. a blog author's page).</summary>
    public IReadOnlyList<string> PersonLinkPrefixes { get; init; } = [];

    /// <summary>Gets the organisations that are wire agencies, whose name also becomes the dateline's agency.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    /// <summary>Gets the selector of the dateline inside the byline; without it the first plain part after the author is used.</summary>
    public string? DatelineSelector { get; init; }

    /// <summary>Gets the regular expression that finds the published time in the byline; group <c>date</c> holds it.</summary>
    public string? PublishedPattern { get; init; }

    /// <summary>Gets the regular expression that finds the updated time in the byline; group <c>date</c> holds it.</summary>
    public string? UpdatedPattern { get; init; }
}

/// <summary>How to read one trending module of a site.</summary>
public sealed record TrendingModuleRule
{
    /// <summary>Gets the selector of candidate module elements.</summary>
    public required string ModuleSelector { get; init; }

    /// <summary>Gets the selector of the module's heading, relative to the module.</summary>
    public required string HeadingSelector { get; init; }

    /// <summary>Gets the regular expression the heading text must match (case-insensitive).</summary>
    public required string HeadingPattern { get; init; }

    /// <summary>Gets the selector of the module's items, relative to the module.</summary>
    public required string ItemSelector { get; init; }

    /// <summary>Gets the selector of an item's link, relative to the item.</summary>
    public required string LinkSelector { get; init; }

    /// <summary>Gets the selector of an item's rank, relative to the item.</summary>
    public string? RankSelector { get; init; }

    /// <summary>Gets the selector of an item's category, relative to the item.</summary>
    public string? CategorySelector { get; init; }
}
