using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsScraper.Internal;

/// <summary>A date read from text: the instant, and whether its zone was assumed.</summary>
internal readonly record struct ParsedDate(DateTimeOffset Value, bool ZoneAssumed, bool HasTime);

/// <summary>What a date is read against: the site's country and zone, and its own date formats.</summary>
internal sealed record DateContext(string? Country, TimeZoneInfo? Zone, IReadOnlyList<string> Formats)
{
    /// <summary>Whether numeric dates put the day first (everywhere but the US and a few others).</summary>
    public bool DayFirst => Country is not ("US" or "PH" or "CA" or "FM");
}

/// <summary>
/// Reads dates as pages print them: ISO 8601, RFC 1123, a site's own formats, and human formats with month names,
/// 12- and 24-hour clocks and zone abbreviations resolved through the site's country.
/// </summary>
internal static partial class DateParsing
{
    private static readonly string[] MonthNames =
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];

    /// <summary>Reads a date; <see langword="null"/> when the text holds none.</summary>
    public static ParsedDate? Parse(string? text, DateContext context)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var value = Text.Normalize(text);
        return ParseIso(value, context) ?? ParseWithFormats(value, context) ?? ParseHuman(value, context);
    }

    /// <summary>Gives a wall-clock time its offset: the printed zone if any, else the site's zone (assumed), else UTC (assumed).</summary>
    public static ParsedDate Place(DateTime wallClock, string? zoneToken, DateContext context, bool hasTime)
    {
        wallClock = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zoneToken is not null && ParseZone(zoneToken, context.Country) is { } offset)
        {
            return new ParsedDate(new DateTimeOffset(wallClock, offset), ZoneAssumed: false, hasTime);
        }

        if (context.Zone is { } zone)
        {
            return new ParsedDate(new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock)), ZoneAssumed: true, hasTime);
        }

        return new ParsedDate(new DateTimeOffset(wallClock, TimeSpan.Zero), ZoneAssumed: true, hasTime);
    }

    /// <summary>Reads a zone token: an offset ("+05:30", "UTC+1", "GMT-0400") or an abbreviation resolved by country.</summary>
    public static TimeSpan? ParseZone(string token, string? country)
    {
        var match = OffsetRegex().Match(token.Trim());
        if (match.Success)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return null;
            }

            var span = new TimeSpan(hours, minutes, 0);
            return match.Groups["sign"].Value is "-" or "\u2212" ? -span : span;
        }

        return TimeZones.Resolve(token, country);
    }

    private static ParsedDate? ParseIso(string value, DateContext context)
    {
        var match = IsoRegex().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["mo"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hasTime = match.Groups["h"].Success;
        var hour = hasTime ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = hasTime ? int.Parse(match.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (!TryMake(year, month, day, hour, minute, second, out var wall))
        {
            return null;
        }

        if (match.Groups["frac"].Success)
        {
            var digits = match.Groups["frac"].Value;
            var ticks = long.Parse(digits.Length > 7 ? digits[..7] : digits.PadRight(7, '0'), CultureInfo.InvariantCulture);
            wall = wall.AddTicks(ticks);
        }

        var zone = match.Groups["z"].Success ? match.Groups["z"].Value : null;
        if (zone is "Z" or "z")
        {
            zone = "+00:00";
        }

        return Place(wall, zone, context, hasTime);
    }

    private static ParsedDate? ParseWithFormats(string value, DateContext context)
    {
        if (context.Formats.Count == 0)
        {
            return null;
        }

        var (rest, zone) = SplitTrailingZone(value);
        foreach (var format in context.Formats)
        {
            if (DateTime.TryParseExact(rest, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wall))
            {
                return Place(wall, zone, context, hasTime: format.Contains('H', StringComparison.Ordinal) || format.Contains('h', StringComparison.Ordinal));
            }
        }

        return null;
    }

    private static ParsedDate? ParseHuman(string value, DateContext context)
    {
        var (rest, zone) = SplitTrailingZone(value);
        int year, month, day;
        var dm = DayMonthRegex().Match(rest);
        var md = MonthDayRegex().Match(rest);
        var numeric = NumericRegex().Match(rest);
        Match used;
        if (md.Success && (!dm.Success || md.Index <= dm.Index))
        {
            used = md;
            month = MonthNumber(md.Groups["mon"].Value);
            day = int.Parse(md.Groups["d"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(md.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (dm.Success)
        {
            used = dm;
            month = MonthNumber(dm.Groups["mon"].Value);
            day = int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(dm.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (numeric.Success)
        {
            used = numeric;
            var a = int.Parse(numeric.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(numeric.Groups["b"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (year < 100)
            {
                year += 2000;
            }

            (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : context.DayFirst ? (a, b) : (b, a);
        }
        else
        {
            return null;
        }

        if (month == 0)
        {
            return null;
        }

        var time = TimeRegex().Match(rest.Remove(used.Index, used.Length));
        int hour = 0, minute = 0, second = 0;
        var hasTime = false;
        if (time.Success)
        {
            hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture);
            second = time.Groups["s"].Success ? int.Parse(time.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            var ampm = time.Groups["ampm"].Value.Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            if (ampm == "PM" && hour < 12)
            {
                hour += 12;
            }
            else if (ampm == "AM" && hour == 12)
            {
                hour = 0;
            }

            hasTime = true;
        }

        if (!TryMake(year, month, day, hour, minute, second, out var wall))
        {
            return null;
        }

        return Place(wall, hasTime ? zone : null, context, hasTime);
    }

    private static (string Remainder, string? Zone) SplitTrailingZone(string value)
    {
        var match = TrailingZoneRegex().Match(value);
        if (!match.Success)
        {
            return (value, null);
        }

        var token = match.Groups["z"].Value;
        if (OffsetRegex().IsMatch(token) || TimeZones.IsKnownAbbreviation(token) || token.Length is >= 2 and <= 5)
        {
            return (value[..match.Index].TrimEnd(), token);
        }

        return (value, null);
    }

    private static int MonthNumber(string name)
    {
        var key = name.ToLowerInvariant();
        if (key.StartsWith("sept", StringComparison.Ordinal))
        {
            return 9;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (key.StartsWith(MonthNames[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool TryMake(int year, int month, int day, int hour, int minute, int second, out DateTime value)
    {
        value = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<frac>\d{1,9}))?)?\s*(?<z>Z|z|[+-]\d{2}(?::?\d{2})?)?)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?:UTC|GMT)?\s*(?<sign>[+\-\u2212])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"\(?\b(?<z>(?:UTC|GMT)\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|[+\-]\d{2}:?\d{2}|[A-Z]{2,5})\)?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex TrailingZoneRegex();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?[\s\-/.]+(?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"\b(?<a>\d{1,2})[/.\-](?<b>\d{1,2})[/.\-](?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"\b(?<h>\d{1,2})[:.](?<m>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>[ap]\.?\s?m\.?)?(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex TimeRegex();
}
