using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Trending modules on any site, found by their label: a short heading or label whose wording ranks articles by
/// popularity ("Most Read", "Trending Now", "Most Popular", "Top Stories", "What's Hot", "Meistgelesen", "Les plus lus",
/// "Lo más leído", ...). The module is the nearest container around the label that holds at least two headline links;
/// its items are those links in page order, one per URL, titled by the link's visible text (its <c>title</c> attribute
/// where the text is cut) without rank numbers, times or comment counts. Navigation menus and keyword bars (items of
/// one to three words) are not modules; a module the saved page leaves empty yields nothing.
/// </summary>
internal static partial class GenericTrending
{
    private const int MaxLabelLength = 60;
    private const int MaxItemsPerModule = 30;
    private const int MaxModules = 8;

    public static IReadOnlyList<TrendingLink> Extract(ExtractionContext context)
    {
        var links = new List<TrendingLink>();
        var modules = new List<(string Label, HashSet<string> Urls, IElement Container)>();
        IElement? lastLabel = null;

        // Buttons are not text to the page's facts; a tab set drawn with buttons is read after the rest.
        var buttonTabs = context.Document.QuerySelectorAll("button[aria-controls], button[data-target], button[data-bs-target], button[data-tab]");
        foreach (var element in context.Facts.Elements.Concat(buttonTabs))
        {
            if (modules.Count >= MaxModules)
            {
                break;
            }

            if (lastLabel is not null && lastLabel.Contains(element))
            {
                continue;
            }

            if (LabelOf(context, element) is not { } label)
            {
                continue;
            }

            lastLabel = element;
            if ((TabPane(context, element) ?? FindModule(context, element)) is not { } module)
            {
                continue;
            }

            var items = ReadItems(context, module, element);
            if (items.Count < 2 || LooksLikeKeywordBar(items))
            {
                continue;
            }

            // A repeated module (a responsive copy with the same label and links) is recorded once.
            var urls = items.Select(i => i.Url).ToHashSet(StringComparer.Ordinal);
            if (modules.Exists(m => m.Container == module || (string.Equals(m.Label, label, StringComparison.OrdinalIgnoreCase) && m.Urls.SetEquals(urls))))
            {
                continue;
            }

            modules.Add((label, urls, module));
            var rank = 0;
            foreach (var (title, url, category) in items)
            {
                links.Add(new TrendingLink(++rank, title, url, category, label));
            }
        }

        if (links.Count > 0)
        {
            context.Record("trending", "dom:trending-label");
        }

        return links;
    }

    /// <summary>The element's text when it is a trending label: short, worded like one, not a link in a menu.</summary>
    private static string? LabelOf(ExtractionContext context, IElement element)
    {
        // A tab of a tab set ("Latest | Most Read"): its pane is the module (see TabPane).
        if (element.LocalName is "a" or "button" or "li" && IsTab(element) && Dom.ClosestTag(element, "select") is null)
        {
            return AsLabel(Dom.VisibleText(element));
        }

        // A tab bound to its pane by order alone (the label's wording first: it is the cheap test).
        if (element.LocalName is "li" && context.Facts[element].TextLength is >= 3 and <= MaxLabelLength
            && AsLabel(Dom.VisibleText(element)) is { } ordered && PaneByOrder(element) is not null)
        {
            return ordered;
        }

        // A label drawn as an image or an icon: its alt, aria-label or title.
        if (element.LocalName is "img" or "div" or "section" or "span" or "h2" or "h3" or "h4" && context.Facts[element].TextLength < 3
            && (element.Attr("alt") ?? element.Attr("aria-label") ?? (element.LocalName == "img" ? element.Attr("title") : null)) is { Length: >= 3 and <= MaxLabelLength } drawn
            && Dom.ClosestTag(element, "nav", "menu", "a", "select") is null && LabelRegex().IsMatch(Text.Normalize(drawn)))
        {
            return Text.Normalize(drawn).TrimEnd(':', ' ');
        }

        var facts = context.Facts[element];
        if (facts.TextLength is < 3 or > MaxLabelLength)
        {
            return null;
        }

        // A label that links to the module's own page ("<div class=section-header><a href=/trending/>Most Read</a></div>").
        // (Lengths from the page's facts first: a page of many links must not read its text once per link.)
        if (element.LocalName is "a" && element.ParentElement is { } holder && holder.LocalName is not ("li" or "nav")
            && context.Facts[holder].TextLength == facts.TextLength
            && Dom.ClosestTag(holder, "nav", "menu", "li", "select") is null)
        {
            var linked = Text.Normalize(Dom.VisibleText(element));
            return linked.Length is >= 3 and <= MaxLabelLength && LabelRegex().IsMatch(linked) ? linked.TrimEnd(':', ' ') : null;
        }

        if (element.LocalName is "a" or "li" or "option" or "ul" or "ol" || Dom.ClosestTag(element, "nav", "menu", "a", "select") is not null)
        {
            return null;
        }

        // The label element holds the words itself (its own text, or one inline child), not a list of links.
        if (facts.LinkLength > facts.TextLength / 2)
        {
            return null;
        }

        return AsLabel(element.TextContent);
    }

    /// <summary>The text as a label ("Most Read", "Trending:" without its colon) when it is worded like one, else <see langword="null"/>.</summary>
    private static string? AsLabel(string raw)
    {
        var text = Text.Normalize(raw).TrimEnd(':', ' ');
        return text.Length is >= 3 and <= MaxLabelLength && LabelRegex().IsMatch(text) ? text : null;
    }

    /// <summary>
    /// Whether an element is a tab bound to a pane: <c>role=tab</c>, <c>aria-controls</c>, a <c>data-target</c> /
    /// <c>data-tab</c> / <c>data-bs-target</c> naming the pane, or a link to an id on the page (<c>href="#mostread"</c>);
    /// a list item counts through the link or button it holds.
    /// </summary>
    private static bool IsTab(IElement element)
    {
        var tab = element.LocalName is "li" ? element.QuerySelector("a, button") ?? element : element;
        return PaneId(tab) is not null;
    }

    private static string? PaneId(IElement tab)
    {
        if (tab.LocalName is "li" && tab.QuerySelector("a, button") is { } inner)
        {
            tab = inner;
        }

        var id = tab.Attr("aria-controls") ?? tab.Attr("data-target") ?? tab.Attr("data-bs-target") ?? tab.Attr("data-tab")
            ?? (tab.Attr("href") is { Length: > 1 } href && href[0] == '#' ? href : null);
        id = id?.Trim().TrimStart('#');
        return string.IsNullOrEmpty(id) || id.Contains(' ', StringComparison.Ordinal) ? null : id;
    }

    /// <summary>The pane a tab shows: the element with the id it names, when that pane holds headline links.</summary>
    private static IElement? TabPane(ExtractionContext context, IElement label)
    {
        var pane = IsTab(label) && PaneId(label) is { } id ? context.Document.GetElementById(id) : PaneByOrder(label);
        if (pane is null || pane.Contains(label) || label.Contains(pane))
        {
            return null;
        }

        var count = 0;
        foreach (var link in pane.QuerySelectorAll("a[href]"))
        {
            if (IsHeadlineLink(link) && ++count >= 2)
            {
                return pane;
            }
        }

        return null;
    }

    /// <summary>
    /// The pane of a tab bound by order alone: the tab is the i-th item of a list marked as tabs (a class or id with
    /// "tab", or <c>role=tablist</c>), and the element right after that list holds as many panes as there are tabs.
    /// </summary>
    private static IElement? PaneByOrder(IElement tab)
    {
        var item = tab.LocalName is "li" ? tab : tab.ParentElement is { LocalName: "li" } parent ? parent : tab;
        if (item.ParentElement is not { } list || list.ChildElementCount is < 2 or > 12
            || !(string.Equals(list.Attr("role"), "tablist", StringComparison.OrdinalIgnoreCase) || TabListRegex().IsMatch(Dom.ClassAndId(list))))
        {
            return null;
        }

        var holder = list.NextElementSibling ?? list.ParentElement?.NextElementSibling;
        if (holder is null || holder.ChildElementCount != list.ChildElementCount)
        {
            return null;
        }

        var index = list.Children.Index(item);
        return index >= 0 ? holder.Children[index] : null;
    }

    /// <summary>The nearest ancestor of the label that holds at least two headline links outside the label.</summary>
    private static IElement? FindModule(ExtractionContext context, IElement label)
    {
        var current = label;
        for (var level = 0; level < 5 && current.ParentElement is { } parent && parent.LocalName is not ("body" or "html"); level++)
        {
            current = parent;
            var count = 0;
            foreach (var link in current.QuerySelectorAll("a[href]"))
            {
                if (!label.Contains(link) && IsHeadlineLink(link) && ++count >= 2)
                {
                    return current;
                }
            }
        }

        return null;
    }

    private static List<(string Title, string Url, string? Category)> ReadItems(ExtractionContext context, IElement module, IElement label)
    {
        var items = new List<(string Title, string Url, string? Category)>();
        var labelSeen = false;
        var nextHeading = NextHeading(module, label);
        foreach (var link in module.QuerySelectorAll("a[href]"))
        {
            if (items.Count >= MaxItemsPerModule)
            {
                break;
            }

            // Items follow their label; links before it belong to something else.
            if (!labelSeen)
            {
                labelSeen = (label.CompareDocumentPosition(link) & DocumentPositions.Following) != 0;
                if (!labelSeen)
                {
                    continue;
                }
            }

            // The next heading after the label starts another module: items end there.
            if (nextHeading is not null && (nextHeading.CompareDocumentPosition(link) & DocumentPositions.Following) != 0)
            {
                break;
            }

            // Links in the site's menu are not items; a nav inside the module is the module's own list ("Trending:" bars).
            if (label.Contains(link) || (Dom.ClosestTag(link, "nav") is { } nav && !module.Contains(nav)) || Dom.IsHidden(link)
                || NotAnItemHrefRegex().IsMatch(link.Attr("href") ?? string.Empty))
            {
                continue;
            }

            var url = context.Absolute(link.Attr("href"));
            if (url is null)
            {
                continue;
            }

            var title = TitleOf(link);
            var index = items.FindIndex(i => i.Url == url);
            if (index >= 0)
            {
                // A title and an image that link to the same URL are one item; keep the longer title.
                if (title is not null && title.Length > items[index].Title.Length)
                {
                    items[index] = (title, url, items[index].Category);
                }

                continue;
            }

            if (title is null || !IsHeadline(title, link.Attr("href")))
            {
                continue;
            }

            items.Add((title, url, CategoryOf(link)));
        }

        return items;
    }

    /// <summary>The first heading in the module after the label (and not inside a link), or <see langword="null"/>.</summary>
    private static IElement? NextHeading(IElement module, IElement label)
    {
        foreach (var heading in module.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
        {
            // A heading that holds a link is an item's title, not the next module's heading.
            if (heading != label && !label.Contains(heading) && !heading.Contains(label) && Dom.ClosestTag(heading, "a") is null
                && heading.QuerySelector("a[href]") is null && (label.CompareDocumentPosition(heading) & DocumentPositions.Following) != 0)
            {
                return heading;
            }
        }

        return null;
    }

    private static bool IsHeadlineLink(IElement link) =>
        TitleOf(link) is { } title && IsHeadline(title, link.Attr("href")) && !NotAnItemHrefRegex().IsMatch(link.Attr("href") ?? string.Empty);

    /// <summary>
    /// A headline: three words and twelve characters, or a shorter title ("Storm hits coast") that links to an article
    /// (a slug of several words, a long numeric id, a date in the path); a short title linking to a section is a keyword.
    /// </summary>
    private static bool IsHeadline(string title, string? href) =>
        !NotAHeadlineRegex().IsMatch(title)
        && ((title.Length >= 12 && Text.CountWords(title) >= 3) || (title.Length >= 5 && Text.CountWords(title) >= 2 && IsArticleAddress(href)));

    /// <summary>Whether a link's address names an article rather than a section or tag page.</summary>
    private static bool IsArticleAddress(string? href)
    {
        if (href is null)
        {
            return false;
        }

        if (ArticleAddressRegex().IsMatch(href))
        {
            return true;
        }

        var path = href.AsSpan();
        var cut = path.IndexOfAny('?', '#');
        path = (cut >= 0 ? path[..cut] : path).TrimEnd('/');
        var slug = path[(path.LastIndexOf('/') + 1)..];
        return slug.Count('-') + slug.Count('_') >= 2;
    }

    /// <summary>The link's headline: its visible text (a headline child when it has one) without rank numbers, times or comment counts; its title attribute where the text is cut.</summary>
    private static string? TitleOf(IElement link)
    {
        var headline = link.QuerySelector("h2, h3, h4, h5, [class*='title'], [class*='headline'], [class*='hed']") ?? FirstTextBlock(link);
        var text = Text.Normalize(TextWithoutRank(headline ?? link));
        var attribute = Text.Normalize(link.Attr("title"));
        if ((text.Length == 0 || text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('\u2026')) && attribute.Length > 0)
        {
            text = attribute;
        }

        text = CleanRegex().Replace(text, string.Empty).Trim();
        return text.Length > 0 ? text : null;
    }

    /// <summary>When a link holds a title and a summary as separate elements, the first is the title.</summary>
    private static IElement? FirstTextBlock(IElement link, int depth = 0)
    {
        IElement? first = null;
        var blocks = 0;
        foreach (var child in link.Children)
        {
            // Visible text only: an image wrapper's script template ("text/template-picture") is not a title.
            if (Dom.VisibleText(child, 40).Length >= 15)
            {
                first ??= child;
                blocks++;
            }
        }

        // One child holds all the text (an image wrapper beside a body of title and summary): look inside it.
        return blocks >= 2 ? first : blocks == 1 && depth < 3 ? FirstTextBlock(first!, depth + 1) : null;
    }

    /// <summary>The visible text, leaving out child elements that only hold a rank number.</summary>
    private static string TextWithoutRank(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && builder.Length < 400)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                builder.Append(text.Data);
                continue;
            }

            if (node is not IElement el || (el != element && (Dom.IsNeverText(el) || Dom.IsHidden(el) || RankOnlyRegex().IsMatch(el.TextContent))))
            {
                continue;
            }

            builder.Append(' ');
            for (var i = el.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(el.ChildNodes[i]);
            }
        }

        return builder.ToString();
    }

    private static string? CategoryOf(IElement link)
    {
        var item = Dom.ClosestTag(link, "li", "article") ?? link.ParentElement;
        if (item?.QuerySelector("[class*='category'], [class*='kicker'], [class*='eyebrow'], [class*='section-name']") is { } category
            && !category.Contains(link))
        {
            var text = Text.Normalize(Dom.VisibleText(category, 60));
            return text.Length is > 0 and <= 40 ? text : null;
        }

        return null;
    }

    /// <summary>Topic and keyword bars: the median item is four words or fewer (headlines are longer).</summary>
    private static bool LooksLikeKeywordBar(List<(string Title, string Url, string? Category)> items)
    {
        var words = items.Select(i => Text.CountWords(i.Title)).Order().ToList();
        return words[words.Count / 2] <= 4;
    }

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:most|mostly)\s+(?:read|viewed|popular|shared|e-?mailed|commented|discussed|clicked)\b[^|]{0,40}|(?:top\s+)?trending(?:\s+(?:now|today|this\s+week|stories|articles|news|posts|on\b[^|]{1,30}|in\b[^|]{1,30}))?|popular(?:\s+(?:now|today|right\s+now|this\s+week|stories|articles|posts|news|reads|on\b[^|]{1,30}))?|(?:[\p{L}.]+\s+){0,3}top\s+(?:stories|news)|what'?s\s+(?:hot|trending|popular)(?:\s+now)?|hot\s+(?:right\s+now|stories|news)|meist\s?gelesen\w*|meistgeklickt\w*|les\s+plus\s+(?:lus|populaires|partag[ée]s)|(?:(?:lo|las|los)\s+)?m[áa]s\s+(?:le[íi]d[oa]s?|vist[oa]s?|populares|compartid[oa]s)|pi[ùu]\s+(?:lett[ie]|vist[ie]|popolari)|mais\s+(?:lid[oa]s|vist[oa]s|populares)|meest\s+(?:gelezen|bekeken)|am\s+meisten\s+gelesen|mest\s+(?:lest|leste|lästa?|læste|delt|delade|sedd|sette)|najczęściej\s+(?:czytane|komentowane)|najpopularniejsze|nejčtenější|en\s+çok\s+(?:okunan(?:lar)?|izlenen(?:ler)?)|самое\s+(?:читаемое|популярное)|популярное|人気記事|人気(?:の)?ニュース|アクセスランキング|よく読まれている記事|[热熱]门(?:文章|新闻)?|熱門(?:文章|新聞)?|排行榜?|많이\s*본\s*(?:뉴스|기사)|인기\s*(?:기사|뉴스))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();

    // Section, author, tag, comment and feed links are not items.
    [GeneratedRegex(@"/(?:author|authors|tag|tags|topic|topics|category|categories|section|sections|profile|people)/[^/]*/?$|#comments?\b|[?&](?:replytocom|share)=|\.(?:rss|xml)$|/(?:rss|feed)/?$|^(?:mailto|tel|javascript):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAnItemHrefRegex();

    [GeneratedRegex(@"(?:^|[\s_-])tabs?(?:$|[\s_-])|tab-?list|tabs-?nav|tab-?nav", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TabListRegex();

    [GeneratedRegex(@"^(?:see|view|show|read|load)\s+(?:all|more)\b|^more\s+(?:stories|news|from)\b|^(?:next|previous|prev)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAHeadlineRegex();

    [GeneratedRegex(@"^\s*#?\d{1,3}\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RankOnlyRegex();

    // An article's address (besides a slug of three or more words): a numeric id of five or more digits, or a date in the path.
    [GeneratedRegex(@"\d{5,}|/(?:19|20)\d{2}/\d{1,2}/", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleAddressRegex();

    // Rank numbers written before the title ("1. ", "#2 "); comment counts and times after it.
    [GeneratedRegex(@"^\s*(?:#\d{1,2}|\d{1,2}[.)])\s+(?=\S)|(?<!\s)(?:\s+-\s+\d+|\s*\(\d+\)|\s+\d+\s+(?:comments?|min(?:ute)?s?\s+read)|\s+\d+\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)\s+ago)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CleanRegex();
}
