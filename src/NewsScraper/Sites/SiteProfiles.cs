namespace NewsScraper.Sites;

/// <summary>The built-in site profiles.</summary>
public static class SiteProfiles
{
    /// <summary>Gets the profile used for sites with no profile of their own: every selector null, only the generic sources run.</summary>
    public static SiteProfile Generic { get; } = new() { Name = "generic", Hosts = [] };

    /// <summary>
    /// Gets the profile of Devdiscourse (www.devdiscourse.com), the founding site. It is the documented example of a profile.
    /// </summary>
    /// <remarks>
    /// The byline is found by its text ("Updated:"), not its class, so both the 2024 markup (a plain <c>div</c> after
    /// <c>hr.seperator</c>) and the 2026 one (<c>div.metadata</c>) are read. Times are printed "dd-MM-yyyy HH:mm IST"
    /// (India); the JSON-LD and <c>meta itemprop</c> dates carry the server's offset, which can be wrong, so the visible
    /// text wins.
    /// </remarks>
    public static SiteProfile Devdiscourse { get; } = new()
    {
        Name = "devdiscourse",
        Hosts = ["devdiscourse.com"],
        SiteName = "Devdiscourse",
        Country = "IN",
        TimeZone = "Asia/Kolkata",
        DateFormats = ["dd-MM-yyyy HH:mm", "dd-MM-yyyy H:mm", "d-M-yyyy HH:mm"],
        StructuredDataOffsetUnreliable = true,
        HeadlineSelector = "article h1.title, h1.title",
        SummarySelector = "article h2.sub-title, h2.sub-title",
        SummaryRejectPattern = @"^Read more about .* on Devdiscourse\.?$",
        BodySelector = "section.article-cont, div.article-cont",
        RemoveSelectors =
        [
            "#articleAiCard", ".article-ai-card", ".also-container", ".commentbox", "section.commentbox",
            ".comment-btn", ".comments-btn", "button", "figure", ".share-container", ".social-share",
        ],
        Byline = new BylineRule
        {
            Selector = "article div, article p, div.metadata",
            AnchorText = "Updated:",
            DividerSelector = "span.list-divider",
            AuthorLinkSelector = "a",
            PersonLinkPrefixes = ["/Home/AuthorArticles"],
            Agencies = ["PTI", "Reuters", "IANS", "ANI", "UN News", "PR Newswire"],
            DatelineSelector = "span.text-capitalize",
            PublishedPattern = @"Created\s*:\s*(?<date>\d{1,2}-\d{1,2}-\d{4}\s+\d{1,2}:\d{2}(?:\s*[A-Z]{2,5})?)",
            UpdatedPattern = @"Updated\s*:\s*(?<date>\d{1,2}-\d{1,2}-\d{4}\s+\d{1,2}:\d{2}(?:\s*[A-Z]{2,5})?)",
        },
        ImageSelector = "article figure.figure:not(.hidden)",
        ImageCaptionSelector = "figcaption",
        NoImageSelector = "article figure.hidden",
        CountriesSelector = "section.left-section ul.list-inline li.fg-orange, ul.list-inline li.fg-orange",
        TagsSelector = "a.tag[href*='tag=']",
        TrendingModules =
        [
            new TrendingModuleRule
            {
                ModuleSelector = "section",
                HeadingSelector = "h2.section-title3 > span, h2.section-title3",
                HeadingPattern = "^TRENDING$",
                ItemSelector = "div.media",
                LinkSelector = "a.text-decoration[href], a[title][href]",
                RankSelector = "span.trend-number",
                CategorySelector = "small.media-meta",
            },
        ],
    };

    /// <summary>Gets every built-in profile except <see cref="Generic"/>.</summary>
    public static IReadOnlyList<SiteProfile> BuiltIn { get; } = [Devdiscourse];
}
