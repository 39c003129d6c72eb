using NewsScraper.Extraction.Sources;

namespace NewsScraper.Extraction.Fields;

/// <summary>The page-level fields: canonical URL, site name and language.</summary>
internal static class PageInfoExtractor
{
    public static string? CanonicalUrl(ExtractionContext context)
    {
        foreach (var link in context.Document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.Attr("rel");
            if (rel is not null && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase)
                && context.Absolute(link.Attr("href")) is { } canonical)
            {
                context.Record("canonicalUrl", "link:canonical");
                return canonical;
            }
        }

        if (context.Meta.First("og:url") is { } og && context.Absolute(og.Value) is { } ogUrl)
        {
            context.Record("canonicalUrl", "meta:og:url");
            return ogUrl;
        }

        if (context.Absolute(JsonLdData.GetString(context.JsonLd.Article, "url")) is { } ldUrl)
        {
            context.Record("canonicalUrl", "json-ld:url");
            return ldUrl;
        }

        return null;
    }

    public static string? SiteName(ExtractionContext context)
    {
        if (context.Meta.First("og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone") is { } meta)
        {
            context.Record("siteName", $"meta:{meta.Name}");
            return meta.Value;
        }

        if (JsonLdData.GetString(JsonLdPublisher(context), "name") is { } publisher)
        {
            context.Record("siteName", "json-ld:publisher");
            return publisher;
        }

        if (context.Profile.SiteName is { } profiled)
        {
            context.Record("siteName", $"profile:{context.Profile.Name}");
            return profiled;
        }

        return null;
    }

    public static string? Language(ExtractionContext context)
    {
        var html = context.Document.DocumentElement;
        var lang = html?.Attr("lang") ?? html?.Attr("xml:lang");
        if (Normalize(lang) is { } fromHtml)
        {
            context.Record("language", "html:lang");
            return fromHtml;
        }

        if (context.Meta.First("content-language", "og:locale", "language", "dc.language", "DC.language") is { } meta && Normalize(meta.Value) is { } fromMeta)
        {
            context.Record("language", $"meta:{meta.Name}");
            return fromMeta;
        }

        if (Normalize(JsonLdData.GetString(context.JsonLd.Article, "inLanguage")) is { } fromLd)
        {
            context.Record("language", "json-ld:inLanguage");
            return fromLd;
        }

        return null;
    }

    /// <summary>Normalises a language tag to BCP 47 form ("en_us" gives "en-US"); <see langword="null"/> when it is not one.</summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var parts = tag.Trim().Split(',')[0].Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return null;
        }

        var result = new List<string> { parts[0].ToLowerInvariant() };
        for (var i = 1; i < parts.Length && i < 3; i++)
        {
            var part = parts[i];
            if (!part.All(char.IsAsciiLetterOrDigit) || part.Length > 8)
            {
                break;
            }

            result.Add(part.Length == 2 ? part.ToUpperInvariant() : part.Length == 4 ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant() : part);
        }

        return string.Join('-', result);
    }

    private static System.Text.Json.Nodes.JsonNode? JsonLdPublisher(ExtractionContext context)
    {
        var article = context.JsonLd.Article;
        if (article is not null && article.TryGetPropertyValue("publisher", out var publisher) && publisher is not null)
        {
            return publisher is System.Text.Json.Nodes.JsonArray array && array.Count > 0 ? array[0] : publisher;
        }

        foreach (var node in context.JsonLd.Nodes)
        {
            if (JsonLdData.HasType(node, "NewsMediaOrganization", "Organization") && JsonLdData.GetString(node, "name") is not null)
            {
                return node;
            }
        }

        return null;
    }
}
