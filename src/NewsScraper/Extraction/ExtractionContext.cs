using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;
using NewsScraper.Sites;

namespace NewsScraper.Extraction;

/// <summary>
/// Everything the field extractors of one page share: the parsed document, its URL, the site profile, the page's
/// JSON-LD and meta tags (each read once, on first use), and the provenance and warnings being recorded.
/// One context per page; it is not shared between threads.
/// </summary>
internal sealed class ExtractionContext
{
    private static readonly TimeSpan ProfilePatternTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, string> provenance = new(StringComparer.Ordinal);
    private readonly List<string> warnings = [];
    private JsonLdData? jsonLd;
    private MetaTags? meta;
    private HashSet<IElement>? removed;
    private DateContext? dates;
    private HeaderText? header;
    private DomFacts? facts;
    private Dictionary<IElement, bool>? pageForms;

    public ExtractionContext(IDocument document, Uri url, SiteProfile profile, DateTimeOffset now, Uri? linkBase = null)
    {
        Document = document;
        Url = url;
        Profile = profile;
        Now = now;
        BaseUrl = ResolveBase(document, linkBase ?? url);
    }

    /// <summary>Gets the parsed page.</summary>
    public IDocument Document { get; }

    /// <summary>Gets the page's URL.</summary>
    public Uri Url { get; }

    /// <summary>Gets the URL relative links resolve against (<c>&lt;base href&gt;</c>, else the page's URL, or its canonical URL for a copy).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the profile of the page's site.</summary>
    public SiteProfile Profile { get; }

    /// <summary>Gets the time the extraction treats as now (the fetch time, or the clock).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Gets the page's JSON-LD, read on first use.</summary>
    public JsonLdData JsonLd => jsonLd ??= JsonLdData.Read(Document);

    /// <summary>Gets the page's meta tags, read on first use.</summary>
    public MetaTags Meta => meta ??= MetaTags.Read(Document);

    /// <summary>Gets the provenance recorded so far.</summary>
    public IReadOnlyDictionary<string, string> Provenance => provenance;

    /// <summary>Gets the warnings recorded so far.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Gets the elements the profile says are never body text.</summary>
    public HashSet<IElement> RemovedElements => removed ??= CollectRemoved();

    /// <summary>Gets how dates on this page are read (country, zone, formats).</summary>
    public DateContext Dates => dates ??= CreateDateContext();

    /// <summary>Gets or sets the element that prints the headline, once the headline extractor has found it.</summary>
    public IElement? HeadlineElement { get; set; }

    /// <summary>Gets the visible text around the headline (bylines and dates), read on first use.</summary>
    public HeaderText Header => header ??= HeaderText.Read(HeadlineElement);

    /// <summary>Gets the time relative dates ("2 hours ago") count back from: the fetch time, when it is known.</summary>
    public DateTimeOffset? RelativeBase { get; init; }

    /// <summary>Gets the token that stops the extraction (the caller's, or the page's time limit); long loops check it.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets the text lengths and class hints of every element, computed in one walk on first use.</summary>
    public DomFacts Facts => facts ??= DomFacts.Compute(Document, IsStructurallyExcluded, CancellationToken);

    /// <summary>Gets the check of the page's time limit: it gives the source to cancel once the limit has passed.</summary>
    public Func<CancellationTokenSource?>? Expired { get; init; }

    /// <summary>Gets the per-stage times being recorded, when the caller asked for them (the evaluation tool, the benchmarks).</summary>
    public Dictionary<string, TimeSpan>? Timings { get; init; }

    /// <summary>
    /// Whether an element rules itself and its contents out of the article whatever its class: the profile's removals,
    /// navigation, asides, footers, forms and the like, and hidden elements. A form that wraps the page's layout (ASP.NET
    /// Web Forms put the whole page in one) is not a form of the page and excludes nothing.
    /// </summary>
    public bool IsStructurallyExcluded(IElement element) =>
        RemovedElements.Contains(element)
        || (Selectors.NonBodyTags.Contains(element.LocalName) && !(element.LocalName == "form" && IsPageForm(element)))
        || Dom.IsHidden(element);

    private bool IsPageForm(IElement form)
    {
        pageForms ??= [];
        if (!pageForms.TryGetValue(form, out var wraps))
        {
            wraps = Dom.WrapsLayout(form);
            pageForms[form] = wraps;
        }

        return wraps;
    }

    /// <summary>Records where a field's value came from.</summary>
    public void Record(string field, string source) => provenance[field] = source;

    /// <summary>Records a problem noticed while extracting.</summary>
    public void Warn(string message)
    {
        if (warnings.Count < 50 && !warnings.Contains(message))
        {
            warnings.Add(message);
        }
    }

    /// <summary>Resolves a link against the page, keeping only http(s) results.</summary>
    public string? Absolute(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith('#'))
        {
            return null;
        }

        if (!Uri.TryCreate(BaseUrl, trimmed, out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
    }

    /// <summary>The first element matching a selector, or <see langword="null"/> (a bad selector is a warning, not a crash).</summary>
    public IElement? SelectFirst(string? selector, IParentNode? scope = null)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            return (scope ?? Document).QuerySelector(selector);
        }
        catch (DomException)
        {
            Warn($"profile {Profile.Name}: invalid selector '{selector}'");
            return null;
        }
    }

    /// <summary>Every element matching a selector (a bad selector is a warning, not a crash).</summary>
    public IReadOnlyList<IElement> SelectAll(string? selector, IParentNode? scope = null)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return [];
        }

        try
        {
            return [.. (scope ?? Document).QuerySelectorAll(selector)];
        }
        catch (DomException)
        {
            Warn($"profile {Profile.Name}: invalid selector '{selector}'");
            return [];
        }
    }

    /// <summary>
    /// Matches a pattern from the site profile against text; <see langword="null"/> when there is no pattern, it does not
    /// match, it runs out of time, or it is not a valid pattern (a warning, not a crash).
    /// </summary>
    public Match? MatchProfilePattern(string? pattern, string text, RegexOptions options = RegexOptions.None)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            var match = Regex.Match(text, pattern, options | RegexOptions.CultureInvariant, ProfilePatternTimeout);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            Warn($"profile {Profile.Name}: pattern '{pattern}' timed out");
            return null;
        }
        catch (ArgumentException)
        {
            Warn($"profile {Profile.Name}: invalid pattern '{pattern}'");
            return null;
        }
    }

    private static Uri ResolveBase(IDocument document, Uri url)
    {
        var href = document.Head?.QuerySelector("base[href]")?.Attr("href");
        return href is not null && Uri.TryCreate(url, href.Trim(), out var baseUrl) && baseUrl.Scheme is "http" or "https" ? baseUrl : url;
    }

    private HashSet<IElement> CollectRemoved()
    {
        var set = new HashSet<IElement>();
        foreach (var selector in Profile.RemoveSelectors)
        {
            foreach (var element in SelectAll(selector))
            {
                set.Add(element);
            }
        }

        return set;
    }

    /// <summary>The two-letter country of the publisher's postal address in the JSON-LD, or <see langword="null"/>.</summary>
    private string? PublisherCountry()
    {
        IEnumerable<JsonNode?> publishers = [JsonLd.Article?["publisher"], .. JsonLd.Nodes.Where(n => JsonLdData.HasType(n, "NewsMediaOrganization", "Organization"))];
        foreach (var publisher in publishers)
        {
            var address = publisher is JsonObject obj && obj.TryGetPropertyValue("address", out var a) ? a : null;
            if (address is JsonArray { Count: > 0 } addresses)
            {
                address = addresses[0];
            }

            if (JsonLdData.GetString(address, "addressCountry") is { Length: 2 } code && code.All(char.IsAsciiLetter))
            {
                return code.ToUpperInvariant();
            }
        }

        return null;
    }

    private DateContext CreateDateContext()
    {
        // The page's country, from its own evidence first: the profile, the TLD, the language and region it declares
        // (html lang, og:locale), the publisher's address in its JSON-LD.
        var country = Profile.Country
            ?? TimeZones.CountryOfHost(Url.Host)
            ?? TimeZones.CountryOfLanguage(Document.DocumentElement?.Attr("lang"))
            ?? TimeZones.CountryOfLanguage(Meta.First("og:locale")?.Value)
            ?? PublisherCountry();
        return new DateContext(country, TimeZones.FindZone(Profile.TimeZone) ?? TimeZones.ZoneOfCountry(country), Profile.DateFormats)
        {
            Language = Document.DocumentElement?.Attr("lang"),
        };
    }
}
