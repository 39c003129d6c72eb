using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsScraper.Serialization;

/// <summary>
/// Reads and writes <see cref="NewsArticle"/> as the JSON contract: camelCase names, nulls kept as null,
/// ISO 8601 instants with their offset, relaxed escaping.
/// </summary>
public static class NewsArticleJson
{
    /// <summary>Gets the options for compact JSON (one record per line).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Gets the options for indented JSON.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Serializes an article.</summary>
    /// <param name="article">The article.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="article"/> is <see langword="null"/>.</exception>
    public static string Serialize(NewsArticle article, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(article);
        var options = indented ? Indented : Compact;
        return JsonSerializer.Serialize(article, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<NewsArticle>)options.GetTypeInfo(typeof(NewsArticle)));
    }

    /// <summary>Reads an article from its JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The article, or <see langword="null"/> for the JSON literal null.</returns>
    public static NewsArticle? Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<NewsArticle>)Compact.GetTypeInfo(typeof(NewsArticle)));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(NewsArticleJsonContext.Default.Options)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = NewsArticleJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>The source-generated serialization context of the record types.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NewLine = "\n")]
[JsonSerializable(typeof(NewsArticle))]
internal sealed partial class NewsArticleJsonContext : JsonSerializerContext;
