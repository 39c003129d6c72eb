using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Fetching;
using NewsScraper.Tests.TestDoubles;
using Polly;

namespace NewsScraper.Tests.Fetching;

/// <summary>
/// The per-host circuit breaker against a real Kestrel server on 127.0.0.1: it counts only requests that end as host
/// failures after their retries, an open circuit is its own error kind with the time it closes, and a batch waits for
/// the circuit instead of failing the inputs behind it.
/// </summary>
public sealed class CircuitBreakerTests
{
    private static string Article(int i) =>
        $"<html><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 4).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    [TestCase(500, true)]
    [TestCase(503, true)]
    [TestCase(408, true)]
    [TestCase(429, false)]
    [TestCase(404, false)]
    [TestCase(200, false)]
    public void IsHostFailure_ByStatus(int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.That(HostFailure.Is(Outcome.FromResult(response)), Is.EqualTo(expected));
    }

    [Test]
    public void IsHostFailure_ConnectionFailureAndTimeout_AreHostFailures()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(HostFailure.Is(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"))), Is.True);
            Assert.That(HostFailure.Is(Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException())), Is.True);
        }
    }

    [Test]
    public async Task ScrapeManyAsync_PagesThatRecoverOnRetry_NeverOpenTheCircuitForThePagesAfterThem()
    {
        // Every one of the first 40 pages fails once (a 500 or a 429) before it is served: most attempts to the host fail,
        // but every request ends well. The breaker's own settings are the defaults.
        var hits = new ConcurrentDictionary<string, int>();
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/flaky/{i:int}", (int i, HttpContext context) =>
            {
                if (hits.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1) == 1)
                {
                    if (i % 3 == 0)
                    {
                        context.Response.Headers.RetryAfter = "0";
                        return Results.StatusCode(429);
                    }

                    return Results.StatusCode(500);
                }

                return Results.Text(Article(i), "text/html; charset=utf-8");
            });
            app.MapGet("/missing", () => Results.NotFound());
            app.MapGet("/pdf", () => Results.Bytes("%PDF-1.4"u8.ToArray(), "application/pdf"));
            app.MapGet("/loop", () => Results.Redirect("/loop"));
        });
        await using var provider = TestServices.Build(options => options.MaxRetries = 2);
        var scraper = provider.GetRequiredService<INewsScraper>();
        var urls = Enumerable.Range(0, 40).Select(i => server.Url($"/flaky/{i}")).Concat([server.Url("/missing"), server.Url("/pdf"), server.Url("/loop")]).ToList();

        var results = new List<ScrapeResult>();
        await foreach (var result in scraper.ScrapeManyAsync(urls, maxConcurrency: 4))
        {
            results.Add(result);
        }

        var byPath = results.ToDictionary(r => r.Url.AbsolutePath, r => r.Error?.Kind);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Where(r => r.Url.AbsolutePath.StartsWith("/flaky/", StringComparison.Ordinal)).Select(r => r.Error?.Message), Has.All.Null);
            Assert.That(byPath["/missing"], Is.EqualTo(ScrapeErrorKind.HttpStatus));
            Assert.That(byPath["/pdf"], Is.EqualTo(ScrapeErrorKind.NotHtml));
            Assert.That(byPath["/loop"], Is.EqualTo(ScrapeErrorKind.TooManyRedirects));
        }
    }

    [Test]
    public async Task HostThatFailsThenRecovers_OpenCircuitIsHostUnavailableWithItsClosingTime_AndABatchWaitsForIt()
    {
        // The host answers 500 to its first 60 requests, then serves every page.
        var requests = 0;
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/story/{i:int}", (int i) =>
            Interlocked.Increment(ref requests) <= 60 ? Results.StatusCode(500) : Results.Text(Article(i), "text/html; charset=utf-8")));
        await using var provider = TestServices.Build(options => options.MaxRetries = 1);
        var fetcher = provider.GetRequiredService<IPageFetcher>();

        // 25 requests that end in a 500 (two attempts each) open the circuit; the next is refused without a request.
        for (var i = 0; i < 25; i++)
        {
            Assert.That(async () => await fetcher.FetchAsync(server.Url($"/story/{i}")), Throws.InstanceOf<NewsScraperException>());
        }

        var sent = Volatile.Read(ref requests);
        var refused = Assert.ThrowsAsync<HostUnavailableException>(async () => await fetcher.FetchAsync(server.Url("/story/100")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Kind, Is.EqualTo(ScrapeErrorKind.HostUnavailable));
            Assert.That(refused.ClosesAt, Is.GreaterThan(DateTimeOffset.UtcNow));
            Assert.That(Volatile.Read(ref requests), Is.EqualTo(sent), "an open circuit sends nothing");
        }

        // Let the host recover (its failing requests used up), then a batch behind the open circuit waits and is served.
        Interlocked.Exchange(ref requests, 61);
        var scraper = provider.GetRequiredService<INewsScraper>();
        var results = new List<ScrapeResult>();
        await foreach (var result in scraper.ScrapeManyAsync(Enumerable.Range(200, 6).Select(i => server.Url($"/story/{i}")), maxConcurrency: 3))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Error?.Message).ToList(), Has.Count.EqualTo(6).And.All.Null);
    }
}
