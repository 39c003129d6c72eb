using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Extraction;
using NewsScraper.Fetching;
using NewsScraper.Serialization;
using NewsScraper.Tests.Golden;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Fetching;

/// <summary>Fetching against a real Kestrel server on 127.0.0.1.</summary>
public sealed class HttpFetchingTests
{
    private static ServiceProvider Services(Action<NewsScraperOptions>? configure = null) => TestServices.Build(configure);

    [Test]
    public async Task ScrapeAsync_DevdiscoursePageOverHttp_GivesTheSameRecordAsTheSavedPage()
    {
        var page = CorpusPage.All("devdiscourse").Single(p => p.Slug == "founding-example-2025-04-23");
        var bytes = await File.ReadAllBytesAsync(page.SourcePath);
        await using var server = await LocalServer.StartAsync(app =>
            app.MapGet("/article/headlines/3383911-high-stakes-diplomacy", () => Results.Bytes(bytes, "text/html; charset=utf-8")));
        await using var provider = Services();
        var fetcher = provider.GetRequiredService<IPageFetcher>();
        var extractor = provider.GetRequiredService<IArticleExtractor>();

        var fetched = await fetcher.FetchAsync(server.Url("/article/headlines/3383911-high-stakes-diplomacy"));
        // The local server stands in for the site: extract under the page's real address, as the CLI's --url does.
        var overHttp = await extractor.ExtractAsync(fetched with { FinalUrl = page.Url, RequestedUrl = page.Url, FetchedAt = page.RetrievedAt });
        var saved = await extractor.ExtractAsync(WebPage.FromBytes(bytes, page.Url, page.RetrievedAt));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fetched.StatusCode, Is.EqualTo(200));
            Assert.That(fetched.Content.ToArray(), Is.EqualTo(bytes));
            Assert.That(NewsArticleJson.Serialize(overHttp with { Fetch = null }), Is.EqualTo(NewsArticleJson.Serialize(saved)));
            Assert.That(overHttp.Fetch!.UserAgent, Is.EqualTo(NewsScraperDefaults.UserAgent));
        }
    }

    [Test]
    public async Task ScrapeAsync_DevdiscoursePageFromALocalCopy_UsesTheProfileOfItsCanonicalHost()
    {
        var page = CorpusPage.All("devdiscourse").Single(p => p.Slug == "founding-example-2025-04-23");
        var bytes = await File.ReadAllBytesAsync(page.SourcePath);
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/page.html", () => Results.Bytes(bytes, "text/html")));
        await using var provider = Services();
        var saved = await provider.GetRequiredService<IArticleExtractor>().ExtractAsync(WebPage.FromBytes(bytes, page.Url));

        var article = await provider.GetRequiredService<INewsScraper>().ScrapeAsync(server.Url("/page.html"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Extractor, Is.EqualTo("devdiscourse"));
            Assert.That(article.Provenance["extractor"], Is.EqualTo("canonical-host:www.devdiscourse.com"));
            Assert.That(article.Url, Is.EqualTo(server.Url("/page.html").AbsoluteUri));
            Assert.That(article.Body.Paragraphs, Is.EqualTo(saved.Body.Paragraphs));
            Assert.That(article.Timestamps, Is.EqualTo(saved.Timestamps));
            Assert.That(article.Trending, Is.EqualTo(saved.Trending));
            Assert.That(article.Disclaimers, Is.EqualTo(saved.Disclaimers));
            Assert.That(article.Headline, Is.EqualTo(saved.Headline));
            Assert.That(article.Byline, Is.EqualTo(saved.Byline));
            Assert.That(article.Dateline, Is.EqualTo(saved.Dateline));
        }
    }

    [Test]
    public async Task ScrapeAsync_Redirect_FollowsAndReportsTheFinalUrl()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/new", () => Results.Content("<html><head><title>Moved story</title></head><body><h1>Moved story</h1><p>" + new string('x', 10) + "</p></body></html>", "text/html"));
        });
        await using var provider = Services();

        var article = await provider.GetRequiredService<INewsScraper>().ScrapeAsync(server.Url("/old"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Url, Is.EqualTo(server.Url("/new").AbsoluteUri));
            Assert.That(article.Headline, Is.EqualTo("Moved story"));
        }
    }

    [Test]
    public async Task FetchAsync_ServiceUnavailableThenOk_Retries()
    {
        var calls = 0;
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/flaky", () =>
            Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(503) : Results.Content("<html><body><h1>Back</h1></body></html>", "text/html")));
        await using var provider = Services();

        var page = await provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/flaky"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.StatusCode, Is.EqualTo(200));
            Assert.That(calls, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task FetchAsync_NotFound_ThrowsHttpStatus()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/gone", () => Results.NotFound()));
        await using var provider = Services();

        var ex = Assert.ThrowsAsync<HttpStatusException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/gone")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.HttpStatus));
            Assert.That(ex.StatusCode, Is.EqualTo(404));
        }
    }

    [Test]
    public async Task FetchAsync_Pdf_ThrowsNotHtml()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/doc.pdf", () => Results.Bytes(Encoding.ASCII.GetBytes("%PDF-1.7 ..."), "application/pdf")));
        await using var provider = Services();

        var ex = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/doc.pdf")));

        Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.NotHtml));
    }

    [Test]
    public async Task FetchAsync_RedirectLoop_ThrowsTooManyRedirects()
    {
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        });
        await using var provider = Services();

        var ex = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/a")));

        Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.TooManyRedirects));
    }

    [Test]
    public async Task FetchAsync_BodyOverTheCap_ThrowsTooLarge()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            for (var i = 0; i < 64; i++)
            {
                await context.Response.Body.WriteAsync(chunk);
            }
        }));
        await using var provider = Services(o => o.MaxResponseBytes = 1024 * 1024);

        var ex = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/big")));

        Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.TooLarge));
    }

    [Test]
    public async Task FetchAsync_NothingListening_ThrowsConnection()
    {
        await using var provider = Services(o => o.MaxRetries = 0);
        var closedPort = new Uri("http://127.0.0.1:9/");

        var ex = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(closedPort));

        Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.Connection));
    }

    [TestCase("ftp://example.com/a")]
    [TestCase("file:///etc/passwd")]
    public async Task FetchAsync_NotHttp_ThrowsInvalidUrl(string url)
    {
        await using var provider = Services();

        var ex = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(new Uri(url)));

        Assert.That(ex!.Kind, Is.EqualTo(ScrapeErrorKind.InvalidUrl));
    }

    [Test]
    public void AddNewsScraper_InvalidOptions_FailsValidation()
    {
        using var provider = Services(o => o.MaxRedirects = -1);

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsScraperOptions>>().Value);
    }

    [Test]
    public void AddNewsScraper_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddNewsScraper();
        services.AddNewsScraper();

        Assert.That(services.Count(d => d.ServiceType == typeof(INewsScraper)), Is.EqualTo(1));
    }
}
