using NewsScraper.Internal;

namespace NewsScraper.Tests.Internal;

public sealed class DateParsingTests
{
    private static DateContext Context(string? country, string? zone = null, params string[] formats) =>
        new(country, TimeZones.FindZone(zone), formats);

    [TestCase("IN", "2025-04-23T13:20:00+05:30")]
    [TestCase("IE", "2025-04-23T13:20:00+01:00")]
    [TestCase("IL", "2025-04-23T13:20:00+02:00")]
    public void Parse_IstAbbreviation_ResolvedByCountry(string country, string expected)
    {
        var parsed = DateParsing.Parse("23-04-2025 13:20 IST", Context(country, null, "dd-MM-yyyy HH:mm"));

        Assert.That(parsed, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed!.Value.Value, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(parsed.Value.Value.Offset, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset));
            Assert.That(parsed.Value.ZoneAssumed, Is.False);
        }
    }

    [Test]
    public void Parse_AmbiguousAbbreviationWithoutCountry_IsNotSilentlyUtc()
    {
        var parsed = DateParsing.Parse("April 23, 2025 1:20 PM IST", Context(country: null));

        Assert.That(parsed, Is.Not.Null);
        Assert.That(parsed!.Value.ZoneAssumed, Is.True);
    }

    [Test]
    public void Parse_NoZone_UsesSiteZoneAndSaysSo()
    {
        var parsed = DateParsing.Parse("23-04-2025 13:20", Context("IN", "Asia/Kolkata", "dd-MM-yyyy HH:mm"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed!.Value.Value.Offset, Is.EqualTo(new TimeSpan(5, 30, 0)));
            Assert.That(parsed.Value.ZoneAssumed, Is.True);
        }
    }

    [TestCase("2025-04-23T13:20:00Z", "2025-04-23T13:20:00+00:00")]
    [TestCase("2025-04-23T13:20:00.123-04:00", "2025-04-23T13:20:00.123-04:00")]
    [TestCase("Wed, 23 Apr 2025 07:50:00 GMT", "2025-04-23T07:50:00+00:00")]
    [TestCase("April 23, 2025 1:20 p.m. EDT", "2025-04-23T13:20:00-04:00")]
    [TestCase("23 April 2025, 09:05 CEST", "2025-04-23T09:05:00+02:00")]
    [TestCase("Updated: Apr. 23, 2025 at 11:59 PM PDT", "2025-04-23T23:59:00-07:00")]
    public void Parse_CommonFormats_GiveTheInstantWithItsOffset(string text, string expected)
    {
        var parsed = DateParsing.Parse(text, Context("US"));
        var wanted = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(parsed, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed!.Value.Value, Is.EqualTo(wanted));
            Assert.That(parsed.Value.Value.Offset, Is.EqualTo(wanted.Offset));
        }
    }

    [TestCase("03/04/2025", "US", 3, 4)]
    [TestCase("03/04/2025", "GB", 4, 3)]
    public void Parse_NumericDate_OrderFollowsCountry(string text, string country, int month, int day)
    {
        var parsed = DateParsing.Parse(text, Context(country));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed!.Value.Value.Month, Is.EqualTo(month));
            Assert.That(parsed.Value.Value.Day, Is.EqualTo(day));
        }
    }

    [TestCase("yesterday")]
    [TestCase("April 2025")]
    [TestCase("31-02-2025 10:00")]
    [TestCase("")]
    public void Parse_NotAFullDate_ReturnsNull(string text)
    {
        Assert.That(DateParsing.Parse(text, Context("US", null, "dd-MM-yyyy HH:mm")), Is.Null);
    }

    [TestCase("23. April 2025 um 13:20", "DE", "2025-04-23T13:20:00+02:00")]
    [TestCase("23 de abril de 2025", "ES", "2025-04-23T00:00:00+02:00")]
    [TestCase("1er mai 2025 à 09:05", "FR", "2025-05-01T09:05:00+02:00")]
    [TestCase("12 maart 2024 14:00", "NL", "2024-03-12T14:00:00+01:00")]
    [TestCase("3 dicembre 2024", "IT", "2024-12-03T00:00:00+01:00")]
    [TestCase("20 Dec 2023 10:35 am ET", "US", "2023-12-20T10:35:00-05:00")]
    [TestCase("Jul 20, 2023 10:35 am ET", "US", "2023-07-20T10:35:00-04:00")]
    [TestCase("Saturday 23 December 2023 05:39, UK", null, "2023-12-23T05:39:00+00:00")]
    public void FindAll_HumanDatesInTheCommonLanguagesAndSeasonlessZones(string text, string? country, string expected)
    {
        var found = DateParsing.FindAll(text, new DateContext(country, TimeZones.ZoneOfCountry(country), []));

        Assert.That(found, Has.Count.EqualTo(1));
        var value = found[0].Date.Value;
        Assert.That(value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [Test]
    public void FindAll_TimeBeforeTheDateAndTwoDates_GivesBothInOrder()
    {
        var found = DateParsing.FindAll("Published 8:00 PM EST, Tue December 19, 2023 | Updated December 20, 2023 at 9:15 a.m. EST", Context("US"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Count.EqualTo(2));
            Assert.That(found[0].Date.Value, Is.EqualTo(DateTimeOffset.Parse("2023-12-19T20:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(found[1].Date.Value, Is.EqualTo(DateTimeOffset.Parse("2023-12-20T09:15:00-05:00", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public void FindAll_RelativeTime_OnlyWithABase()
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DateParsing.FindAll("Updated 2 hours ago", Context("US")), Is.Empty);
            Assert.That(DateParsing.FindAll("Updated 2 hours ago", Context("US"), now).Single().Date.Value, Is.EqualTo(now.AddHours(-2)));
        }
    }

    [TestCase("Version 1.2.3 shipped")]
    [TestCase("Call 555-12-34")]
    [TestCase("The Marcus 12, 2023 team")]
    public void FindAll_NumbersThatAreNotDates_GiveNothing(string text)
    {
        Assert.That(DateParsing.FindAll(text, Context("US")), Is.Empty);
    }

    [TestCase("26.04.2024", false)]
    [TestCase("Stand: 03.04.2023", false)]
    [TestCase("26.04.2024, 14.05 Uhr", true)]
    [TestCase("3 April 2023 at 10:12", true)]
    [TestCase("Version 25.10", false)]
    public void HasClockTime_DayMonthYearWithDots_IsNotAClock(string text, bool expected)
    {
        Assert.That(DateParsing.HasClockTime(text), Is.EqualTo(expected));
    }
}
