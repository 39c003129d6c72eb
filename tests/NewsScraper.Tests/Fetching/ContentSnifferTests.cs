using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Fetching;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Fetching;

/// <summary>Not HTML means not HTML: feeds, XML, binary bytes and undeclared text are refused; pages are let through.</summary>
public sealed class ContentSnifferTests
{
    private const string Page = "<!DOCTYPE html><html><head><title>Story</title></head><body><p>Text</p></body></html>";

    [TestCase("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title></channel></rss>", "application/xml", "an RSS or Atom feed")]
    [TestCase("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- generator -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Feed</title></feed>", "text/xml", "an RSS or Atom feed")]
    [TestCase("<rss version=\"2.0\"><channel></channel></rss>", null, "an RSS or Atom feed")]
    [TestCase("<?xml version=\"1.0\"?><sitemap><url/></sitemap>", "application/xml", "an XML document (root <sitemap>)")]
    [TestCase("%PDF-1.4 binary", null, "a PDF document")]
    [TestCase("Just some plain text, no markup at all.", null, "text without HTML markup")]
    public void NotHtml_FeedsDocumentsAndText_AreNamed(string body, string? mediaType, string expected)
    {
        Assert.That(ContentSniffer.NotHtml(Encoding.UTF8.GetBytes(body), mediaType), Is.EqualTo(expected));
    }

    [TestCase(Page, "text/html")]
    [TestCase(Page, null)]
    [TestCase("  \n<html><body><p>x</p></body></html>", null)]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "application/xml")]
    [TestCase("<!-- saved page --><div class=\"story\"><p>Text</p></div>", null)]
    public void NotHtml_Pages_AreLetThrough(string body, string? mediaType)
    {
        Assert.That(ContentSniffer.NotHtml(Encoding.UTF8.GetBytes(body), mediaType), Is.Null);
    }

    [Test]
    public void NotHtml_ControlCharactersServedAsHtml_AreRefused()
    {
        var bytes = new byte[4000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 3 == 0 ? 0x01 : 'a');
        }

        Assert.That(ContentSniffer.NotHtml(bytes, "text/html"), Does.StartWith("binary data"));
    }

    [Test]
    public async Task FetchAsync_FeedAndUndeclaredBodies_AreNotHtml_AndAnUndeclaredPageIsFetched()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", () => Results.Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title></channel></rss>", "application/xml"));
            app.MapGet("/undeclared", async (HttpContext context) => await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Page)));
            app.MapGet("/undeclared-text", async (HttpContext context) => await context.Response.Body.WriteAsync("plain words only"u8.ToArray()));
        });
        await using var provider = TestServices.Build();
        var fetcher = provider.GetRequiredService<IPageFetcher>();

        var feed = Assert.ThrowsAsync<NewsScraperException>(async () => await fetcher.FetchAsync(server.Url("/feed.xml")));
        var text = Assert.ThrowsAsync<NewsScraperException>(async () => await fetcher.FetchAsync(server.Url("/undeclared-text")));
        var page = await fetcher.FetchAsync(server.Url("/undeclared"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(feed!.Kind, Is.EqualTo(ScrapeErrorKind.NotHtml));
            Assert.That(feed.Message, Does.Contain("feed"));
            Assert.That(text!.Kind, Is.EqualTo(ScrapeErrorKind.NotHtml));
            Assert.That(page.Content.Length, Is.GreaterThan(0));
        }
    }
}
