using System.Text.Json.Serialization;

namespace NewsScraper;

/// <summary>The kinds of note attached to an article.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisclaimerKind>))]
public enum DisclaimerKind
{
    /// <summary>Another reader note (a crisis-line note, say).</summary>
    [JsonStringEnumMemberName("other")]
    Other = 0,

    /// <summary>A note about the nature of an image ("This image is AI-generated ...").</summary>
    [JsonStringEnumMemberName("image-notice")]
    ImageNotice,

    /// <summary>A reporting, editing or contributor credit ("(With inputs from agencies.)").</summary>
    [JsonStringEnumMemberName("agency-credit")]
    AgencyCredit,

    /// <summary>A syndication or another organisation's copyright note.</summary>
    [JsonStringEnumMemberName("syndication")]
    Syndication,

    /// <summary>An editor's note or update note.</summary>
    [JsonStringEnumMemberName("editors-note")]
    EditorsNote,

    /// <summary>A correction or clarification.</summary>
    [JsonStringEnumMemberName("correction")]
    Correction,

    /// <summary>An affiliate, commission or sponsorship note.</summary>
    [JsonStringEnumMemberName("sponsored")]
    Sponsored,

    /// <summary>A views-are-the-author's-own note.</summary>
    [JsonStringEnumMemberName("opinion")]
    Opinion,

    /// <summary>An "originally appeared in" or print-edition note.</summary>
    [JsonStringEnumMemberName("republished")]
    Republished,
}
