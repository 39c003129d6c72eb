using System.Text.Json.Serialization;

namespace NewsScraper;

/// <summary>How a timestamp was found, so that users can keep only what they trust.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimestampConfidence>))]
public enum TimestampConfidence
{
    /// <summary>Machine-readable data the publisher wrote for the purpose: JSON-LD, microdata, meta tags.</summary>
    [JsonStringEnumMemberName("structured")]
    Structured = 0,

    /// <summary>A date the page shows next to the headline or byline, in a date element, or matched by a site profile's pattern.</summary>
    [JsonStringEnumMemberName("printed")]
    Printed,

    /// <summary>The date in the page's address (a day, without a time).</summary>
    [JsonStringEnumMemberName("url")]
    Url,

    /// <summary>A date line found elsewhere in the page's text: the weakest evidence.</summary>
    [JsonStringEnumMemberName("guessed")]
    Guessed,
}
