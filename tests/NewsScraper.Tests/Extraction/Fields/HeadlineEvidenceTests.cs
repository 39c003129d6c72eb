using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// Headlines chosen by evidence when the page's h1 is not the headline it shows: synthetic pages written for these tests,
/// after a layout several German-language and Swiss publishers share (an h1 in the breadcrumb trail, the shown headline in
/// an h2 of the article header under a kicker).
/// </summary>
public sealed class HeadlineEvidenceTests
{
    private const string Url = "https://news.example.com/politik/stromnetz-12345.html";

    private static string Page(string breadcrumbH1, string header, string ogTitle) => $$"""
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>{{ogTitle}} | Example News</title>
        <meta property="og:title" content="{{ogTitle}}">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"{{breadcrumbH1}}"}</script></head>
        <body>
          <nav class="breadcrumb"><a href="/">Startseite</a> <a href="/politik">Politik</a> <h1>{{breadcrumbH1}}</h1></nav>
          <main><article><header>{{header}}</header>{{Pages.Paragraphs(5)}}</article></main>
        </body></html>
        """;

    [Test]
    public async Task Extract_BreadcrumbH1AndAShownHeadingUnderAKicker_GivesTheShownHeadingWithoutItsKicker()
    {
        var html = Page(
            "Stromausfall Berlin: Ampeln, S-Bahnen – Wie sicher ist unser Stromnetz?",
            "<h2 class=\"article-title\"><span class=\"kicker\">Stromausfall in Berlin</span> <span>Ampeln tot, S-Bahnen stoppen: Wie sicher ist Deutschlands Stromnetz?</span></h2>",
            "Stromausfall Berlin: Ampeln, S-Bahnen – Wie sicher ist unser Stromnetz?");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Ampeln tot, S-Bahnen stoppen: Wie sicher ist Deutschlands Stromnetz?"));
            Assert.That(article.Provenance["headline"], Does.StartWith("dom:article heading"));
        }
    }

    [Test]
    public async Task Extract_BreadcrumbH1ThatIsTheShownHeadingWithItsKicker_KeepsTheH1()
    {
        // The shown heading prints the kicker on its own line without a class; the h1 is the same words as "Kicker: Title".
        var html = Page(
            "Bei Protesten 2022: Bericht: Aktivistin getötet",
            "<h2><span>Bei Protesten 2022</span> <span>Bericht: Aktivistin getötet</span></h2>",
            "Bei Protesten 2022: Bericht: Aktivistin getötet");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Headline, Is.EqualTo("Bei Protesten 2022: Bericht: Aktivistin getötet"));
    }

    [Test]
    public async Task Extract_H1InTheArticle_IsNotReplacedByALaterHeading()
    {
        var html = Pages.Article(
            "<meta property=\"og:title\" content=\"Council funds new library\">",
            "<header><h1>Council funds new library</h1></header><h2 class=\"section-title\">What the council decided today</h2>" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Headline, Is.EqualTo("Council funds new library"));
    }

    [Test]
    public async Task Extract_BreadcrumbH1WithoutAShownHeading_KeepsTheH1()
    {
        var html = Page("Council funds new library after long debate", string.Empty, "Council funds new library after long debate");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Headline, Is.EqualTo("Council funds new library after long debate"));
    }

    // Reconstructed after a German daily: an overline above the h1, and the publisher's titles write "Overline: Headline".
    [TestCase("<div id=\"overline\">Kenia</div><h1>Nairobi von unten</h1>")]
    [TestCase("<div class=\"kicker\"><div class=\"issue\">Aus: Ausgabe vom 26.04.2024</div><div>Kenia</div></div><h1>Nairobi von unten</h1>")]
    [TestCase("<p>Kenia</p><h1>Nairobi von unten</h1>")]
    public async Task Extract_KickerPrintedAboveTheH1AndInTheTitle_BelongsToTheHeadline(string header)
    {
        var html = Pages.Article(
            "<meta property=\"og:title\" content=\"Kenia: Nairobi von unten\"><title>Kenia: Nairobi von unten, Tageszeitung</title>",
            $"<header>{header}</header>" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Kenia: Nairobi von unten"));
            Assert.That(article.Provenance["headline"], Does.Contain("kicker"));
        }
    }

    [Test]
    public async Task Extract_SectionLabelInTheTitleOnly_IsNotAKicker()
    {
        // "Politik: " in og:title is not printed above the headline: a section label, not part of the headline.
        var html = Pages.Article(
            "<meta property=\"og:title\" content=\"Politik: Council funds new library\">",
            "<nav><a href=\"/politik\">Politik</a></nav><header><p class=\"date\">12.03.2024</p><h1>Council funds new library</h1></header>" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Headline, Is.EqualTo("Council funds new library"));
    }
}
