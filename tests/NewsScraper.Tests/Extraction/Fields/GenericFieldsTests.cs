using NewsScraper.Extraction.Fields;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>The generic path on synthetic pages (written for these tests).</summary>
public sealed class GenericFieldsTests
{
    [Test]
    public async Task Extract_OgTitleWithSiteSuffix_PrefersTheH1()
    {
        var html = Pages.Article(
            """<meta property="og:title" content="Council Funds New Library | Example News"><meta property="og:site_name" content="Example News"><title>Council Funds New Library - Example News</title>""",
            "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Council Funds New Library"));
            Assert.That(article.Provenance["headline"], Does.StartWith("selector:"));
            Assert.That(article.Extractor, Is.EqualTo("generic"));
        }
    }

    [TestCase("Council Funds New Library | Example News", "Council Funds New Library")]
    [TestCase("Example News: Council Funds New Library", "Council Funds New Library")]
    [TestCase("Council Funds New Library - World - Example News", "Council Funds New Library")]
    [TestCase("Council Funds New Library", "Council Funds New Library")]
    public void Clean_TitleWithSiteNameOrSection_KeepsTheTitle(string title, string expected)
    {
        Assert.That(HeadlineExtractor.Clean(title, "Example News"), Is.EqualTo(expected));
    }

    [TestCase("By Jane Doe and John Smith", new[] { "Jane Doe", "John Smith" })]
    [TestCase("Jane Doe, John Smith and Ann Lee", new[] { "Jane Doe", "John Smith", "Ann Lee" })]
    [TestCase("Jane Doe | Staff writer", new[] { "Jane Doe" })]
    [TestCase("By Jane Doe, Senior Correspondent", new[] { "Jane Doe" })]
    [TestCase("Jane Doe @janedoe jane@example.com", new[] { "Jane Doe" })]
    public void SplitNames_Byline_GivesOneEntryPerPerson(string byline, string[] expected)
    {
        Assert.That(AuthorsExtractor.SplitNames(byline), Is.EqualTo(expected));
    }

    [TestCase("Reuters")]
    [TestCase("PTI")]
    [TestCase("Devdiscourse News Desk")]
    [TestCase("Staff")]
    [TestCase("The Associated Press")]
    public void IsOrganization_DeskOrAgency_IsTrue(string name)
    {
        Assert.That(AuthorsExtractor.IsOrganization(name, siteName: null), Is.True);
    }

    [Test]
    public async Task Extract_JsonLdAuthorsAndAgency_SplitsPeopleFromOrganization()
    {
        var html = Pages.Article(
            """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":["NewsArticle"],"headline":"Council Funds New Library","datePublished":"2025-05-30T08:00:00-04:00","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Smith"},{"@type":"Organization","name":"Reuters"}]}]}</script>""",
            "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4));

        var article = await Pages.ExtractAsync(html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Authors, Is.EqualTo(new[] { "Jane Doe", "John Smith" }));
            Assert.That(article.Byline?.Organization, Is.EqualTo("Reuters"));
            Assert.That(article.Timestamps.Published!.Value, Is.EqualTo(new DateTimeOffset(2025, 5, 30, 8, 0, 0, TimeSpan.FromHours(-4))));
            Assert.That(article.Timestamps.Published.Source, Is.EqualTo("json-ld:datePublished"));
        }
    }

    [Test]
    public async Task Extract_FutureDate_IsRejectedWithAWarning()
    {
        var html = Pages.Article("""<meta property="article:published_time" content="2031-01-01T00:00:00Z">""", "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(3));

        var article = await Pages.ExtractAsync(html, "https://news.example.com/story");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Timestamps.Published, Is.Null);
            Assert.That(article.Warnings, Has.Some.Contains("future"));
        }
    }

    [Test]
    public async Task Extract_TimeElement_GivesPublishedWhenNoMetaHasIt()
    {
        var html = Pages.Article(string.Empty, """<h1>Council Funds New Library</h1><time datetime="2025-05-30T10:15:00+01:00">30 May</time>""" + Pages.Paragraphs(3));

        var article = await Pages.ExtractAsync(html, "https://news.example.com/story");

        Assert.That(article.Timestamps.Published!.Value, Is.EqualTo(new DateTimeOffset(2025, 5, 30, 10, 15, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public async Task Extract_GenericPage_BodyKeepsParagraphsAndDropsBoilerplate()
    {
        var article = Pages.Article(
            string.Empty,
            """
            <h1>Council Funds New Library</h1>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <div class="article-body">
              <p>LONDON (Reuters) - The council met on Tuesday to discuss the budget, and members agreed, after a long debate, to fund the new library.</p>
              <figure><img src="/a.jpg"><figcaption>The old library. (Jane Doe/Reuters)</figcaption></figure>
              <p>The library will open next year, officials said, and will hold more than 100,000 books, a cafe, and a children's room.</p>
              <div class="related-links"><h3>Related</h3><ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul></div>
              <h2>Funding</h2>
              <p>The money comes from a regional fund, which was set up, the council said, to support culture in smaller towns.</p>
              <p>Reporting by Jane Doe; Editing by John Smith</p>
            </div>
            """,
            """<aside class="sidebar"><h2>Most Read</h2><ol><li><a href="/a">A story that many people read today</a></li></ol></aside>""");

        var result = await Pages.ExtractAsync(article);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Body.Paragraphs, Is.EqualTo(new[]
            {
                "LONDON (Reuters) - The council met on Tuesday to discuss the budget, and members agreed, after a long debate, to fund the new library.",
                "The library will open next year, officials said, and will hold more than 100,000 books, a cafe, and a children's room.",
                "Funding",
                "The money comes from a regional fund, which was set up, the council said, to support culture in smaller towns.",
            }));
            Assert.That(result.Disclaimers, Is.EqualTo(new[] { new Disclaimer(DisclaimerKind.AgencyCredit, "Reporting by Jane Doe; Editing by John Smith") }));
            Assert.That(result.Dateline, Is.EqualTo(new Dateline("LONDON", "Reuters", null, "LONDON (Reuters) -")));
        }
    }

    [Test]
    public async Task Extract_PageWithoutArticleMarkup_StillGivesHeadlineAndBody()
    {
        var html = $$"""
            <html><head><title>Storm closes schools - Daily Bugle</title></head><body>
            <div id="top"><a href="/">Daily Bugle</a></div>
            <div id="c"><div class="txt">{{Pages.Paragraphs(5, "Storm")}}</div></div>
            <div class="footer"><a href="/about">About</a></div></body></html>
            """;

        var article = await Pages.ExtractAsync(html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Storm closes schools"));
            Assert.That(article.Body.Paragraphs, Has.Count.EqualTo(5));
            Assert.That(article.Provenance["body"], Is.EqualTo("dom-score"));
        }
    }

    [Test]
    public async Task Extract_EmptyPage_GivesARecordThatSaysWhatIsMissing()
    {
        var article = await Pages.ExtractAsync(string.Empty);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body, Is.EqualTo(ArticleBody.Empty));
            Assert.That(article.Warnings, Does.Contain("no article body was found"));
            Assert.That(article.Warnings, Does.Contain("no headline was found"));
        }
    }

    [Test]
    public async Task Extract_EmptyPageAfterAnother_ReadsNothingOfTheEarlierPage()
    {
        // Pages are decoded into pooled buffers: an empty page (which gets the same small buffer as a tiny one) must not
        // see what the earlier page left in it.
        var extractor = new NewsScraper.Extraction.ArticleExtractor();
        _ = await extractor.ExtractAsync("<h1>Stale</h1>"u8.ToArray(), new Uri("https://news.example/earlier"));

        var empty = await extractor.ExtractAsync(Array.Empty<byte>(), new Uri("https://news.example/empty"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty.Headline, Is.Null);
            Assert.That(empty.Body, Is.EqualTo(ArticleBody.Empty));
        }
    }
}
