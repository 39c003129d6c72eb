using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Internal;
using NewsScraper.Sites;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Trending links: the items of every trending / most-read module the profile describes, in page order, with the
/// full title from the link's <c>title</c> attribute where the visible text is cut; on a site without such rules, the
/// modules <see cref="GenericTrending"/> finds by their labels.
/// </summary>
internal static class TrendingExtractor
{
    private const int MaxItemsPerModule = 50;

    public static IReadOnlyList<TrendingLink> Extract(ExtractionContext context)
    {
        if (context.Profile.TrendingModules.Count == 0)
        {
            return GenericTrending.Extract(context);
        }

        var links = new List<TrendingLink>();
        var seenModules = new HashSet<IElement>();
        foreach (var rule in context.Profile.TrendingModules)
        {
            foreach (var module in context.SelectAll(rule.ModuleSelector))
            {
                if (seenModules.Contains(module) || Dom.IsHidden(module))
                {
                    continue;
                }

                var heading = context.SelectFirst(rule.HeadingSelector, module);
                var label = heading is null ? null : Dom.VisibleText(heading);
                if (label is null || context.MatchProfilePattern(rule.HeadingPattern, label, RegexOptions.IgnoreCase) is null)
                {
                    continue;
                }

                // Nested matches (a section inside the module's section) are the same module.
                if (Dom.AnyAncestor(module, seenModules.Contains))
                {
                    continue;
                }

                seenModules.Add(module);
                ReadModule(context, rule, module, label, links);
            }
        }

        if (links.Count > 0)
        {
            context.Record("trending", $"profile:{context.Profile.Name}:trending");
        }

        return links;
    }

    private static void ReadModule(ExtractionContext context, TrendingModuleRule rule, IElement module, string label, List<TrendingLink> links)
    {
        var rank = 0;
        foreach (var item in context.SelectAll(rule.ItemSelector, module))
        {
            if (rank >= MaxItemsPerModule)
            {
                break;
            }

            var link = context.SelectFirst(rule.LinkSelector, item);
            var url = context.Absolute(link?.Attr("href"));
            if (link is null || url is null)
            {
                continue;
            }

            var title = Text.NullIfEmpty(Text.Normalize(link.Attr("title"))) ?? Dom.VisibleText(link);
            if (title.Length == 0)
            {
                continue;
            }

            rank++;
            var printedRank = context.SelectFirst(rule.RankSelector, item) is { } rankElement ? Text.ParseInt(Dom.VisibleText(rankElement)) : null;
            var category = context.SelectFirst(rule.CategorySelector, item) is { } categoryElement ? Text.NullIfEmpty(Dom.VisibleText(categoryElement)) : null;
            links.Add(new TrendingLink(printedRank ?? rank, title, url, category, label));
        }
    }
}
