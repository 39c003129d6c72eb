using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Published and updated times, kept apart. Sources, in order: the profile's byline patterns (the visible text),
/// JSON-LD, microdata and meta tags weighed against the date printed near the headline, <c>time[datetime]</c>, elements
/// marked as dates, the URL's date (weak), and last a short line of the page that is mostly a date (a guess). Each
/// value says which kind of evidence it is (<see cref="TimestampConfidence"/>). Times in the future beyond
/// <see cref="MaxClockSkew"/> are rejected. On a profile whose structured data prints the wrong offset, a structured
/// time that agrees with the visible one on the wall clock is corrected to the visible zone and the correction recorded.
/// </summary>
internal static partial class TimestampExtractor
{
    /// <summary>How far in the future a time may lie before it is taken as wrong.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromHours(2);

    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "datePublished", "og:published_time", "published_time",
        "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued",
        "dc.date", "DC.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "cXenseParse:recs:publishtime",
        "article_date_original", "originalpublicationdate", "displaydate", "dateCreated",
    ];

    private static readonly string[] UpdatedMeta =
    [
        "article:modified_time", "og:article:modified_time", "dateModified", "og:updated_time", "modified_time",
        "article.updated", "lastmod", "last-modified", "dc.date.modified", "dcterms.modified", "revised",
    ];

    public static ArticleTimestamps Extract(ExtractionContext context, ProfileByline? byline)
    {
        var header = HeaderDates.Find(context);
        var published = Pick(context, "published", FromByline(context, byline, context.Profile.Byline?.PublishedPattern, "published"),
            Structured(context, "datePublished", PublishedMeta), header.Published,
            () => FromTimeElement(context), () => PageDates.FromMarkedElements(context), () => FromUrl(context), () => PageDates.FromDateLines(context));
        var updated = Pick(context, "updated", FromByline(context, byline, context.Profile.Byline?.UpdatedPattern, "updated"),
            Structured(context, "dateModified", UpdatedMeta), header.Updated);
        (published, updated) = (ZoneFromThePage(context, published, updated, "updated"), ZoneFromThePage(context, updated, published, "published"));
        updated = WithConfidence(updated);
        return new ArticleTimestamps(
            WithConfidence(published) ?? FromUpdate(context, updated) ?? WithConfidence(FromTextNearTheTop(context, updated)),
            updated);
    }

    /// <summary>The last guess, where the page shows no date by its headline, in a date element, a date line or its address.</summary>
    private static Timestamp? FromTextNearTheTop(ExtractionContext context, Timestamp? updated)
    {
        if (PageDates.FromTextNearTheTop(context) is not { } guess || !IsPlausible(context, guess, "published"))
        {
            return null;
        }

        context.Record("timestamps.published", guess.Source);
        return ZoneFromThePage(context, guess, updated, "updated");
    }

    /// <summary>
    /// A page that shows only when it was updated ("Updated on December 1, 2023", the only date of many magazine and
    /// explainer templates) was published then or before: the update time stands in for the publication time, as a guess
    /// whose source says so, rather than no date at all. <c>updated</c> keeps it too.
    /// </summary>
    private static Timestamp? FromUpdate(ExtractionContext context, Timestamp? updated)
    {
        if (updated is null)
        {
            return null;
        }

        const string note = "the update time: the page shows no publication time";
        context.Record("timestamps.published", $"{updated.Source} ({note})");
        context.Warn($"published: {note}; the update time {updated.Text} was taken as the latest it can be");
        return updated with { Source = $"{updated.Source} ({note})", Confidence = TimestampConfidence.Guessed };
    }

    /// <summary>
    /// A time printed without a zone on a site whose zone is unknown takes the offset of the page's other timestamp when
    /// that one states it (a printed "13:20" beside a dateModified of "...+05:30"): the page's own evidence before UTC.
    /// When nothing on the page decides, the value stays read as UTC, flagged as assumed, and a warning names the assumption.
    /// </summary>
    private static Timestamp? ZoneFromThePage(ExtractionContext context, Timestamp? timestamp, Timestamp? other, string otherName)
    {
        if (timestamp is not { ZoneAssumed: true } || context.Dates.Zone is not null || timestamp.Value.Offset != TimeSpan.Zero)
        {
            return timestamp;
        }

        if (other is { ZoneAssumed: false } && other.Value.Offset != TimeSpan.Zero)
        {
            return timestamp with
            {
                Value = new DateTimeOffset(timestamp.Value.DateTime, other.Value.Offset),
                Source = $"{timestamp.Source} (zone from the page's {otherName} time)",
                ZoneAssumed = false,
            };
        }

        context.Warn($"the time '{timestamp.Text}' ({timestamp.Source}) names no zone and nothing on the page or site says which; it was read as UTC");
        return timestamp;
    }

    /// <summary>What kind of evidence a value is, from where it was read.</summary>
    private static Timestamp? WithConfidence(Timestamp? timestamp) => timestamp is null ? null : timestamp with
    {
        Confidence = timestamp.Source switch
        {
            var s when s.StartsWith("json-ld:", StringComparison.Ordinal) || s.StartsWith("meta:", StringComparison.Ordinal)
                || s.StartsWith("selector:time[itemprop", StringComparison.Ordinal) || s.StartsWith("selector:[itemprop", StringComparison.Ordinal) => TimestampConfidence.Structured,
            "url" => TimestampConfidence.Url,
            var s when s.StartsWith("text:page", StringComparison.Ordinal) => TimestampConfidence.Guessed,
            _ => TimestampConfidence.Printed,
        },
    };

    private static Timestamp? Pick(
        ExtractionContext context,
        string field,
        Timestamp? visible,
        Timestamp? structured,
        Timestamp? printed,
        params ReadOnlySpan<Func<Timestamp?>> fallbacks)
    {
        var key = $"timestamps.{field}";
        if (visible is not null && IsPlausible(context, visible, field))
        {
            var source = visible.Source;
            if (structured is not null && context.Profile.StructuredDataOffsetUnreliable
                && structured.Value.Offset != visible.Value.Offset
                && structured.Value.DateTime == visible.Value.DateTime)
            {
                source += $" (corrected {structured.Source} {structured.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)} to {visible.Value.ToString("zzz", CultureInfo.InvariantCulture)})";
            }

            context.Record(key, source);
            return visible;
        }

        // Without the visible time to check it against, a structured time from a site known to print the wrong offset
        // keeps its wall clock in the site's zone, flagged as assumed.
        if (structured is not null && context.Profile.StructuredDataOffsetUnreliable && context.Dates.Zone is { } zone)
        {
            var offset = zone.GetUtcOffset(structured.Value.DateTime);
            if (offset != structured.Value.Offset)
            {
                structured = structured with
                {
                    Value = new DateTimeOffset(structured.Value.DateTime, offset),
                    Source = $"{structured.Source} (offset {structured.Value.ToString("zzz", CultureInfo.InvariantCulture)} replaced by the site's zone)",
                    ZoneAssumed = true,
                };
            }
        }

        if (printed is not null && !IsPlausible(context, printed, field))
        {
            printed = null;
        }

        if (structured is not null && !IsPlausible(context, structured, field))
        {
            structured = null;
        }

        if (Reconcile(context, structured, printed) is { } reconciled)
        {
            context.Record(key, reconciled.Source);
            return reconciled;
        }

        foreach (var fallback in fallbacks)
        {
            if (fallback() is { } candidate && IsPlausible(context, candidate, field))
            {
                context.Record(key, candidate.Source);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Weighs the structured time against the one printed near the headline. When they are the same instant, or the same
    /// wall clock once the structured UTC time is moved to some offset, the page's own zone is kept (the printed offset, or
    /// the one the printed wall clock implies). When they disagree, the structured one is kept and the disagreement is a warning.
    /// </summary>
    private static Timestamp? Reconcile(ExtractionContext context, Timestamp? structured, Timestamp? printed)
    {
        if (structured is null || printed is null)
        {
            return structured ?? printed;
        }

        var s = structured.Value;
        var p = printed.Value;
        if (DateParsing.IsRelative(printed.Text))
        {
            // "2 hours ago" only says roughly when; the structured time says exactly.
            return structured;
        }

        var clockShown = DateParsing.HasClockTime(printed.Text);
        var printedHasTime = clockShown || printed.Source.Contains("time[datetime]", StringComparison.Ordinal);
        if (printedHasTime && !printed.ZoneAssumed)
        {
            if (Math.Abs((s - p).TotalMinutes) <= 2)
            {
                return s.Offset == p.Offset ? structured : structured with
                {
                    Value = s.ToOffset(p.Offset),
                    Source = $"{structured.Source} (zone from the printed time '{printed.Text}')",
                    ZoneAssumed = false,
                };
            }
        }
        else if (printedHasTime && (s.Offset == TimeSpan.Zero || clockShown))
        {
            // The printed wall clock without a zone: the offset that turns the structured instant into it is the page's
            // zone. A structured time with its own offset is overruled only by a clock the page shows, not by one read
            // from an attribute behind a printed date.
            var minutes = (p.DateTime - s.UtcDateTime).TotalMinutes;
            var offset = Math.Round(minutes / 15) * 15;
            // A clock read only from a time element's attribute (the page prints a date) implies a zone only when it is the
            // site's own; otherwise the attribute is in some other zone ("26.04.2024" over 2024-04-26T00:00:04 for 17:30Z).
            var zone = TimeSpan.FromMinutes(offset);
            var trusted = clockShown || context.Dates.Zone is not { } known || known.GetUtcOffset(s) == zone;
            if (trusted && Math.Abs(minutes - offset) <= 1.5 && Math.Abs(offset) <= 14 * 60)
            {
                return s.Offset == zone ? structured : structured with
                {
                    Value = s.ToOffset(zone),
                    Source = $"{structured.Source} (zone from the printed time '{printed.Text}')",
                    ZoneAssumed = false,
                };
            }
        }
        else
        {
            if (DateOnly.FromDateTime(s.DateTime) == DateOnly.FromDateTime(p.DateTime))
            {
                return structured;
            }

            if (context.Dates.Zone is { } siteZone)
            {
                var local = TimeZoneInfo.ConvertTime(s, siteZone);
                if (DateOnly.FromDateTime(local.DateTime) == DateOnly.FromDateTime(p.DateTime))
                {
                    return structured with { Value = local, Source = $"{structured.Source} (in the site's zone, as printed '{printed.Text}')" };
                }
            }
        }

        // They disagree: the structured time is the publisher's statement for machines; the printed one may be a
        // republication or a teaser's date. Measured on naeb and readability, keeping the structured one is right more often.
        context.Warn($"the printed time '{printed.Text}' disagrees with {structured.Source} {structured.Text}; the structured one was kept");
        return structured;
    }

    private static bool IsPlausible(ExtractionContext context, Timestamp timestamp, string field)
    {
        if (timestamp.Value > context.Now + MaxClockSkew)
        {
            context.Warn($"{field} time {timestamp.Text} ({timestamp.Source}) lies in the future and was ignored");
            return false;
        }

        return timestamp.Value.Year >= 1990;
    }

    private static Timestamp? FromByline(ExtractionContext context, ProfileByline? byline, string? pattern, string field)
    {
        if (byline is null || context.MatchProfilePattern(pattern, byline.Text) is not { } match)
        {
            return null;
        }

        var text = Text.Normalize(match.Groups["date"].Success ? match.Groups["date"].Value : match.Value);
        if (DateParsing.Parse(text, context.Dates) is not { } parsed)
        {
            context.Warn($"{field} text '{text}' in the byline could not be read as a date");
            return null;
        }

        return new Timestamp(parsed.Value, text, $"profile:{context.Profile.Name}:byline", parsed.ZoneAssumed);
    }

    private static Timestamp? Structured(ExtractionContext context, string jsonLdProperty, string[] metaNames)
    {
        if (JsonLdData.GetString(context.JsonLd.Article, jsonLdProperty) is { } ld && Read(context, ld, $"json-ld:{jsonLdProperty}") is { } fromLd)
        {
            return fromLd;
        }

        foreach (var name in metaNames)
        {
            foreach (var value in context.Meta.All(name))
            {
                if (Read(context, value, $"meta:{name}") is { } fromMeta)
                {
                    return fromMeta;
                }
            }
        }

        return null;
    }

    private static Timestamp? FromTimeElement(ExtractionContext context)
    {
        foreach (var selector in Selectors.PublishedTimes)
        {
            foreach (var element in context.SelectAll(selector))
            {
                var value = element.Attr("datetime") ?? element.Attr("content");
                if (value is not null && Read(context, value, $"selector:{selector}") is { } timestamp && !IsInNonArticle(element))
                {
                    return timestamp;
                }
            }
        }

        return null;
    }

    private static bool IsInNonArticle(IElement element) =>
        Dom.AnyAncestor(element, e => e.LocalName is "aside" or "nav" or "footer" || Dom.HasBoilerplateHint(e));

    private static Timestamp? FromUrl(ExtractionContext context)
    {
        var match = UrlDateRegex().Match(context.Url.AbsolutePath);
        if (!match.Success)
        {
            match = UrlCompactDateRegex().Match(context.Url.AbsolutePath);
            if (!match.Success)
            {
                return null;
            }
        }

        var text = $"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}";
        return DateParsing.Parse(text, context.Dates) is { } parsed
            ? new Timestamp(parsed.Value, match.Value.Trim('/'), "url", ZoneAssumed: true)
            : null;
    }

    private static Timestamp? Read(ExtractionContext context, string value, string source)
    {
        var text = Text.Normalize(value);
        return DateParsing.Parse(text, context.Dates) is { } parsed ? new Timestamp(parsed.Value, text, source, parsed.ZoneAssumed) : null;
    }

    // "/2023/04/03/", "/2023-04-03-slug", "-2023-04-03-", "_2023_04_03".
    [GeneratedRegex(@"[/_-](?<y>(?:19|20)\d{2})[/_-](?<m>0?[1-9]|1[0-2])[/_-](?<d>0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDateRegex();

    // "/20230403/", "-20230403-", "/20230403.html": eight digits standing alone that make a date.
    [GeneratedRegex(@"[/_-](?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?:[/_.-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCompactDateRegex();
}
