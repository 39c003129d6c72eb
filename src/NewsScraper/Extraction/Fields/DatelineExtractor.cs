using System.Globalization;
using System.Text.RegularExpressions;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// The dateline: the profile's byline part, else the place (optionally date and agency) that opens the first body
/// paragraph in the wire and newsroom styles ("LONDON (Reuters) -", "New Delhi, Aug 24 (IANS)", "WASHINGTON —").
/// The body keeps its lead paragraph whole; the dateline is reported besides.
/// </summary>
internal static partial class DatelineExtractor
{
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "BY", "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "PHOTO", "PHOTOS", "VIDEO", "OPINION",
        "ANALYSIS", "EDITOR'S NOTE", "EDITORS NOTE", "NOTE", "DEAR ABBY", "LIVE", "CORRECTION", "UPDATE 1", "FILE", "FILE PHOTO",
        "Q", "A", "WARNING", "SPOILER", "SPOILERS", "REVIEW", "COMMENT", "ADVERTISEMENT", "SPONSORED", "PLUS", "ALSO",
        "PUBLISHED", "POSTED", "LAST UPDATED", "MODIFIED", "UPDATED ON", "PUBLISHED ON", "STAND", "AKTUALISIERT", "PUBLIÉ",
    };

    public static Dateline? Extract(ExtractionContext context, ProfileByline? byline, IReadOnlyList<string> paragraphs, Byline? bylineRecord, Timestamp? published)
    {
        if (byline?.Dateline is { } place)
        {
            var organization = bylineRecord?.Organization;
            var agencies = context.Profile.Byline?.Agencies ?? [];
            var agency = organization is not null && agencies.Contains(organization, StringComparer.OrdinalIgnoreCase) ? organization : null;
            context.Record("dateline", $"profile:{context.Profile.Name}:byline-dateline");
            return new Dateline(place, agency, null, place);
        }

        if (paragraphs.Count == 0)
        {
            return null;
        }

        var dateline = Parse(paragraphs[0], published?.Value);
        if (dateline is not null)
        {
            context.Record("dateline", "text-pattern:first-paragraph");
            return dateline;
        }

        // A wire dateline ("HANOI, Vietnam (AP) —", in capitals) may open the first prose paragraph after lines the body
        // could not tell from page furniture (a caption, a key-points list, a byline line).
        for (var i = 1; i < Math.Min(paragraphs.Count, 6); i++)
        {
            if (paragraphs[i].Length >= 60 && Parse(paragraphs[i], published?.Value, wireOnly: true) is { } later)
            {
                context.Record("dateline", "text-pattern:first-prose-paragraph");
                return later;
            }
        }

        return null;
    }

    /// <summary>Reads the dateline that opens a paragraph, or <see langword="null"/>.</summary>
    public static Dateline? Parse(string paragraph, DateTimeOffset? published, bool wireOnly = false)
    {
        if (paragraph.Length < 12)
        {
            return null;
        }

        var head = paragraph.Length > 160 ? paragraph[..160] : paragraph;
        var match = WireRegex().Match(head);
        if (!match.Success && !wireOnly)
        {
            match = TitleCaseRegex().Match(head);
        }

        if (!match.Success)
        {
            return null;
        }

        var location = Text.Normalize(match.Groups["loc"].Value).TrimEnd(',');
        if (location.Length < 2 || NotPlaces.Contains(location) || location.StartsWith("BY ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var agency = match.Groups["agency"].Success ? Text.Normalize(match.Groups["agency"].Value) : null;
        var text = Text.Normalize(match.Value);
        var date = match.Groups["date"].Success ? ParseDate(match.Groups["date"].Value, published) : null;
        return new Dateline(location, agency, date, text);
    }

    private static DateOnly? ParseDate(string text, DateTimeOffset? published)
    {
        if (published is null)
        {
            return null;
        }

        var cleaned = text.Replace(".", string.Empty, StringComparison.Ordinal).Trim();
        var parts = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return null;
        }

        var (monthText, dayText) = char.IsDigit(parts[0][0]) ? (parts[1], parts[0]) : (parts[0], parts[1]);
        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames, m => m.Length > 0 && monthText.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0 && monthText.StartsWith("Sept", StringComparison.OrdinalIgnoreCase))
        {
            month = 9;
        }

        if (month == 0 || Text.ParseInt(dayText) is not { } day)
        {
            return null;
        }

        // The year is the published year; a December dateline on a January story belongs to the year before.
        var year = published.Value.Year;
        if (month > published.Value.Month + 1)
        {
            year--;
        }

        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    // "LONDON (Reuters) -", "KYIV, Ukraine (AP) —", "SPRINGFIELD, Ill. (AP) —", "BEIJING, Nov. 3 (Xinhua) --", "WASHINGTON —", "SHANGHAI:".
    [GeneratedRegex(@"^(?<loc>\p{Lu}[\p{Lu}'\.\-]*(?:\s+\p{Lu}[\p{Lu}'\.\-]*){0,3}(?:\s*\[[^\]]{1,20}\])?(?:,\s*\p{Lu}[\p{L}\.]*(?:\s+\p{Lu}[\p{L}\.]*){0,2})?)(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?\s*(?:\((?<agency>[^)]{1,40})\))?\s*(?:--|[\-\u2013\u2014:])(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex WireRegex();

    // "New Delhi, Aug 24 (IANS)", "Chicago [US], November 21 (ANI):", "United Nations –".
    [GeneratedRegex(@"^(?<loc>\p{Lu}[\p{Ll}\p{Lu}'\.\-]+(?:\s+\p{Lu}[\p{Ll}\p{Lu}'\.\-]+){0,2}(?:\s*\[[^\]]{1,20}\])?)(?:(?:,\s*(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?\s*\((?<agency>[A-Z][A-Za-z]{1,15})\)\s*(?:--|[\-\u2013\u2014:])?|\s+(?:--|[\u2013\u2014]))(?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex TitleCaseRegex();
}
