using System.Text.RegularExpressions;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>The summary: the profile's standfirst selector, then JSON-LD <c>description</c>, then description meta tags.</summary>
internal static class SummaryExtractor
{
    public static string? Extract(ExtractionContext context)
    {
        if (context.SelectFirst(context.Profile.SummarySelector) is { } element && Text.NullIfEmpty(Dom.VisibleText(element)) is { } standfirst)
        {
            context.Record("summary", $"selector:{context.Profile.SummarySelector}");
            return standfirst;
        }

        var candidates = new List<(string? Text, string Source)>
        {
            (JsonLdData.GetString(context.JsonLd.Article, "description"), "json-ld:description"),
        };
        foreach (var name in (string[])["og:description", "description", "twitter:description", "dc.description"])
        {
            candidates.Add((context.Meta.First(name)?.Value, $"meta:{name}"));
        }

        foreach (var (text, source) in candidates)
        {
            if (text is null || text.Length < 10 || context.MatchProfilePattern(context.Profile.SummaryRejectPattern, text, RegexOptions.IgnoreCase) is not null)
            {
                continue;
            }

            context.Record("summary", source);
            return text;
        }

        return null;
    }
}
