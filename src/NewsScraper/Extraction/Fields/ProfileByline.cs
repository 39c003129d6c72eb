using AngleSharp.Dom;

namespace NewsScraper.Extraction.Fields;

/// <summary>The parts of a site's byline line, found by its profile's <see cref="Sites.BylineRule"/>.</summary>
/// <param name="Element">The byline element.</param>
/// <param name="Text">The byline as printed, whitespace-normalised.</param>
/// <param name="AuthorLink">The author or desk link, if any.</param>
/// <param name="Dateline">The dateline part, if any.</param>
internal sealed record ProfileByline(IElement Element, string Text, IElement? AuthorLink, string? Dateline)
{
    /// <summary>Finds the byline of a page by its profile's rule; <see langword="null"/> when the profile has none or it is absent.</summary>
    public static ProfileByline? Find(ExtractionContext context)
    {
        var rule = context.Profile.Byline;
        if (rule is null)
        {
            return null;
        }

        IElement? byline = null;
        foreach (var candidate in context.SelectAll(rule.Selector))
        {
            var text = candidate.TextContent;
            if (text.Length > 600 || (rule.AnchorText is not null && !text.Contains(rule.AnchorText, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // The innermost candidate wins: an outer div that merely contains the byline is not it.
            if (byline is null || byline.Contains(candidate))
            {
                byline = candidate;
            }
        }

        if (byline is null)
        {
            return null;
        }

        var authorLink = context.SelectFirst(rule.AuthorLinkSelector, byline);
        if (authorLink is not null && rule.AnchorText is not null && authorLink.TextContent.Contains(rule.AnchorText, StringComparison.OrdinalIgnoreCase))
        {
            authorLink = null;
        }

        return new ProfileByline(byline, Dom.VisibleText(byline), authorLink, FindDateline(context, byline, authorLink));
    }

    private static string? FindDateline(ExtractionContext context, IElement byline, IElement? authorLink)
    {
        var rule = context.Profile.Byline!;
        if (context.SelectFirst(rule.DatelineSelector, byline) is { } marked)
        {
            return Internal.Text.NullIfEmpty(Dom.VisibleText(marked));
        }

        // Without a marked dateline: the first plain part after the author that is not a divider or a time.
        var dividers = context.SelectAll(rule.DividerSelector, byline);
        var passedAuthor = authorLink is null;
        foreach (var child in byline.Children)
        {
            if (dividers.Contains(child) || Dom.IsHidden(child))
            {
                continue;
            }

            if (authorLink is not null && (child == authorLink || child.Contains(authorLink)))
            {
                passedAuthor = true;
                continue;
            }

            var text = Dom.VisibleText(child);
            if (!passedAuthor || text.Length == 0)
            {
                continue;
            }

            if (text.Contains(':', StringComparison.Ordinal) || text.Any(char.IsDigit) || text.Length > 60)
            {
                return null;
            }

            return text;
        }

        return null;
    }
}
