using System.Text.Json.Nodes;
using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Sources;

/// <summary>A person or organisation named in JSON-LD.</summary>
/// <param name="Name">The name.</param>
/// <param name="IsOrganization">Whether it was typed as an organisation.</param>
internal readonly record struct JsonLdAgent(string Name, bool IsOrganization);

/// <summary>
/// The JSON-LD blocks of a page, read tolerantly and flattened (<c>@graph</c>, arrays, nested <c>mainEntity</c>),
/// with the article node picked out. Built once per page and shared by the field extractors.
/// </summary>
internal sealed class JsonLdData
{
    /// <summary>The most blocks read from one page; the rest are ignored.</summary>
    public const int MaxBlocks = 64;

    /// <summary>The largest block read, in characters.</summary>
    public const int MaxBlockLength = 2_000_000;

    private static readonly string[] ArticleTypes =
    [
        "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting", "Article", "TechArticle", "ScholarlyArticle",
        "SocialMediaPosting", "Report",
    ];

    private JsonLdData(IReadOnlyList<JsonObject> nodes, JsonObject? article, int blocks, int unreadable)
    {
        Nodes = nodes;
        Article = article;
        BlockCount = blocks;
        UnreadableBlocks = unreadable;
    }

    /// <summary>Gets every typed node found, in page order.</summary>
    public IReadOnlyList<JsonObject> Nodes { get; }

    /// <summary>Gets the node that describes the article, if any.</summary>
    public JsonObject? Article { get; }

    /// <summary>Gets how many blocks the page has.</summary>
    public int BlockCount { get; }

    /// <summary>Gets how many blocks could not be read at all.</summary>
    public int UnreadableBlocks { get; }

    /// <summary>Reads every <c>script[type="application/ld+json"]</c> of the document.</summary>
    public static JsonLdData Read(IDocument document)
    {
        var nodes = new List<JsonObject>();
        var blocks = 0;
        var unreadable = 0;
        foreach (var script in document.GetElementsByTagName("script"))
        {
            var type = script.Attr("type");
            if (type is null || !type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (++blocks > MaxBlocks)
            {
                break;
            }

            var content = script.TextContent;
            if (content.Length > MaxBlockLength)
            {
                unreadable++;
                continue;
            }

            var root = LenientJson.Parse(content);
            if (root is null)
            {
                unreadable++;
                continue;
            }

            Flatten(root, nodes, 0);
        }

        return new JsonLdData(nodes, PickArticle(nodes), blocks, unreadable);
    }

    /// <summary>Whether a node has one of the given <c>@type</c>s.</summary>
    public static bool HasType(JsonObject node, params ReadOnlySpan<string> types)
    {
        foreach (var type in TypesOf(node))
        {
            foreach (var wanted in types)
            {
                if (string.Equals(type, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The first string value of a property: a string, the first string of an array, or an object's <c>name</c>/<c>@value</c>.</summary>
    public static string? GetString(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(property, out var value))
        {
            return null;
        }

        return AsString(value);
    }

    /// <summary>A string property as written, line breaks kept (for long text such as <c>articleBody</c>).</summary>
    public static string? GetRawString(JsonNode? node, string property) =>
        node is JsonObject obj && obj.TryGetPropertyValue(property, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s)
            ? Text.NullIfEmpty(s)
            : null;

    /// <summary>A node read as a string.</summary>
    public static string? AsString(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                return Text.NullIfEmpty(Text.DecodeAndNormalize(s));
            case JsonValue v when v.TryGetValue<double>(out var d):
                return d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case JsonArray array:
                foreach (var item in array)
                {
                    var s = AsString(item);
                    if (s is not null)
                    {
                        return s;
                    }
                }

                return null;
            case JsonObject obj:
                return GetString(obj, "@value") ?? GetString(obj, "name") ?? GetString(obj, "url") ?? GetString(obj, "@id");
            default:
                return null;
        }
    }

    /// <summary>Every string value of a property (arrays flattened, comma lists kept whole).</summary>
    public static IReadOnlyList<string> GetStrings(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(property, out var value) || value is null)
        {
            return [];
        }

        if (value is JsonArray array)
        {
            var list = new List<string>();
            foreach (var item in array)
            {
                var s = AsString(item);
                if (s is not null)
                {
                    list.Add(s);
                }
            }

            return list;
        }

        var single = AsString(value);
        return single is null ? [] : [single];
    }

    /// <summary>The people and organisations of an <c>author</c>-like property, in order.</summary>
    public static IReadOnlyList<JsonLdAgent> GetAgents(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(property, out var value) || value is null)
        {
            return [];
        }

        var result = new List<JsonLdAgent>();
        AddAgents(value, result);
        return result;
    }

    private static void AddAgents(JsonNode value, List<JsonLdAgent> result)
    {
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null && result.Count < 50)
                    {
                        AddAgents(item, result);
                    }
                }

                break;
            case JsonObject obj:
                var name = GetString(obj, "name");
                if (name is null && (GetString(obj, "givenName") is { } given))
                {
                    name = Text.Normalize(given + " " + GetString(obj, "familyName"));
                }

                if (name is not null)
                {
                    result.Add(new JsonLdAgent(name, HasType(obj, "Organization", "NewsMediaOrganization", "Corporation", "Organisation")));
                }

                break;
            default:
                if (AsString(value) is { } s)
                {
                    result.Add(new JsonLdAgent(s, IsOrganization: false));
                }

                break;
        }
    }

    private static IEnumerable<string> TypesOf(JsonObject node)
    {
        if (!node.TryGetPropertyValue("@type", out var type) || type is null)
        {
            yield break;
        }

        if (type is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    yield return StripVocabulary(s);
                }
            }
        }
        else if (type is JsonValue value && value.TryGetValue<string>(out var s))
        {
            yield return StripVocabulary(s);
        }
    }

    private static string StripVocabulary(string type)
    {
        var slash = type.LastIndexOfAny(['/', ':', '#']);
        return (slash >= 0 ? type[(slash + 1)..] : type).Trim();
    }

    private static void Flatten(JsonNode node, List<JsonObject> nodes, int depth)
    {
        if (depth > 8 || nodes.Count > 512)
        {
            return;
        }

        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Flatten(item, nodes, depth + 1);
                    }
                }

                break;
            case JsonObject obj:
                if (obj.ContainsKey("@type"))
                {
                    nodes.Add(obj);
                }

                if (obj.TryGetPropertyValue("@graph", out var graph) && graph is not null)
                {
                    Flatten(graph, nodes, depth + 1);
                }

                foreach (var nested in (string[])["mainEntity", "mainEntityOfPage", "itemListElement"])
                {
                    if (obj.TryGetPropertyValue(nested, out var inner) && inner is JsonObject innerObj
                        && innerObj.ContainsKey("@type") && HasArticleType(innerObj))
                    {
                        Flatten(innerObj, nodes, depth + 1);
                    }
                }

                break;
        }
    }

    private static bool HasArticleType(JsonObject node)
    {
        foreach (var type in TypesOf(node))
        {
            if (Array.Exists(ArticleTypes, t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase))
                || type.EndsWith("Article", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonObject? PickArticle(List<JsonObject> nodes)
    {
        JsonObject? best = null;
        var bestRank = int.MaxValue;
        foreach (var node in nodes)
        {
            foreach (var type in TypesOf(node))
            {
                var rank = Array.FindIndex(ArticleTypes, t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
                if (rank < 0 && type.EndsWith("Article", StringComparison.OrdinalIgnoreCase))
                {
                    rank = ArticleTypes.Length;
                }

                // Prefer nodes that carry a headline: a bare {"@type":"Article","@id":...} reference says nothing.
                if (rank >= 0 && !node.ContainsKey("headline") && !node.ContainsKey("name"))
                {
                    rank += 100;
                }

                if (rank >= 0 && rank < bestRank)
                {
                    best = node;
                    bestRank = rank;
                }
            }
        }

        return best;
    }
}
