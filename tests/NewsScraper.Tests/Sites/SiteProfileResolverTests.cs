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
}
