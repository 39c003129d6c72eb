using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>What a date printed near the headline says it is.</summary>
internal enum HeaderDateKind
{
    /// <summary>A bare date: on a news page, the publication date.</summary>
    Unlabelled,

    /// <summary>"Published", "Posted", "First published", or marked up as the publication date.</summary>
    Published,

    /// <summary>"Updated", "Last updated", "Modified", or marked up as the modification date.</summary>
    Updated,
}

/// <summary>
/// The dates a page prints for the reader next to its headline and byline ("By Jane Doe | December 22, 2023 at 8:48 p.m.",
/// "Published 8:00 PM EST, Tue December 19, 2023", "Updated: 2 hours ago"), with what they are labelled as. A
/// <c>time[datetime]</c> around a printed date gives its exact instant when it names an offset. Labels are read in the
/// common European languages; relative times need the fetch time.
/// </summary>
internal static partial class HeaderDates
{
    /// <summary>The printed publication date and update date, each <see langword="null"/> when the header shows none.</summary>
    public static (Timestamp? Published, Timestamp? Updated) Find(ExtractionContext context)
    {
        var header = context.Header;
        var found = Scan(context, header.After, "after the headline");
        if (found.Count == 0)
        {
            // Before the headline, the date nearest to it is the article's (further up are teasers and claims).
            found = Scan(context, [.. header.Before.Reverse()], "before the headline");
            found.Reverse();
        }

        Timestamp? published = null, unlabelled = null, updated = null;
        foreach (var (timestamp, kind) in found)
        {
            switch (kind)
            {
                case HeaderDateKind.Published: published ??= timestamp; break;
                case HeaderDateKind.Updated: updated ??= timestamp; break;
                default: unlabelled ??= timestamp; break;
            }
        }

        return (published ?? unlabelled, updated);
    }

    private static List<(Timestamp Timestamp, HeaderDateKind Kind)> Scan(ExtractionContext context, IReadOnlyList<HeaderRun> runs, string where)
    {
        var result = new List<(Timestamp, HeaderDateKind)>();
        if (runs.Count == 0)
        {
            return result;
        }

        var builder = new StringBuilder();
        var starts = new int[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(" | ");
            }

            starts[i] = builder.Length;
            builder.Append(runs[i].Text);
        }

        var text = builder.ToString();
        var previousEnd = 0;
        foreach (var date in DateParsing.FindAll(text, context.Dates, context.RelativeBase))
        {
            var run = runs[RunAt(starts, date.Index)];
            var labelStart = Math.Max(previousEnd, date.Index - 40);
            var kind = LabelOf(text[labelStart..date.Index], run.Parent);
            previousEnd = date.Index + date.Length;
            var parsed = date.Date;
            var source = $"text:header ({where})";
            // A time element around the printed date gives the exact instant, unless the printed text names its own zone
            // or shows a different wall clock (the attribute in UTC, the text in the page's zone).
            if (run.Parent.Closest("time[datetime]") is { } time
                && DateParsing.Parse(time.Attr("datetime"), context.Dates) is { ZoneAssumed: false, HasTime: true } exact
                && parsed.ZoneAssumed
                && (parsed.HasTime ? SameWallClock(exact.Value, parsed.Value) : Math.Abs((exact.Value - parsed.Value).TotalHours) <= 36))
            {
                parsed = exact;
                source = $"text:header ({where}, time[datetime])";
            }

            result.Add((new Timestamp(parsed.Value, date.Text, source, parsed.ZoneAssumed), kind));
        }

        return result;
    }

    private static bool SameWallClock(DateTimeOffset a, DateTimeOffset b) =>
        a.Date == b.Date && a.Hour == b.Hour && a.Minute == b.Minute;

    private static int RunAt(int[] starts, int index)
    {
        var position = Array.BinarySearch(starts, index);
        return position >= 0 ? position : Math.Max(0, ~position - 1);
    }

    /// <summary>
    /// The kind the label nearest the end of <paramref name="before"/> gives a date printed after it ("Published Dec 1 |
    /// Updated Dec 2" gives each date its own), or <see langword="null"/> when the text holds no label.
    /// </summary>
    internal static HeaderDateKind? LabelIn(string before)
    {
        Match? label = null;
        foreach (Match match in LabelRegex().Matches(before))
        {
            label = match;
        }

        return label is null ? null : label.Groups["u"].Success ? HeaderDateKind.Updated : HeaderDateKind.Published;
    }

    /// <summary>Whether an element's class and id (lower case) name a publication date.</summary>
    internal static bool IsPublishedHint(string hints) => PublishedHintRegex().IsMatch(hints);

    private static HeaderDateKind LabelOf(string before, IElement parent)
    {
        if (LabelIn(before) is { } labelled)
        {
            return labelled;
        }

        var depth = 0;
        for (var element = parent; element is not null && depth < 3; element = element.ParentElement, depth++)
        {
            var itemprop = element.Attr("itemprop");
            if (itemprop is "dateModified")
            {
                return HeaderDateKind.Updated;
            }

            if (itemprop is "datePublished" or "dateCreated")
            {
                return HeaderDateKind.Published;
            }

            var hints = Dom.ClassAndId(element);
            if (hints.Length > 0)
            {
                // Only a publication hint is trusted: themes put "updated" on the publication date as often as not.
                if (PublishedHintRegex().IsMatch(hints))
                {
                    return HeaderDateKind.Published;
                }
            }
        }

        return HeaderDateKind.Unlabelled;
    }

    [GeneratedRegex(@"\b(?:(?<u>updated?|last\s+updated|modified|last\s+modified|revised|edited|aktualisiert|ge(?:ä|ae)ndert|mis\s+à\s+jour|modifi[ée]|modificat[oa]|modifica\s+il|aggiornamento|actualizado|actualizaci[óo]n|aggiornato|atualizado|atualiza[çc][ãa]o|bijgewerkt|oppdatert|uppdaterad|opdateret|zaktualizowano|aktualizováno|güncellenme|güncelleme)|(?<p>published|posted|first\s+published|originally\s+published|created|released|publi[ée]|ver(?:ö|oe)ffentlicht|publicado|pubblicato|gepubliceerd|publisert|publicerad|publiceret|opublikowano|publikováno|yayınlanma|yayınlandı))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"publish|posted|pubdate|created|veroeffentlicht|veröffentlicht", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedHintRegex();
}
