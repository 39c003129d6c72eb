using System.Globalization;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// Published dates on pages without structured data: synthetic pages written for these tests, after blog themes, small
/// sites and older pages in several languages (no JSON-LD, no meta tags, the date printed somewhere on the page).
/// </summary>
public sealed class PageDatesTests
{
    private static string Page(string lang, string article, string extra = "") => $"""
        <html lang="{lang}"><head><title>Stadtrat beschließt Haushalt</title></head><body>
        <div id="nav"><a href="/">Start</a> <a href="/politik">Politik</a></div>
        {article}
        <div class="sidebar"><h3>Neueste Beiträge</h3><ul><li><span class="date">01.02.2020</span> <a href="/old">Alter Beitrag</a></li></ul></div>
        {extra}</body></html>
        """;

    private static string Body => string.Concat(Enumerable.Range(1, 3).Select(i =>
        $"<p>Absatz {i}: Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen, sagte die Bürgermeisterin.</p>"));

    [TestCase("<div class=\"entry-meta\">Veröffentlicht am 12. März 2021, 14:05 Uhr</div>", "2021-03-12T14:05:00+01:00")]
    [TestCase("<span class=\"post-date\">12.03.2021</span>", "2021-03-12T00:00:00+01:00")]
    [TestCase("<p class=\"datum\">Stand: 03.04.2023 14:05 Uhr</p>", "2023-04-03T14:05:00+02:00")]
    [TestCase("<abbr class=\"published\" title=\"2021-03-12T14:05:00+01:00\">vor drei Jahren</abbr>", "2021-03-12T14:05:00+01:00")]
    public async Task Extract_DateMarkedByClassNearTheHeadline_IsThePrintedDate(string dateMarkup, string expected)
    {
        var html = Page("de", $"<div class=\"post\"><h1>Stadtrat beschließt Haushalt</h1>{dateMarkup}<div class=\"text\">{Body}</div></div>");

        var published = (await Pages.ExtractAsync(html, "https://blog.example.org/stadtrat-haushalt")).Timestamps.Published;

        Assert.That(published, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published!.Value, Is.EqualTo(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture)));
            Assert.That(published.Value.Offset, Is.EqualTo(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset), "a German page is read in Central European time");
            Assert.That(published.Confidence, Is.EqualTo(TimestampConfidence.Printed));
        }
    }

    [Test]
    public async Task Extract_DateInTheSidebarOnly_IsNotTheArticles()
    {
        var html = Page("de", $"<div class=\"post\"><h1>Stadtrat beschließt Haushalt</h1><div class=\"text\">{Body}</div></div>");

        var article = await Pages.ExtractAsync(html, "https://blog.example.org/stadtrat-haushalt");

        Assert.That(article.Timestamps.Published, Is.Null);
    }

    [Test]
    public async Task Extract_UpdateLabelledDateOnly_IsTheUpdateAndAGuessedPublication()
    {
        var html = Page("en", $"<div class=\"post\"><h1>Council approves budget</h1><div class=\"meta\">Last updated: March 14, 2021</div><div class=\"text\">{Body}</div></div>");

        var article = await Pages.ExtractAsync(html, "https://blog.example.org/council-budget");

        Assert.That(article.Timestamps.Updated, Is.Not.Null);
        Assert.That(article.Timestamps.Published, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Timestamps.Updated!.Confidence, Is.EqualTo(TimestampConfidence.Printed));
            Assert.That(article.Timestamps.Published!.Value, Is.EqualTo(article.Timestamps.Updated.Value));
            Assert.That(article.Timestamps.Published.Confidence, Is.EqualTo(TimestampConfidence.Guessed), "only the update is shown");
            Assert.That(article.Timestamps.Published.Source, Does.Contain("the update time"));
            Assert.That(article.Warnings, Has.Some.Contains("the update time"));
        }
    }

    [Test]
    public async Task Extract_PublishedAndUpdatedShown_KeepsThemApart()
    {
        var html = Page("en", $"<div class=\"post\"><h1>Council approves budget</h1><div class=\"meta\">Published March 12, 2021 | Updated March 14, 2021</div><div class=\"text\">{Body}</div></div>");

        var timestamps = (await Pages.ExtractAsync(html, "https://blog.example.org/council-budget")).Timestamps;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timestamps.Published?.Value.Day, Is.EqualTo(12));
            Assert.That(timestamps.Published?.Confidence, Is.EqualTo(TimestampConfidence.Printed));
            Assert.That(timestamps.Updated?.Value.Day, Is.EqualTo(14));
        }
    }

    // Reconstructed after an Austrian daily: the date and reading time follow the article, in a bare time element.
    [Test]
    public async Task Extract_BareTimeElementAfterTheText_WithSpacedDottedDate()
    {
        var html = Page("de", $"<article><h1>Stadtrat beschließt Haushalt</h1>{Body}<p class=\"articleDateAndDuration\"><time>06. 01. 2025, 14:59&nbsp;Uhr</time> Lesedauer: 4 Minuten</p></article>");

        var published = (await Pages.ExtractAsync(html, "https://www.example.at/stadtrat")).Timestamps.Published;

        Assert.That(published?.Value, Is.EqualTo(DateTimeOffset.Parse("2025-01-06T14:59:00+01:00", CultureInfo.InvariantCulture)));
    }

    // Reconstructed after an Italian daily: the publication date, then the update in brackets, in an element classed
    // as the update, far below the headline.
    [Test]
    public async Task Extract_DateLineWithItsUpdate_GivesThePublicationDate()
    {
        var html = Page("it", $"<article><h1>Il consiglio approva il bilancio</h1>{Body}{Body}<div class=\"information-group\"><p class=\"is-last-update\">5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)</p></div></article>");

        var timestamps = (await Pages.ExtractAsync(html, "https://www.example.it/consiglio")).Timestamps;

        Assert.That(timestamps.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo("2025-01-05"));
    }

    // Reconstructed after a Belgian daily: the page-state classes of html name a "most read" fragment, which is not a
    // module around the article's time element (hidden until a script writes "today at 20:07").
    [Test]
    public async Task Extract_TimeElement_IgnoresTheClassesOfHtmlAndBody()
    {
        var html = $"""
            <html lang="nl" class="renderFragmentServerSide_mostread"><body class="related-posts"><main><article>
            <h1>Gemeenteraad keurt begroting goed</h1><div><time style="visibility:hidden" dateTime="2025-02-02T19:07:46Z" data-testid="article-date">Vandaag om 20:07</time></div>
            {Body}</article></main></body></html>
            """;

        var published = (await Pages.ExtractAsync(html, "https://www.example.be/begroting")).Timestamps.Published;

        Assert.That(published?.Value, Is.EqualTo(DateTimeOffset.Parse("2025-02-02T19:07:46Z", CultureInfo.InvariantCulture)));
    }

    [TestCase("/2023/04/03/council-budget", "2023-04-03")]
    [TestCase("/news/20230403/council-budget.html", "2023-04-03")]
    [TestCase("/news/council-budget-2023-04-03-101.html", "2023-04-03")]
    public async Task Extract_DateOnlyInTheUrl_IsTheUrlDate(string path, string expected)
    {
        var html = $"<html><body><h1>Council approves budget</h1>{Body}</body></html>";

        var published = (await Pages.ExtractAsync(html, "https://www.example.com" + path)).Timestamps.Published;

        Assert.That(published, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo(expected));
            Assert.That(published.Confidence, Is.EqualTo(TimestampConfidence.Url));
        }
    }

    [Test]
    public async Task Extract_UnmarkedDateLineUnderTheHeadline_IsAGuess()
    {
        var html = $"<html lang=\"fr\"><body><table><tr><td><b>Le conseil adopte le budget</b><br><font size=1>3 avril 2023</font><br><br>{Body}</td></tr></table></body></html>";

        var published = (await Pages.ExtractAsync(html, "https://www.example.fr/conseil")).Timestamps.Published;

        Assert.That(published, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo("2023-04-03"));
            Assert.That(published.Confidence, Is.EqualTo(TimestampConfidence.Guessed));
            Assert.That(published.Source, Does.StartWith("text:page"));
        }
    }

    [Test]
    public async Task Extract_StructuredDate_IsStructured()
    {
        var html = Pages.Article("""<meta property="article:published_time" content="2023-12-23T01:48:19+00:00">""", "<h1>Council</h1>" + Pages.Paragraphs(3));

        var published = (await Pages.ExtractAsync(html)).Timestamps.Published!;

        Assert.That(published.Confidence, Is.EqualTo(TimestampConfidence.Structured));
    }

    [Test]
    public async Task Extract_DateOnlyInTheTextNearTheTop_IsTheLastGuess()
    {
        var html = Page("de", $"<div class=\"post\"><h1>Stadtrat beschließt Haushalt</h1>{Body}<p>Der Beschluss vom 12.03.2021 gilt ab Mai, teilte die Stadt nach der Sitzung am Abend mit.</p>{Body}</div>");

        var published = (await Pages.ExtractAsync(html, "https://blog.example.org/stadtrat-haushalt")).Timestamps.Published;

        Assert.That(published, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(published!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo("2021-03-12"));
            Assert.That(published.Confidence, Is.EqualTo(TimestampConfidence.Guessed));
            Assert.That(published.Source, Is.EqualTo("text:page (the first date in the text)"));
        }
    }

    [Test]
    public async Task Extract_DateOnlyInAnEmbeddedPost_IsNotTheArticles()
    {
        var html = Page("en", $"<div class=\"post\"><h1>Council approves budget</h1>{Body}<blockquote class=\"twitter-tweet\"><p>Budget passed tonight!</p>— Council (@council) <a href=\"https://twitter.com/council/status/1\">March 12, 2021</a></blockquote></div>");

        var published = (await Pages.ExtractAsync(html, "https://blog.example.org/council-budget")).Timestamps.Published;

        Assert.That(published, Is.Null);
    }
}
