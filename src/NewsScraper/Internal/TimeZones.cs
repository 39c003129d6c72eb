namespace NewsScraper.Internal;

/// <summary>
/// Time-zone abbreviations resolved by region. An abbreviation means what the page's country makes it mean
/// (IST is India on an Indian site, Ireland on an Irish one, Israel on an Israeli one); only abbreviations with a single
/// meaning are read without a country. There is no global table that silently picks one meaning.
/// </summary>
internal static class TimeZones
{
    private static readonly Dictionary<string, Dictionary<string, string>> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["IN"] = new(StringComparer.OrdinalIgnoreCase) { ["IST"] = "+05:30" },
        ["IE"] = new(StringComparer.OrdinalIgnoreCase) { ["IST"] = "+01:00", ["GMT"] = "+00:00" },
        ["IL"] = new(StringComparer.OrdinalIgnoreCase) { ["IST"] = "+02:00", ["IDT"] = "+03:00" },
        ["GB"] = new(StringComparer.OrdinalIgnoreCase) { ["BST"] = "+01:00", ["GMT"] = "+00:00" },
        ["BD"] = new(StringComparer.OrdinalIgnoreCase) { ["BST"] = "+06:00" },
        ["PK"] = new(StringComparer.OrdinalIgnoreCase) { ["PKT"] = "+05:00", ["PST"] = "+05:00" },
        ["PH"] = new(StringComparer.OrdinalIgnoreCase) { ["PHT"] = "+08:00", ["PST"] = "+08:00" },
        ["CN"] = new(StringComparer.OrdinalIgnoreCase) { ["CST"] = "+08:00" },
        ["TW"] = new(StringComparer.OrdinalIgnoreCase) { ["CST"] = "+08:00" },
        ["CU"] = new(StringComparer.OrdinalIgnoreCase) { ["CST"] = "-05:00", ["CDT"] = "-04:00" },
        ["US"] = NorthAmerica(),
        ["CA"] = NorthAmerica(),
        ["AU"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["AEST"] = "+10:00", ["AEDT"] = "+11:00", ["ACST"] = "+09:30", ["ACDT"] = "+10:30", ["AWST"] = "+08:00",
            ["EST"] = "+10:00", ["CST"] = "+09:30", ["WST"] = "+08:00",
        },
        ["NZ"] = new(StringComparer.OrdinalIgnoreCase) { ["NZST"] = "+12:00", ["NZDT"] = "+13:00" },
        ["SA"] = new(StringComparer.OrdinalIgnoreCase) { ["AST"] = "+03:00" },
        ["AE"] = new(StringComparer.OrdinalIgnoreCase) { ["GST"] = "+04:00" },
    };

    /// <summary>Abbreviations with one meaning the world over (or one overwhelmingly dominant in news).</summary>
    private static readonly Dictionary<string, string> Unambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00", ["UT"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["PDT"] = "-07:00", ["MDT"] = "-06:00", ["MST"] = "-07:00", ["PST"] = "-08:00",
        ["AKST"] = "-09:00", ["AKDT"] = "-08:00", ["HST"] = "-10:00",
        ["CET"] = "+01:00", ["CEST"] = "+02:00", ["MEZ"] = "+01:00", ["MESZ"] = "+02:00",
        ["WET"] = "+00:00", ["WEST"] = "+01:00", ["EET"] = "+02:00", ["EEST"] = "+03:00", ["MSK"] = "+03:00",
        ["JST"] = "+09:00", ["KST"] = "+09:00", ["HKT"] = "+08:00", ["SGT"] = "+08:00", ["WIB"] = "+07:00",
        ["AEST"] = "+10:00", ["AEDT"] = "+11:00", ["ACST"] = "+09:30", ["AWST"] = "+08:00",
        ["NZST"] = "+12:00", ["NZDT"] = "+13:00", ["SAST"] = "+02:00", ["WAT"] = "+01:00", ["EAT"] = "+03:00",
        ["PKT"] = "+05:00", ["NPT"] = "+05:45",
    };

    /// <summary>
    /// Zone names printed without a season ("ET", "PT", "UK time"): their offset depends on the date, so they map to the
    /// IANA zone, read by country where the name means something else elsewhere.
    /// </summary>
    private static readonly Dictionary<string, string> SeasonlessNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ET"] = "America/New_York", ["CT"] = "America/Chicago", ["MT"] = "America/Denver", ["PT"] = "America/Los_Angeles",
        ["UK"] = "Europe/London", ["AET"] = "Australia/Sydney",
    };

    /// <summary>Countries with one time zone, and that zone: a time printed there without a zone is read in it (assumed).</summary>
    private static readonly Dictionary<string, string> CountryZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["IN"] = "Asia/Kolkata", ["GB"] = "Europe/London", ["IE"] = "Europe/Dublin", ["IL"] = "Asia/Jerusalem",
        ["PK"] = "Asia/Karachi", ["BD"] = "Asia/Dhaka", ["PH"] = "Asia/Manila", ["CN"] = "Asia/Shanghai", ["TW"] = "Asia/Taipei",
        ["HK"] = "Asia/Hong_Kong", ["SG"] = "Asia/Singapore", ["JP"] = "Asia/Tokyo", ["KR"] = "Asia/Seoul", ["AE"] = "Asia/Dubai",
        ["SA"] = "Asia/Riyadh", ["NZ"] = "Pacific/Auckland", ["ZA"] = "Africa/Johannesburg", ["NG"] = "Africa/Lagos",
        ["KE"] = "Africa/Nairobi", ["DE"] = "Europe/Berlin", ["FR"] = "Europe/Paris", ["ES"] = "Europe/Madrid",
        ["IT"] = "Europe/Rome", ["NL"] = "Europe/Amsterdam", ["BE"] = "Europe/Brussels", ["AT"] = "Europe/Vienna",
        ["CH"] = "Europe/Zurich", ["SE"] = "Europe/Stockholm", ["NO"] = "Europe/Oslo", ["DK"] = "Europe/Copenhagen",
        ["PL"] = "Europe/Warsaw", ["PT"] = "Europe/Lisbon", ["CZ"] = "Europe/Prague", ["SK"] = "Europe/Bratislava",
        ["HU"] = "Europe/Budapest", ["FI"] = "Europe/Helsinki", ["TR"] = "Europe/Istanbul", ["GR"] = "Europe/Athens",
        ["RO"] = "Europe/Bucharest", ["UA"] = "Europe/Kyiv", ["BG"] = "Europe/Sofia", ["HR"] = "Europe/Zagreb",
        ["SI"] = "Europe/Ljubljana", ["EE"] = "Europe/Tallinn", ["LV"] = "Europe/Riga", ["LT"] = "Europe/Vilnius",
        ["TH"] = "Asia/Bangkok", ["VN"] = "Asia/Ho_Chi_Minh", ["MY"] = "Asia/Kuala_Lumpur", ["ID"] = "Asia/Jakarta",
        ["LU"] = "Europe/Luxembourg", ["NA"] = "Africa/Windhoek", ["LS"] = "Africa/Maseru", ["EG"] = "Africa/Cairo",
        ["GH"] = "Africa/Accra", ["QA"] = "Asia/Qatar", ["LK"] = "Asia/Colombo", ["NP"] = "Asia/Kathmandu",
    };

    private static readonly Dictionary<string, string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["in"] = "IN", ["ie"] = "IE", ["il"] = "IL", ["uk"] = "GB", ["au"] = "AU", ["ca"] = "CA", ["nz"] = "NZ",
        ["pk"] = "PK", ["bd"] = "BD", ["ph"] = "PH", ["cn"] = "CN", ["tw"] = "TW", ["za"] = "ZA", ["sg"] = "SG",
        ["us"] = "US", ["ae"] = "AE", ["sa"] = "SA", ["de"] = "DE", ["fr"] = "FR", ["es"] = "ES", ["it"] = "IT",
        ["nl"] = "NL", ["be"] = "BE", ["at"] = "AT", ["ch"] = "CH", ["se"] = "SE", ["no"] = "NO", ["dk"] = "DK",
        ["pl"] = "PL", ["pt"] = "PT", ["jp"] = "JP", ["kr"] = "KR", ["hk"] = "HK", ["ng"] = "NG", ["ke"] = "KE",
        ["cz"] = "CZ", ["sk"] = "SK", ["hu"] = "HU", ["fi"] = "FI", ["tr"] = "TR", ["gr"] = "GR", ["ro"] = "RO", ["ua"] = "UA",
        ["bg"] = "BG", ["hr"] = "HR", ["si"] = "SI", ["ee"] = "EE", ["lv"] = "LV", ["lt"] = "LT", ["th"] = "TH", ["vn"] = "VN",
        ["my"] = "MY", ["id"] = "ID", ["lu"] = "LU", ["na"] = "NA", ["ls"] = "LS", ["eg"] = "EG", ["gh"] = "GH", ["qa"] = "QA",
        ["lk"] = "LK", ["np"] = "NP",
    };

    /// <summary>Resolves an abbreviation for a country; <see langword="null"/> when it is unknown or ambiguous there.</summary>
    /// <param name="abbreviation">The printed zone ("IST", "EDT", "ET").</param>
    /// <param name="country">The site's country, if known.</param>
    /// <param name="wallClock">The printed time, for names whose offset follows daylight saving ("ET", "UK").</param>
    public static TimeSpan? Resolve(string abbreviation, string? country, DateTime? wallClock = null)
    {
        var key = abbreviation.Trim().Trim('(', ')', '.');
        if (wallClock is { } wall && SeasonlessNames.TryGetValue(key, out var zoneId) && FindZone(zoneId) is { } seasonless)
        {
            return seasonless.GetUtcOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified));
        }

        if (country is not null && ByCountry.TryGetValue(country, out var table) && table.TryGetValue(key, out var regional))
        {
            return ParseOffset(regional);
        }

        if (Unambiguous.TryGetValue(key, out var offset))
        {
            return ParseOffset(offset);
        }

        return null;
    }

    /// <summary>The zone of a country that has only one, or <see langword="null"/>.</summary>
    public static TimeZoneInfo? ZoneOfCountry(string? country) =>
        country is not null && CountryZones.TryGetValue(country, out var id) ? FindZone(id) : null;

    /// <summary>Whether a token is an abbreviation this table knows in some region.</summary>
    public static bool IsKnownAbbreviation(string token)
    {
        if (Unambiguous.ContainsKey(token) || SeasonlessNames.ContainsKey(token))
        {
            return true;
        }

        foreach (var table in ByCountry.Values)
        {
            if (table.ContainsKey(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The country of a host's country-code domain, or <see langword="null"/>.</summary>
    public static string? CountryOfHost(string host)
    {
        var dot = host.LastIndexOf('.');
        var tld = dot >= 0 ? host[(dot + 1)..] : host;
        return TopLevelDomains.TryGetValue(tld, out var country) ? country : null;
    }

    /// <summary>The region of a BCP 47 tag ("en-IN" gives IN), or <see langword="null"/>.</summary>
    public static string? CountryOfLanguage(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        var parts = language.Split('-', '_');
        if (parts.Length >= 2 && parts[^1].Length == 2)
        {
            return parts[^1].ToUpperInvariant();
        }

        // A language spoken in one country, or in several that share one zone (German: DE, AT, CH; Chinese: +08:00).
        return SingleZoneLanguages.GetValueOrDefault(parts[0]);
    }

    /// <summary>
    /// Languages whose pages are read in one zone: spoken in one country, or in countries on the same clock. English,
    /// Spanish, Portuguese, French, Arabic and Russian span many zones and are left out.
    /// </summary>
    private static readonly Dictionary<string, string> SingleZoneLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ja"] = "JP", ["ko"] = "KR", ["zh"] = "CN", ["de"] = "DE", ["it"] = "IT", ["nl"] = "NL", ["pl"] = "PL", ["cs"] = "CZ",
        ["sk"] = "SK", ["hu"] = "HU", ["da"] = "DK", ["sv"] = "SE", ["nb"] = "NO", ["nn"] = "NO", ["no"] = "NO", ["fi"] = "FI",
        ["tr"] = "TR", ["el"] = "GR", ["ro"] = "RO", ["uk"] = "UA", ["bg"] = "BG", ["hr"] = "HR", ["sl"] = "SI", ["et"] = "EE",
        ["lv"] = "LV", ["lt"] = "LT", ["he"] = "IL", ["th"] = "TH", ["vi"] = "VN", ["ms"] = "MY", ["id"] = "ID", ["hi"] = "IN",
    };

    /// <summary>Finds an IANA zone, or <see langword="null"/> when this system lacks it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static TimeSpan ParseOffset(string offset)
    {
        var sign = offset[0] == '-' ? -1 : 1;
        var span = TimeSpan.Parse(offset.TrimStart('+', '-'), System.Globalization.CultureInfo.InvariantCulture);
        return span * sign;
    }

    private static Dictionary<string, string> NorthAmerica() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00", ["MST"] = "-07:00",
        ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00", ["AST"] = "-04:00", ["ADT"] = "-03:00",
        ["NST"] = "-03:30", ["NDT"] = "-02:30", ["AKST"] = "-09:00", ["AKDT"] = "-08:00", ["HST"] = "-10:00",
    };
}
