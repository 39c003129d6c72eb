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
}
