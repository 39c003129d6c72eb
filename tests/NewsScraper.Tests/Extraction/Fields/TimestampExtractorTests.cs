using System.Globalization;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>Published and updated times on synthetic pages (written for these tests, after markup seen on news sites).</summary>
public sealed class TimestampExtractorTests
{
    private const string Url = "https://news.example.com/politics/council-funds-library";

    [Test]
    public async Task Extract_StructuredOffsetAndAPrintedDateWithAClockOnlyInItsAttribute_KeepsTheStructuredOffset()
    {
        // Written after a daily that prints the next morning's paper date over a time element in another zone.
        var html = Pages.Article(
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","datePublished":"2024-04-25T19:30:04+02:00"}</script>""",
            """<h1>Council Funds New Library</h1><div class="date"><time datetime="2024-04-26T00:00:04">26.04.2024</time></div>""" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html, "https://www.example-zeitung.de/artikel/474005.html");

        Assert.That(article.Timestamps.Published!.Value, Is.EqualTo(DateTimeOffset.Parse("2024-04-25T19:30:04+02:00", CultureInfo.InvariantCulture)));
        Assert.That(article.Timestamps.Published!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public async Task Extract_PrintedTimeWithoutZoneOnASiteOfUnknownZone_TakesTheOffsetOfThePagesOtherTimestamp()
    {
        var html = Pages.Article(
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","dateModified":"2025-05-30T15:00:00+05:30"}</script>""",
            """<h1>Council Funds New Library</h1><p class="date">Published: May 30, 2025 13:20</p>""" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html);

        var published = article.Timestamps.Published!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value, Is.EqualTo(DateTimeOffset.Parse("2025-05-30T13:20:00+05:30", CultureInfo.InvariantCulture)));
            Assert.That(published.Value.Offset, Is.EqualTo(TimeSpan.FromHours(5.5)));
            Assert.That(published.ZoneAssumed, Is.False);
            Assert.That(published.Source, Does.EndWith("(zone from the page's updated time)"));
        }
    }

    [Test]
    public async Task Extract_PrintedTimeWithoutZoneAndNothingToDecide_IsUtcFlaggedAndWarned()
    {
        var html = Pages.Article(string.Empty, """<h1>Council Funds New Library</h1><p class="date">Published: May 30, 2025 13:20</p>""" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html);

        var published = article.Timestamps.Published!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value, Is.EqualTo(DateTimeOffset.Parse("2025-05-30T13:20:00+00:00", CultureInfo.InvariantCulture)));
            Assert.That(published.ZoneAssumed, Is.True);
            Assert.That(article.Warnings, Has.Some.Contains("names no zone").And.Contains("read as UTC"));
        }
    }

    [Test]
    public async Task Extract_StructuredUtcAndPrintedZone_KeepsThePagesZone()
    {
        var html = Pages.Article(
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","datePublished":"2023-12-23T03:22:07Z"}</script>""",
            """<h1>Council Funds New Library</h1><div class="timestamp"><time datetime="2023-12-23T03:22:07Z"><span aria-hidden="true">Dec 22, 2023, 10:22 PM EST</span></time></div>""" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html, Url);

        var published = article.Timestamps.Published!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value, Is.EqualTo(DateTimeOffset.Parse("2023-12-22T22:22:07-05:00", CultureInfo.InvariantCulture)));
            Assert.That(published.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
            Assert.That(published.ZoneAssumed, Is.False);
            Assert.That(published.Source, Does.StartWith("json-ld:datePublished (zone from the printed time"));
        }
    }

    [Test]
    public async Task Extract_PrintedWallClockWithoutZone_InfersTheOffsetFromTheStructuredInstant()
    {
        var html = Pages.Article(
            """<meta property="article:published_time" content="2023-12-23T01:48:19+00:00">""",
            """<h1>Council Funds New Library</h1><p class="byline">By Jane Doe | PUBLISHED: December 22, 2023 at 8:48 p.m.</p>""" + Pages.Paragraphs(4));

        var published = (await Pages.ExtractAsync(html, Url)).Timestamps.Published!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Is.EqualTo("2023-12-22T20:48:19-05:00"));
            Assert.That(published.ZoneAssumed, Is.False);
        }
    }

    [Test]
    public async Task Extract_OnlyAPrintedDate_IsPublishedAfterAStandfirst()
    {
        var standfirst = "<p class=\"dek\">" + string.Concat(Enumerable.Repeat("A long standfirst that sums the story up for readers. ", 5)) + "</p>";
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + standfirst + "<div>Jane Doe</div><div>Dec 05, 2023</div>" + Pages.Paragraphs(4));

        var published = (await Pages.ExtractAsync(html, Url)).Timestamps.Published!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value.Date, Is.EqualTo(new DateTime(2023, 12, 5)));
            Assert.That(published.Source, Does.StartWith("text:header"));
            Assert.That(published.ZoneAssumed, Is.True);
        }
    }

    // A ".com" site with no profile: the page's own locale or its publisher's address says which IST it prints.
    [TestCase("<meta property=\"og:locale\" content=\"en_IN\">", "+05:30")]
    [TestCase("<meta property=\"og:locale\" content=\"en_IE\">", "+01:00")]
    [TestCase("""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","publisher":{"@type":"NewsMediaOrganization","name":"Example","address":{"@type":"PostalAddress","addressCountry":"IN"}}}</script>""", "+05:30")]
    public async Task Extract_AmbiguousZone_IsReadInThePagesOwnCountry(string head, string offset)
    {
        var html = Pages.Article(head, "<h1>Council Funds New Library</h1><div class=\"meta\">Published 23-04-2025 13:20 IST</div>" + Pages.Paragraphs(4));

        var published = (await Pages.ExtractAsync(html, "https://www.example.com/council-funds-library")).Timestamps.Published!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value.Offset, Is.EqualTo(TimeSpan.Parse(offset.TrimStart('+'), CultureInfo.InvariantCulture)));
            Assert.That(published.Value.Hour, Is.EqualTo(13));
        }
    }

    [Test]
    public async Task Extract_PublishedAndUpdatedLabels_AreKeptApart()
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council Funds New Library</h1><div class=\"meta\">Published 8:00 PM EST, Tue December 19, 2023 | Updated 9:15 AM EST, Wed December 20, 2023</div>" + Pages.Paragraphs(4));

        var timestamps = (await Pages.ExtractAsync(html, Url)).Timestamps;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timestamps.Published!.Value, Is.EqualTo(DateTimeOffset.Parse("2023-12-19T20:00:00-05:00", CultureInfo.InvariantCulture)));
            Assert.That(timestamps.Updated!.Value, Is.EqualTo(DateTimeOffset.Parse("2023-12-20T09:15:00-05:00", CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public async Task Extract_DatesInTheBodyOrTeasers_AreNotTakenForTheHeaderDate()
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council Funds New Library</h1><div>By Jane Doe</div>" + Pages.Paragraphs(2)
            + "<p>The library opens on March 3, 2026.</p>" + Pages.Paragraphs(2),
            extra: "<aside><ul><li><a href=\"/other\">Another story</a> <span>May 1, 2025</span></li></ul></aside>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Timestamps.Published, Is.Null);
    }

    [Test]
    public async Task Extract_HeadlineWithoutH1_StillFindsItsByline()
    {
        var html = Pages.Article(
            """<meta property="og:title" content="Council Funds New Library | Example News">""",
            """<div class="quote">Council Funds New Library</div><div>By Jane Doe</div><div>December 21, 2023</div>""" + Pages.Paragraphs(4),
            extra: """<h3><a href="/x">Council Funds New Library</a></h3><div>stated on September 15, 2023</div>""");

        var published = (await Pages.ExtractAsync(html, Url)).Timestamps.Published!;

        Assert.That(published.Value.Date, Is.EqualTo(new DateTime(2023, 12, 21)));
    }

    [Test]
    public async Task Extract_RelativeTime_CountsBackFromTheFetchTime()
    {
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1><div>Updated 3 hours ago</div>" + Pages.Paragraphs(4));

        var timestamps = (await Pages.ExtractAsync(html, Url, now: Pages.Now)).Timestamps;

        Assert.That(timestamps.Updated!.Value, Is.EqualTo(Pages.Now.AddHours(-3)));
    }

    [Test]
    public async Task Extract_JsonLdInCdata_IsRead()
    {
        var html = Pages.Article(
            "<script type=\"application/ld+json\">\n<![CDATA[\n{\"@type\":\"Article\",\"headline\":\"Council Funds New Library\",\"datePublished\":\"2001-10-29T01:59:14Z\"}\n]]>\n</script>",
            "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4));

        var published = (await Pages.ExtractAsync(html, Url)).Timestamps.Published!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published.Value, Is.EqualTo(new DateTimeOffset(2001, 10, 29, 1, 59, 14, TimeSpan.Zero)));
            Assert.That(published.Source, Is.EqualTo("json-ld:datePublished"));
        }
    }
}
