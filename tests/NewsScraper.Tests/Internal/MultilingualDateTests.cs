using System.Globalization;
using NewsScraper.Internal;

namespace NewsScraper.Tests.Internal;

/// <summary>Dates as pages in other languages print them.</summary>
public sealed class MultilingualDateTests
{
    [TestCase("12 października 2023, 14:05", "PL", "2023-10-12T14:05:00+02:00")]
    [TestCase("12. října 2023 14:05", "CZ", "2023-10-12T14:05:00+02:00")]
    [TestCase("12 Ekim 2023, 14:05", "TR", "2023-10-12T14:05:00+03:00")]
    [TestCase("12. mars 2023 kl. 14.05", "NO", "2023-03-12T14:05:00+01:00")]
    [TestCase("8 januari 2026 14.05", "SE", "2026-01-08T14:05:00+01:00")]
    [TestCase("2023年4月3日 15:05", "JP", "2023-04-03T15:05:00+09:00")]
    [TestCase("2023.04.03 오후 3:05", "KR", "2023-04-03T15:05:00+09:00")]
    [TestCase("2023/4/3 午前 9:30", "JP", "2023-04-03T09:30:00+09:00")]
    [TestCase("12 октября 2023, 14:05", null, "2023-10-12T14:05:00+00:00")]
    [TestCase("06. 01. 2026, 14:59 Uhr", "AT", "2026-01-06T14:59:00+01:00")]
    [TestCase("6. 1. 2026 14:05", "CZ", "2026-01-06T14:05:00+01:00")]
    public void Parse_PrintedDate_InItsLanguage(string text, string? country, string expected)
    {
        var parsed = DateParsing.Parse(text, new DateContext(country, TimeZones.ZoneOfCountry(country), []));

        Assert.That(parsed?.Value, Is.EqualTo(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture)));
    }

    [TestCase("Kapitel 6. 1. 26 und 7. 2. 27")]
    [TestCase("Tabelle 3. 4. 2 zeigt")]
    public void Parse_SpacedDottedNumbersWithoutAFullYear_AreNotADate(string text) =>
        Assert.That(DateParsing.FindAll(text, new DateContext("DE", null, [])), Is.Empty);

    [Test]
    public void Parse_MixedSeparators_AreNotADate() =>
        Assert.That(DateParsing.FindAll("Rated 8.6/10 by readers", new DateContext(null, null, [])), Is.Empty);

    [TestCase("en", 12, 5)]
    [TestCase("de", 5, 12)]
    [TestCase(null, 5, 12)]
    public void Parse_NumericDateOfNoKnownCountry_FollowsTheLanguage(string? language, int month, int day)
    {
        var parsed = DateParsing.Parse("12-05-2023", new DateContext(null, null, []) { Language = language })!.Value;

        Assert.That((parsed.Value.Month, parsed.Value.Day), Is.EqualTo((month, day)));
    }
}
