using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>Countries (from the profile) and tags (the profile, then <c>article:tag</c>, JSON-LD keywords, keyword meta tags).</summary>
internal static class TaxonomyExtractor
{
    private const int MaxItems = 100;

    public static IReadOnlyList<string> Countries(ExtractionContext context)
    {
        var countries = TextsOf(context, context.Profile.CountriesSelector);
        if (countries.Count > 0)
        {
            context.Record("countries", $"selector:{context.Profile.CountriesSelector}");
        }

        return countries;
    }

    public static IReadOnlyList<string> Tags(ExtractionContext context)
    {
        var tags = TextsOf(context, context.Profile.TagsSelector);
        if (tags.Count > 0)
        {
            context.Record("tags", $"selector:{context.Profile.TagsSelector}");
            return tags;
        }

        var fromMeta = context.Meta.All("article:tag");
        if (fromMeta.Count > 0)
        {
            context.Record("tags", "meta:article:tag");
            return Distinct(fromMeta);
        }

        var keywords = JsonLdData.GetStrings(context.JsonLd.Article, "keywords");
        if (keywords.Count > 0)
        {
            context.Record("tags", "json-ld:keywords");
            return Distinct(keywords.SelectMany(SplitList));
        }

        if (context.Meta.First("news_keywords", "keywords", "parsely-tags", "sailthru.tags") is { } meta)
        {
            context.Record("tags", $"meta:{meta.Name}");
            return Distinct(SplitList(meta.Value));
        }

        return [];
    }

    private static IEnumerable<string> SplitList(string value) => value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> TextsOf(ExtractionContext context, string? selector)
    {
        var values = new List<string>();
        foreach (var element in context.SelectAll(selector))
        {
            var text = Text.TrimFraming(Dom.VisibleText(element));
            if (text.Length > 0 && text.Length < 100 && !values.Contains(text, StringComparer.OrdinalIgnoreCase) && values.Count < MaxItems)
            {
                values.Add(text);
            }
        }

        return values;
    }

    private static List<string> Distinct(IEnumerable<string> values)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            var text = Text.Normalize(value);
            if (text.Length is > 0 and < 100 && !result.Contains(text, StringComparer.OrdinalIgnoreCase) && result.Count < MaxItems)
            {
                result.Add(text);
            }
        }

        return result;
    }
}
