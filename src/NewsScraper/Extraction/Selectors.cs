namespace NewsScraper.Extraction;

/// <summary>
/// Every generic selector in one place, as ordered lists: earlier entries are more specific and win.
/// Site profiles add their own selectors in front of these.
/// </summary>
internal static class Selectors
{
    /// <summary>Containers that hold the article body on many sites, most specific first.</summary>
    public static readonly string[] BodyContainers =
    [
        "[itemprop='articleBody']",
        "[data-component='text-block'], [data-testid='article-body']",
        ".article-body, .article__body, .articleBody, .article-content, .article__content, .articleContent",
        ".story-body, .story__body, .storyBody, .story-content, .story-text",
        ".entry-content, .post-content, .post-body, .post__content, .single-content",
        ".content-body, .body-text, .article-text, .news-content, .main-content-body",
        "article",
        "main, [role='main']",
    ];

    /// <summary>Tags whose content is never article body.</summary>
    public static readonly HashSet<string> NonBodyTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "header", "figure", "figcaption", "form", "h1", "dialog", "menu",
    };

    /// <summary>The page's headline elements, most specific first.</summary>
    public static readonly string[] Headlines =
    [
        "article h1", "main h1", "[itemprop='headline']", "h1",
    ];

    /// <summary>Elements that print author names.</summary>
    public static readonly string[] Authors =
    [
        "[itemprop='author'] [itemprop='name']", "[itemprop='author']", "[rel='author']", "a[href*='/author/']",
        ".byline__name, .byline-name, .author-name, .author__name, .article-author, .c-byline__author, .byline a",
        ".byline, .author",
    ];

    /// <summary>Elements that carry a machine-readable publication time.</summary>
    public static readonly string[] PublishedTimes =
    [
        "time[pubdate]", "time[itemprop='datePublished']", "[itemprop='datePublished'][datetime]",
        "article time[datetime]", "time[datetime]",
    ];
}
