using NewsScraper.Sites;

namespace NewsScraper.Tests.Sites;

public sealed class SiteProfileResolverTests
{
    [TestCase("https://www.devdiscourse.com/article/headlines/1-x", "devdiscourse")]
    [TestCase("https://devdiscourse.com/article/headlines/1-x", "devdiscourse")]
    [TestCase("https://DEVDISCOURSE.COM./x", "devdiscourse")]
    [TestCase("https://notdevdiscourse.com/x", "generic")]
    [TestCase("https://devdiscourse.com.evil.example/x", "generic")]
    [TestCase("https://example.org/x", "generic")]
    public void Resolve_Host_MatchesExactlyOrAsDotSuffix(string url, string expected)
    {
        Assert.That(SiteProfileResolver.Default.Resolve(new Uri(url)).Name, Is.EqualTo(expected));
    }

    [Test]
    public void Resolve_MoreSpecificHost_Wins()
    {
        var broad = new SiteProfile { Name = "broad", Hosts = ["example.com"] };
        var narrow = new SiteProfile { Name = "narrow", Hosts = ["news.example.com"] };
        var resolver = new SiteProfileResolver([broad, narrow]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resolver.Resolve(new Uri("https://news.example.com/a")).Name, Is.EqualTo("narrow"));
            Assert.That(resolver.Resolve(new Uri("https://www.example.com/a")).Name, Is.EqualTo("broad"));
        }
    }

    [Test]
    public async Task Extract_ProfileWithInvalidPatternAndSelector_WarnsInsteadOfThrowing()
    {
        var broken = new SiteProfile
        {
            Name = "broken",
            Hosts = ["news.example.com"],
            SummaryRejectPattern = "([unclosed",
            HeadlineSelector = "h1[[",
            TrendingModules = [new TrendingModuleRule { ModuleSelector = "aside", HeadingSelector = "h2", HeadingPattern = "(?<", ItemSelector = "li", LinkSelector = "a" }],
        };
        var extractor = new NewsScraper.Extraction.ArticleExtractor(new SiteProfileResolver([broken]));
        var html = TestDoubles.Pages.Article("""<meta name="description" content="A summary of the story.">""", "<h1>Council Funds New Library</h1>" + TestDoubles.Pages.Paragraphs(3), "<aside><h2>Most Read</h2><ul><li><a href='/a'>A story</a></li></ul></aside>");

        var article = await extractor.ExtractAsync(NewsScraper.WebPage.FromBytes(System.Text.Encoding.UTF8.GetBytes(html), new Uri("https://news.example.com/a"), TestDoubles.Pages.Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Extractor, Is.EqualTo("broken"));
            Assert.That(article.Headline, Is.EqualTo("Council Funds New Library"));
            Assert.That(article.Summary, Is.EqualTo("A summary of the story."));
            Assert.That(article.Warnings, Has.Some.Contains("invalid pattern '([unclosed'"));
            Assert.That(article.Warnings, Has.Some.Contains("invalid pattern '(?<'"));
            Assert.That(article.Warnings, Has.Some.Contains("invalid selector 'h1[['"));
        }
    }
}
