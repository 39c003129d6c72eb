using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsScraper.Internal;

/// <summary>A date read from text: the instant, and whether its zone was assumed.</summary>
internal readonly record struct ParsedDate(DateTimeOffset Value, bool ZoneAssumed, bool HasTime);

/// <summary>A date found in running text: where it is, the text it was read from, and what it says.</summary>
internal readonly record struct FoundDate(int Index, int Length, string Text, ParsedDate Date);

/// <summary>A calendar date's position in text and its parts.</summary>
internal readonly record struct DateCore(int Index, int Length, int Year, int Month, int Day);

/// <summary>What a date is read against: the site's country and zone, and its own date formats.</summary>
internal sealed record DateContext(string? Country, TimeZoneInfo? Zone, IReadOnlyList<string> Formats)
{
    /// <summary>Gets the page's language (the <c>html lang</c> attribute), when it declares one.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether numeric dates put the day first: everywhere but the US and a few others; on a page of no known country,
    /// unless it is in English (where month-first, the American order, is the commoner on the web).
    /// </summary>
    public bool DayFirst => Country is null
        ? !(Language is { Length: >= 2 } language && language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        : Country is not ("US" or "PH" or "CA" or "FM");
}

/// <summary>
/// Reads dates as pages print them: ISO 8601, RFC 1123, a site's own formats, and human formats with month names,
/// 12- and 24-hour clocks and zone abbreviations resolved through the site's country.
/// </summary>
internal static partial class DateParsing
{
    private static readonly string[] EnglishMonths =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>Month names and their usual abbreviations in the common European languages, lower case.</summary>
    private static readonly Dictionary<string, int> MonthWords = BuildMonthWords(
        "january february march april may june july august september october november december",
        "sept",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "janv févr fév avr juil déc fevrier aout decembre",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "jänner jän feb mär märz okt dez maerz",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "ene abr ago dic setiembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "gen mag giu lug set ott",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "fev mai jun jul out dez marco",
        "januari februari maart april mei juni juli augustus september oktober november december",
        "mrt mei okt",
        "januar februar mars april mai juni juli august september oktober november desember",
        "des",
        "januari februari mars april maj juni juli augusti september oktober november december",
        "januar februar marts april maj juni juli august september oktober november december",
        "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
        "ledna února března dubna května června července srpna září října listopadu prosince",
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
        "januari februari maret april mei juni juli agustus september oktober november desember",
        "januari februari mac april mei jun julai ogos september oktober november disember",
        "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου",
        "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
        "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
        "január február március április május június július augusztus szeptember október november december");

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

    /// <summary>Whether text prints a clock time ("10:22 PM", "15.54", "2 hours ago").</summary>
    public static bool HasClockTime(string text) => TimeRegex().IsMatch(text) || RelativeRegex().IsMatch(text);

    /// <summary>Whether text is a relative time ("2 hours ago").</summary>
    public static bool IsRelative(string text) => RelativeRegex().IsMatch(text);

    /// <summary>Gives a wall-clock time its offset: the printed zone if any, else the site's zone (assumed), else UTC (assumed).</summary>
    public static ParsedDate Place(DateTime wallClock, string? zoneToken, DateContext context, bool hasTime)
    {
        wallClock = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zoneToken is not null && ParseZone(zoneToken, context.Country, wallClock) is { } offset)
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
    public static TimeSpan? ParseZone(string token, string? country, DateTime? wallClock = null)
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

        return TimeZones.Resolve(token, country, wallClock);
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
        if (FindDateCore(rest, 0, context) is not { } core)
        {
            return null;
        }

        var time = TimeRegex().Match(rest.Remove(core.Index, core.Length));
        return Compose(core, time, zone, context);
    }

    /// <summary>
    /// Finds the dates printed in running text ("By Jane Doe | December 22, 2023 at 8:48 p.m. EST | Updated ..."):
    /// each with the time and zone printed next to it, in text order.
    /// </summary>
    public static IReadOnlyList<FoundDate> FindAll(string text, DateContext context, DateTimeOffset? relativeBase = null, int max = 8)
    {
        var found = new List<FoundDate>();

        // Every written date has digits (a day, a year): text without one is not searched (most short blocks of a page).
        var position = HasDigit(text) ? 0 : text.Length;
        while (found.Count < max && position < text.Length && FindDateCore(text, position, context) is { } core)
        {
            var end = core.Index + core.Length;
            var after = TimeAfterRegex().Match(text, end, Math.Min(40, text.Length - end));
            var lookBack = Math.Min(36, core.Index);
            var before = after.Success ? Match.Empty : TimeBeforeRegex().Match(text, core.Index - lookBack, lookBack);
            var time = after.Success ? after : before;
            var zone = time.Success && time.Groups["z"].Success ? time.Groups["z"].Value : null;
            if (Compose(core, time.Success ? TimeRegex().Match(time.Groups["t"].Value) : Match.Empty, zone, context) is { } parsed)
            {
                var start = before.Success ? before.Index : core.Index;
                var stop = after.Success ? after.Index + after.Length : end;
                found.Add(new FoundDate(start, stop - start, text[start..stop].Trim(), parsed));
            }

            position = Math.Max(end, after.Success ? after.Index + after.Length : end);
        }

        if (relativeBase is { } now)
        {
            foreach (Match match in RelativeRegex().Matches(text))
            {
                if (found.Count >= max)
                {
                    break;
                }

                var amount = match.Groups["n"].Value.ToLowerInvariant() switch
                {
                    "a" or "an" or "one" => 1,
                    var digits => int.Parse(digits, CultureInfo.InvariantCulture),
                };
                var unit = match.Groups["u"].Value.ToLowerInvariant();
                var span = unit[0] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => TimeSpan.FromDays(7 * amount),
                };
                found.Add(new FoundDate(match.Index, match.Length, match.Value, new ParsedDate(now - span, ZoneAssumed: false, HasTime: unit[0] is 's' or 'm' or 'h')));
            }

            found.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        return found;
    }

    private static ParsedDate? Compose(DateCore core, Match time, string? zone, DateContext context)
    {
        int hour = 0, minute = 0, second = 0;
        var hasTime = false;
        if (time.Success)
        {
            hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(time.Groups["m"].Value, CultureInfo.InvariantCulture);
            second = time.Groups["s"].Success ? int.Parse(time.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            var ampm = time.Groups["kpm"].Success ? "PM" : time.Groups["kam"].Success ? "AM"
                : time.Groups["ampm"].Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
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

        if (!TryMake(core.Year, core.Month, core.Day, hour, minute, second, out var wall))
        {
            return null;
        }

        return Place(wall, hasTime ? zone : null, context, hasTime);
    }

    private static bool HasDigit(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return true;
        }

        // \d also matches the other scripts' digits.
        foreach (var c in text)
        {
            if (c > '\u007F' && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first calendar date (year, month and day all printed) at or after <paramref name="start"/>.</summary>
    private static DateCore? FindDateCore(string text, int start, DateContext context)
    {
        DateCore? best = null;
        for (var md = MonthDayRegex().Match(text, start); md.Success; md = md.NextMatch())
        {
            var month = MonthNumber(md.Groups["mon"].Value);
            if (month > 0)
            {
                best = new DateCore(md.Index, md.Length, Int(md.Groups["y"]), month, Int(md.Groups["d"]));
                break;
            }
        }

        for (var dm = DayMonthRegex().Match(text, start); dm.Success && (best is null || dm.Index < best.Value.Index); dm = dm.NextMatch())
        {
            var month = MonthNumber(dm.Groups["mon"].Value);
            if (month > 0)
            {
                best = new DateCore(dm.Index, dm.Length, Int(dm.Groups["y"]), month, Int(dm.Groups["d"]));
                break;
            }
        }

        var iso = IsoInTextRegex().Match(text, start);
        if (iso.Success && (best is null || iso.Index < best.Value.Index))
        {
            best = new DateCore(iso.Index, iso.Length, Int(iso.Groups["y"]), Int(iso.Groups["mo"]), Int(iso.Groups["d"]));
        }

        var yearFirst = YearFirstRegex().Match(text, start);
        if (yearFirst.Success && (best is null || yearFirst.Index < best.Value.Index))
        {
            best = new DateCore(yearFirst.Index, yearFirst.Length, Int(yearFirst.Groups["y"]), Int(yearFirst.Groups["mo"]), Int(yearFirst.Groups["d"]));
        }

        var numeric = NumericRegex().Match(text, start);
        if (numeric.Success && (best is null || numeric.Index < best.Value.Index))
        {
            var a = Int(numeric.Groups["a"]);
            var b = Int(numeric.Groups["b"]);
            var year = Int(numeric.Groups["y"]);
            if (year < 100)
            {
                year += 2000;
            }

            var (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : context.DayFirst ? (a, b) : (b, a);
            best = new DateCore(numeric.Index, numeric.Length, year, month, day);
        }

        return best;
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

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
        var key = name.ToLowerInvariant().TrimEnd('.');
        if (MonthWords.TryGetValue(key, out var month))
        {
            return month;
        }

        // English abbreviations and long forms ("Sept", "Decemb."): a known prefix of at least three letters.
        if (key.Length >= 3 && key.Length <= 9 && key.All(char.IsAsciiLetter))
        {
            for (var i = 0; i < EnglishMonths.Length; i++)
            {
                if (EnglishMonths[i].StartsWith(key, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }
        }

        return 0;
    }

    private static Dictionary<string, int> BuildMonthWords(params string[] lines)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var names = line.Split(' ');
            if (names.Length == 12)
            {
                for (var i = 0; i < 12; i++)
                {
                    words.TryAdd(names[i], i + 1);
                }
            }
        }

        // Abbreviation lines: each word is the prefix of a full name already in the table, or a spelling variant.
        var full = words.ToArray();
        foreach (var line in lines)
        {
            foreach (var word in line.Split(' '))
            {
                if (words.ContainsKey(word))
                {
                    continue;
                }

                foreach (var (name, month) in full)
                {
                    if (name.StartsWith(word, StringComparison.Ordinal) || Fold(name) == Fold(word))
                    {
                        words.TryAdd(word, month);
                        break;
                    }
                }
            }
        }

        return words;

        static string Fold(string value) => value.Replace('ä', 'a').Replace("ae", "a", StringComparison.Ordinal).Replace('é', 'e').Replace('û', 'u').Replace('ç', 'c');
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

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<frac>\d{1,9}))?)?\s*(?<z>Z|z|[+-]\d{2}(?::?\d{2})?)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?:UTC|GMT)?\s*(?<sign>[+\-\u2212])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OffsetRegex();

    // A bare offset ("10:22-0500") follows a clock time, never a date's own "-2023" ("12-05-2023").
    [GeneratedRegex(@"\(?\b(?<z>(?:UTC|GMT)\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|(?<=\d:\d\d)[+\-]\d{2}:?\d{2}|[A-Z]{2,5})\)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZoneRegex();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|er|\.)?(?:\s+(?:of|de))?[\s\-/.]+(?<mon>\p{L}{3,12})\.?,?(?:\s+de)?[\s\-/.]+(?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"\b(?<mon>\p{L}{3,12})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})-(?<mo>0?[1-9]|1[0-2])-(?<d>0?[1-9]|[12]\d|3[01])\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInTextRegex();

    // Year first, as East Asian pages print dates: "2023年4月3日", "2023년 4월 3일", "2023.04.03", "2023/4/3", "2023. 4. 3.".
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s?(?:年|년|\.|/)\s?(?<mo>0?[1-9]|1[0-2])\s?(?:月|월|\.|/)\s?(?<d>0?[1-9]|[12]\d|3[01])(?:\s?(?:日|일)|\.(?!\d)|(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirstRegex();

    // A time printed after a date: "December 22, 2023 at 8:48 p.m. EST", "19 December 2023 • 3:54pm", "Dec 23, 2023, 08:59 IST".
    [GeneratedRegex(@"\G[\s,|\u2022\u00B7\-\u2013\u2014@]*(?:(?i:at|um|à|a las|alle|às|om|kl\.?)\s+)?(?<t>(?:오전|오후|午前|午後|上午|下午)?\s?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?i:[ap]\.?\s?m\b\.?)?)(?:,?\s*\(?(?<z>(?:UTC|GMT)\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?|[+\-]\d{2}:?\d{2}|[A-Z]{2,5}\b))?", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAfterRegex();

    // A time printed before a date: "8:00 PM EST, Tue December 19, 2023".
    [GeneratedRegex(@"(?<t>\b\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?\s?m\b\.?)?)\s*(?<z>[A-Z]{2,5}\b)?[\s,]*(?:(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?,?\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeBeforeRegex();

    [GeneratedRegex(@"\b(?<n>\d{1,3}|an?|one)\s+(?<u>sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RelativeRegex();

    // "03/04/2023", "03.04.23", "3-4-2023", and the spaced dotted form of Austria and Central Europe ("06. 01. 2026",
    // "6. 1. 2026"), with a four-digit year only.
    [GeneratedRegex(@"\b(?<a>\d{1,2})(?:(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})|\.\s(?<b>\d{1,2})\.\s(?<y>\d{4}))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"(?:(?<kam>오전|午前|上午)|(?<kpm>오후|午後|下午))?\s?(?<![\d.])(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)(?::(?<s>\d{2}))?\s*(?<ampm>[ap]\.?\s?m\.?)?(?![\d]|\.\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeRegex();
}
