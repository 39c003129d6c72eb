using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// The headline: the profile's selector; else the page's <c>h1</c> when a structured title (JSON-LD, <c>og:title</c>,
/// <c>&lt;title&gt;</c>) confirms it; else the structured titles with site names and section labels cut off.
/// </summary>
internal static partial class HeadlineExtractor
{
    /// <summary>A kicker that belongs to the headline is at most this long and this many words.</summary>
    private const int MaxKickerLength = 80;

    private const int MaxKickerWords = 8;

    public static string? Extract(ExtractionContext context, string? siteName)
    {
        if (context.SelectFirst(context.Profile.HeadlineSelector) is { } profiled
            && Text.NullIfEmpty(Dom.VisibleText(profiled)) is { } profiledText)
        {
            context.HeadlineElement = profiled;
            context.Record("headline", $"selector:{context.Profile.HeadlineSelector}");
            return profiledText;
        }

        var structured = new List<(string Text, string Source)>();
        if (JsonLdData.GetString(context.JsonLd.Article, "headline") is { } ld)
        {
            structured.Add((ld, "json-ld:headline"));
        }

        if (context.Meta.First("og:title", "twitter:title", "dc.title", "DC.title", "parsely-title", "sailthru.title") is { } meta)
        {
            structured.Add((meta.Value, $"meta:{meta.Name}"));
        }

        if (context.Document.Title is { } title && Text.NullIfEmpty(Text.Normalize(title)) is { } titleText)
        {
            structured.Add((titleText, "title"));
        }

        var h1 = FindH1(context);
        if (h1 is not null && IsSearchEngineCopy(h1.Value.Element) && FindShownHeading(context, h1.Value.Element, structured) is { } shown
            && LettersOf(shown.Text) != LettersOf(h1.Value.Text))
        {
            // An h1 in the breadcrumb trail (or marked as a search-engine title) while the article's header shows its
            // headline in another heading, often under a kicker ("Stromausfall in Berlin" above "Ampeln tot, ..."): the
            // reader's headline is the one shown, without its kicker.
            context.HeadlineElement = shown.Element;
            context.Record("headline", "dom:article heading (the h1 is a breadcrumb copy)");
            return shown.Text;
        }

        context.HeadlineElement = h1?.Element;
        if (h1 is not null)
        {
            foreach (var (text, _) in structured)
            {
                // The h1 wins when a structured title is the h1, or the h1 plus a site suffix or prefix.
                if (Confirms(text, h1.Value.Text))
                {
                    if (PrintedKicker(context, h1.Value.Text, h1.Value.Element, structured, siteName) is { } kicker)
                    {
                        context.Record("headline", $"{h1.Value.Source} (with the kicker printed above it, as {kicker.Source} writes them)");
                        return $"{kicker.Text}: {h1.Value.Text}";
                    }

                    context.Record("headline", h1.Value.Source);
                    return h1.Value.Text;
                }
            }
        }

        foreach (var (text, source) in structured)
        {
            var cleaned = Clean(text, siteName);
            if (cleaned is not null && !IsSiteName(cleaned, siteName))
            {
                context.HeadlineElement ??= FindPrinted(context, cleaned);
                context.Record("headline", source == "json-ld:headline" ? source : $"{source} (site name removed)");
                return cleaned;
            }
        }

        if (h1 is not null)
        {
            context.Record("headline", h1.Value.Source);
            return h1.Value.Text;
        }

        return null;
    }

    /// <summary>
    /// A "Topic: Headline" title: a structured title that is a short kicker, a colon and the headline, where the page prints
    /// that kicker as its own element (the element just before the headline, or one classed as a kicker or overline). The
    /// kicker then belongs to the headline as the publisher titles it ("Kenia" over "Nairobi von unten", titled "Kenia:
    /// Nairobi von unten"). A prefix the page does not print that way is a site or section label and stays out.
    /// </summary>
    private static (string Text, string Source)? PrintedKicker(
        ExtractionContext context, string headline, IElement headlineElement, List<(string Text, string Source)> structured, string? siteName)
    {
        var foldedHeadline = ": " + Text.Fold(headline);
        foreach (var (text, source) in structured)
        {
            var title = Text.Normalize(text);
            var at = Text.Fold(title).IndexOf(foldedHeadline, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var kicker = title[..at].Trim();
            if (kicker.Length > MaxKickerLength || Text.CountWords(kicker) > MaxKickerWords || IsSiteName(kicker, siteName)
                || kicker.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (PrintsKicker(context, headlineElement, Text.Fold(kicker)))
            {
                return (kicker, source);
            }
        }

        return null;
    }

    private static bool PrintsKicker(ExtractionContext context, IElement headlineElement, string foldedKicker)
    {
        if (headlineElement.PreviousElementSibling is { } previous && Shows(previous))
        {
            return true;
        }

        if (context.Document.Body is not { } body)
        {
            return false;
        }

        foreach (var element in body.QuerySelectorAll("[class], [id]"))
        {
            var hints = Dom.ClassAndId(element);
            if (KickerClassRegex().IsMatch(hints) && (Shows(element) || element.Children.Any(Shows)))
            {
                return true;
            }
        }

        return false;

        bool Shows(IElement element) =>
            element.TextContent.Length < MaxKickerLength * 3 && !Dom.IsHidden(element) && Dom.ClosestTag(element, "a", "nav") is null
            && Text.Fold(Dom.VisibleText(element)) == foldedKicker;
    }

    /// <summary>Whether a structured title is the h1, or the h1 with a site suffix or prefix.</summary>
    private static bool Confirms(string structuredTitle, string h1)
    {
        var folded = Text.Fold(h1);
        return folded.Length >= 10 && Text.Fold(structuredTitle).Contains(folded, StringComparison.Ordinal);
    }

    /// <summary>Cuts site names and section labels glued before or after a title (" | Site", "Site: ", " - Site").</summary>
    public static string? Clean(string title, string? siteName)
    {
        var text = Text.Normalize(title);
        if (text.Length == 0)
        {
            return null;
        }

        // "Site: Title" and "Site - Title": a leading site name goes first, with whatever separator follows it.
        if (siteName is not null && text.StartsWith(siteName, StringComparison.OrdinalIgnoreCase) && text.Length > siteName.Length + 3
            && text[siteName.Length] is ':' or ' ' or '|')
        {
            var rest = text[siteName.Length..].TrimStart(' ', ':', '|', '-', '\u2013', '\u2014');
            if (rest.Length > 0 && rest.Length < text.Length - siteName.Length)
            {
                text = rest;
            }
        }

        var parts = SeparatorRegex().Split(text);
        if (parts.Length == 1)
        {
            return text;
        }

        var kept = new List<string>();
        foreach (var part in parts)
        {
            var p = part.Trim();
            if (p.Length > 0 && !IsSiteName(p, siteName))
            {
                kept.Add(p);
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        // The longest remaining part is the title when the others are short labels ("Headlines", "World News").
        var longest = kept.MaxBy(p => p.Length)!;
        var othersShort = kept.TrueForAll(p => p == longest || Text.CountWords(p) <= 3);
        if (kept.Count == 1 || othersShort)
        {
            return longest;
        }

        return string.Join(" - ", kept);
    }

    private static bool IsSiteName(string text, string? siteName)
    {
        if (siteName is null)
        {
            return false;
        }

        var a = Text.Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        var b = Text.Fold(siteName).Replace(" ", string.Empty, StringComparison.Ordinal);
        return a == b || (a.Length <= b.Length + 4 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)) && a.Length > 0);
    }

    /// <summary>
    /// The element that prints a headline found in the structured data (a page without an h1 styles another element as
    /// one): the first text on the page that is the headline, outside links (a link with the title is a teaser elsewhere).
    /// </summary>
    private static IElement? FindPrinted(ExtractionContext context, string headline)
    {
        if (context.Document.Body is not { } body)
        {
            return null;
        }

        var folded = Text.Fold(headline);
        var stack = new Stack<INode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                var data = text.Data;
                if (data.Length >= headline.Length && data.Length <= (headline.Length * 2) + 40 && text.ParentElement is { } parent
                    && Text.Fold(Text.Normalize(data)) == folded)
                {
                    return parent;
                }

                continue;
            }

            if (node is IElement element && (Dom.IsNeverText(element) || element.LocalName is "a" || Dom.IsHidden(element)))
            {
                continue;
            }

            var children = node.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--)
            {
                stack.Push(children[k]);
            }
        }

        return null;
    }

    private static (string Text, string Source, IElement Element)? FindH1(ExtractionContext context)
    {
        // The page's h1 elements are gathered once; "article h1", "main h1" and "h1" are read from them (an ancestor tag
        // check each) instead of three selector queries over the whole document.
        var h1s = context.Document.GetElementsByTagName("h1").ToList();
        foreach (var selector in Selectors.Headlines)
        {
            var candidates = selector switch
            {
                "h1" => h1s,
                "article h1" or "main h1" => h1s.FindAll(h => h.ParentElement is { } parent && Dom.ClosestTag(parent, selector[..selector.IndexOf(' ', StringComparison.Ordinal)]) is not null),
                _ => context.SelectAll(selector),
            };
            foreach (var element in candidates)
            {
                if (Dom.IsHidden(element))
                {
                    continue;
                }

                var text = Dom.VisibleText(element);
                if (text.Length >= 3 && text.Length <= 400)
                {
                    return (text, $"selector:{selector}", element);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The heading that shows the article's headline after a breadcrumb h1: the first h2 (or <c>itemprop=headline</c>)
    /// after it, outside navigation, asides and links, that sits in a header or heading group or is classed as a headline
    /// or title, or that a structured title confirms; its text without kicker elements.
    /// </summary>
    private static (string Text, IElement Element)? FindShownHeading(ExtractionContext context, IElement h1, List<(string Text, string Source)> structured)
    {
        var seen = 0;
        foreach (var heading in context.Document.QuerySelectorAll("h2, [itemprop='headline']"))
        {
            if (heading == h1 || (h1.CompareDocumentPosition(heading) & DocumentPositions.Following) == 0)
            {
                continue;
            }

            if (++seen > 3)
            {
                break;
            }

            if (Dom.IsHidden(heading) || Dom.ClosestTag(heading, "nav", "aside", "footer", "a") is not null)
            {
                continue;
            }

            var text = WithoutKicker(heading);
            if (text.Length is < 10 or > 300 || Text.CountWords(text) < 3)
            {
                continue;
            }

            var placed = heading.ParentElement is { } parent && (Dom.ClosestTag(parent, "header", "hgroup") is not null
                || HeadlineClassRegex().IsMatch(Dom.ClassAndId(heading)));
            if (placed || structured.Exists(s => Confirms(s.Text, text)))
            {
                return (text, heading);
            }
        }

        return null;
    }

    /// <summary>Letters and digits only, case-folded: a kicker printed as its own line is the same headline as "Kicker: Title".</summary>
    private static string LettersOf(string text) => string.Concat(Text.Fold(text).Where(char.IsLetterOrDigit));

    /// <summary>A heading's visible text without its kicker ("Umbau des Weissen Hauses" printed above the title inside the h2).</summary>
    private static string WithoutKicker(IElement heading)
    {
        var builder = new System.Text.StringBuilder();
        Append(heading);
        return Text.Normalize(builder.ToString());

        void Append(IElement element)
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    builder.Append(text.Data);
                }
                else if (child is IElement el && !Dom.IsNeverText(el) && !Dom.IsHidden(el) && !KickerClassRegex().IsMatch(Dom.ClassAndId(el)))
                {
                    builder.Append(' ');
                    Append(el);
                }
            }
        }
    }

    [GeneratedRegex(@"kicker|overline|topline|dachzeile|roofline|eyebrow|spitzmarke|titleheader|title-?header|pretitle|supertitle|rubric", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KickerClassRegex();

    [GeneratedRegex(@"headline|title|heading", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadlineClassRegex();

    /// <summary>
    /// An h1 that may be kept for search engines and screen readers while the page prints its headline elsewhere: one
    /// inside the breadcrumb trail or navigation, or one whose class says so ("seotitle", "sr-only", "visually-hidden").
    /// </summary>
    private static bool IsSearchEngineCopy(IElement h1)
    {
        if (SearchEngineClassRegex().IsMatch(Dom.ClassAndId(h1)))
        {
            return true;
        }

        var depth = 0;
        for (var current = h1.ParentElement; current is not null && depth < 4; current = current.ParentElement, depth++)
        {
            if (current.LocalName is "nav" || BreadcrumbClassRegex().IsMatch(Dom.ClassAndId(current)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"seo-?title|breadcrumb|\bsr-only\b|visually-?hidden|screen-?reader|\ba11y\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SearchEngineClassRegex();

    [GeneratedRegex(@"breadcrumb", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BreadcrumbClassRegex();

    [GeneratedRegex(@"(?<!\s)(?:\s+[|\u2013\u2014\u00B7\u2022:]\s+|\s+-{1,2}\s+|\s*\|\s*|\s+::\s+|\s+/\s+|\s+\u00BB\s+)|^\s*\|\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorRegex();
}
