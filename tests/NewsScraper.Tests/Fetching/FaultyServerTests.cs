using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Fetching;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Fetching;

/// <summary>
/// Fetching and batches against a real Kestrel server on 127.0.0.1 that misbehaves on purpose: robots.txt rules, 429
/// with Retry-After, slow answers, resets, a gzip bomb, a legacy charset declared only in a meta tag, random bytes.
/// </summary>
public sealed class FaultyServerTests
{
    private static string Article(int i) =>
        $"<html><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 4).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    private static ServiceProvider Services(Action<NewsScraperOptions>? configure = null) => TestServices.Build(options =>
    {
        options.AttemptTimeout = TimeSpan.FromSeconds(1);
        options.TotalTimeout = TimeSpan.FromSeconds(10);
        options.MaxRetries = 1;
        options.MaxConcurrencyPerHost = 4;
        configure?.Invoke(options);
    });

    private static Task<LocalServer> FaultyServerAsync(ConcurrentDictionary<string, int> hits, Action<int>? onConcurrency = null)
    {
        var inFlight = 0;
        return LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\nAllow: /private/ok\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain"));
            app.MapGet("/ok/{i:int}", async (int i) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                onConcurrency?.Invoke(now);
                await Task.Delay(20);
                Interlocked.Decrement(ref inFlight);
                return Results.Text(Article(i), "text/html; charset=utf-8");
            });
            app.MapGet("/private/{i:int}", (int i) => Results.Text(Article(i), "text/html"));
            app.MapGet("/private/ok", () => Results.Text(Article(0), "text/html"));
            app.MapGet("/missing/{i:int}", () => Results.NotFound());
            app.MapGet("/pdf/{i:int}", () => Results.Bytes("%PDF-1.4"u8.ToArray(), "application/pdf"));
            app.MapGet("/slow/{i:int}", async (int i, CancellationToken token) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), token);
                return Results.Text(Article(i), "text/html");
            });
            app.MapGet("/busy/{i:int}", (int i, HttpContext context) =>
            {
                // 429 with Retry-After the first time, the page the second.
                if (hits.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1) == 1)
                {
                    context.Response.Headers.RetryAfter = "0";
                    return Results.StatusCode(429);
                }

                return Results.Text(Article(i), "text/html");
            });
            app.MapGet("/trickle/{i:int}", async (HttpContext context, CancellationToken token) =>
            {
                // Headers at once, then a byte every half second: only a deadline on the body ends it.
                context.Response.ContentType = "text/html";
                await context.Response.StartAsync(token);
                for (var k = 0; k < 60 && !token.IsCancellationRequested; k++)
                {
                    await context.Response.Body.WriteAsync("<"u8.ToArray(), token);
                    await context.Response.Body.FlushAsync(token);
                    await Task.Delay(500, token);
                }
            });
            app.MapGet("/reset/{i:int}", (HttpContext context) =>
            {
                context.Abort();
                return Results.Empty;
            });
            app.MapGet("/random/{i:int}", (int i) =>
            {
                var bytes = new byte[50_000];
#pragma warning disable CA5394 // Test data.
                new Random(i).NextBytes(bytes);
#pragma warning restore CA5394
                return Results.Bytes(bytes, "text/html");
            });
        });
    }

    [Test]
    public async Task FetchAsync_RobotsTxtDisallows_IsATypedError_AndAllowWinsTheLongestMatch()
    {
        await using var server = await FaultyServerAsync(new());
        await using var provider = Services();
        var fetcher = provider.GetRequiredService<IPageFetcher>();

        var error = Assert.ThrowsAsync<NewsScraperException>(() => fetcher.FetchAsync(server.Url("/private/1")));
        var allowed = await fetcher.FetchAsync(server.Url("/private/ok"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.RobotsDisallowed));
            Assert.That(allowed.StatusCode, Is.EqualTo(200));
        }
    }

    [Test]
    public async Task FetchAsync_RobotsTurnedOff_FetchesTheDisallowedPath()
    {
        await using var server = await FaultyServerAsync(new());
        await using var provider = Services(o => o.RespectRobotsTxt = false);

        var page = await provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/private/1"));

        Assert.That(page.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_RetriesAndSucceeds()
    {
        await using var server = await FaultyServerAsync(new());
        await using var provider = Services();

        var page = await provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/busy/1"));

        Assert.That(page.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task FetchAsync_SixtyMegabyteBodyWithoutLength_IsTooLargeAndStopsReading()
    {
        const long cap = 4L << 20;
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/huge", async (HttpContext context, CancellationToken token) =>
        {
            // Streamed without a Content-Length: only counting the bytes read can stop it.
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text of a huge page</p>", 2000)));
            for (var written = 0L; written < 60L << 20 && !token.IsCancellationRequested; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, token);
            }
        }));

        // Counted where the fetcher reads the body (the server cannot tell: after the client has gone, Kestrel accepts
        // and discards writes until it notices, which made a server-side count flaky).
        var counter = new CountingHandler();
        await using var provider = TestServices.Build(o => o.MaxResponseBytes = cap, http => http.AddHttpMessageHandler(() => counter));

        var error = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/huge")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.TooLarge), error.ToString());
            Assert.That(counter.BytesRead, Is.GreaterThan(cap / 2).And.LessThanOrEqualTo(cap + (1 << 20)), "the fetcher stopped reading at the cap");
        }
    }

    /// <summary>Counts the response body bytes the fetcher reads.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private long bytesRead;

        public long BytesRead => Interlocked.Read(ref bytesRead);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var inner = await response.Content.ReadAsStreamAsync(cancellationToken);
            var counted = new StreamContent(new CountingStream(inner, n => Interlocked.Add(ref bytesRead, n)));
            foreach (var header in response.Content.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = counted;
            return response;
        }
    }

    private sealed class CountingStream(Stream inner, Action<int> count) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count1)
        {
            var n = inner.Read(buffer, offset, count1);
            count(n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            count(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    [Test]
    public async Task FetchAsync_SlowBody_TimesOut()
    {
        await using var server = await FaultyServerAsync(new());
        await using var provider = Services(o => o.TotalTimeout = TimeSpan.FromSeconds(2));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/trickle/1")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.Timeout));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        }
    }

    [Test]
    public async Task FetchAsync_GzipBomb_IsTooLargeAfterDecompression()
    {
        var bomb = new MemoryStream();
        await using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 60; i++)
            {
                await gzip.WriteAsync(zeros);
            }
        }

        var compressed = bomb.ToArray();
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/bomb", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(compressed);
        }));
        await using var provider = Services(o => o.MaxResponseBytes = 1 << 20);

        var error = Assert.ThrowsAsync<NewsScraperException>(() => provider.GetRequiredService<IPageFetcher>().FetchAsync(server.Url("/bomb")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(compressed, Has.Length.LessThan(200_000));
            Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.TooLarge));
        }
    }

    [Test]
    public async Task ScrapeAsync_Windows1252DeclaredOnlyInMeta_IsDecoded()
    {
        // Written for windows-1252 by hand: é is 0xE9, the en dash 0x96 (a byte that is a control character in Latin-1).
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 society ~ r\u00e9sum\u00e9s</title></head><body><article><h1>Caf\u00e9 society ~ r\u00e9sum\u00e9s</h1><p>Na\u00efve text about the caf\u00e9 and the r\u00e9sum\u00e9s of its regulars, long enough to be read as the body of the article.</p></article></body></html>");
        for (var i = Array.IndexOf(bytes, (byte)'~'); i >= 0; i = Array.IndexOf(bytes, (byte)'~'))
        {
            bytes[i] = 0x96;
        }
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/legacy", () => Results.Bytes(bytes, "text/html")));
        await using var provider = Services();

        var article = await provider.GetRequiredService<INewsScraper>().ScrapeAsync(server.Url("/legacy"));

        Assert.That(article.Headline, Is.EqualTo("Caf\u00e9 society \u2013 r\u00e9sum\u00e9s"));
    }

    [Test]
    public async Task ScrapeManyAsync_FaultyServer_GivesEveryInputOneResultWithTheRightKind()
    {
        var peak = 0;
        await using var server = await FaultyServerAsync(new(), now => InterlockedMax(ref peak, now));
        await using var provider = Services(o => o.MaxConcurrencyPerHost = 3);
        var scraper = provider.GetRequiredService<INewsScraper>();
        string[] kinds = ["ok", "private", "missing", "pdf", "slow", "busy", "reset", "random"];
        var urls = Enumerable.Range(0, 240).Select(i => server.Url($"/{kinds[i % kinds.Length]}/{i}")).ToList();

        var results = new List<ScrapeResult>();
        await foreach (var result in scraper.ScrapeManyAsync(urls, maxConcurrency: 16))
        {
            results.Add(result);
        }

        var expected = new Dictionary<string, ScrapeErrorKind?>
        {
            ["ok"] = null, ["private"] = ScrapeErrorKind.RobotsDisallowed, ["missing"] = ScrapeErrorKind.HttpStatus, ["pdf"] = ScrapeErrorKind.NotHtml,
            ["slow"] = ScrapeErrorKind.Timeout, ["busy"] = null, ["reset"] = ScrapeErrorKind.Connection, ["random"] = ScrapeErrorKind.NotHtml,
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.Index).Order(), Is.EqualTo(Enumerable.Range(0, urls.Count)), "every input once");
            foreach (var result in results)
            {
                var kind = kinds[result.Index % kinds.Length];
                Assert.That(result.Error?.Kind, Is.EqualTo(expected[kind]), $"{result.Url}: {result.Error?.Message}");
            }

            Assert.That(peak, Is.LessThanOrEqualTo(3), "at most MaxConcurrencyPerHost requests in flight against the host");
        }
    }

    [Test]
    public async Task CliBatch_FaultyServer_WritesOneLinePerInputWithTheRightErrorKind()
    {
        await using var server = await FaultyServerAsync(new());
        await using var provider = Services(o => o.MaxConcurrencyPerHost = 3);
        string[] kinds = ["ok", "private", "missing", "pdf", "busy", "reset", "random", "ok"];
        var inputs = Enumerable.Range(0, 200).Select(i => server.Url($"/{kinds[i % kinds.Length]}/{i}").AbsoluteUri).ToList();
        inputs.Add("/no/such/saved-page.html");
        var output = new StringWriter();
        var cli = NewsScraper.Cli.CliOptions.Parse(["list.txt", "--concurrency", "12"]);

        var exitCode = await NewsScraper.Cli.Batch.RunAsync(
            inputs, cli, provider.GetRequiredService<INewsScraper>(), provider.GetRequiredService<NewsScraper.Extraction.IArticleExtractor>(), output, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var bySource = lines.ToDictionary(l => l.GetProperty("source").GetString()!, l => l.TryGetProperty("error", out var e) ? e.GetProperty("kind").GetString() : null);
        var expected = new Dictionary<string, string?>
        {
            ["ok"] = null, ["private"] = "robots-disallowed", ["missing"] = "http-status", ["pdf"] = "not-html", ["busy"] = null, ["reset"] = "connection", ["random"] = "not-html",
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), "some inputs failed");
            Assert.That(lines, Has.Count.EqualTo(inputs.Count), "one line per input, none missing or repeated");
            Assert.That(bySource.Keys, Is.EquivalentTo(inputs));
            for (var i = 0; i < 200; i++)
            {
                Assert.That(bySource[inputs[i]], Is.EqualTo(expected[kinds[i % kinds.Length]]), inputs[i]);
            }

            Assert.That(bySource["/no/such/saved-page.html"], Is.EqualTo("io"));
        }
    }

    [Test]
    public void RobotsTxt_Rules_FollowRfc9309()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /search\nAllow: /search/about$\nDisallow: /*.pdf$\nCrawl-delay: 2\n\nUser-agent: NewsScraper\nUser-agent: other\nDisallow: /drafts/\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(robots.IsAllowed("/search?q=x", "AnyBot/1.0"), Is.False);
            Assert.That(robots.IsAllowed("/search/about", "AnyBot/1.0"), Is.True);
            Assert.That(robots.IsAllowed("/search/about/more", "AnyBot/1.0"), Is.False);
            Assert.That(robots.IsAllowed("/files/report.pdf", "AnyBot/1.0"), Is.False);
            Assert.That(robots.IsAllowed("/files/report.pdf?x=1", "AnyBot/1.0"), Is.True);
            Assert.That(robots.IsAllowed("/search", NewsScraperDefaults.UserAgent), Is.True, "the named group replaces the * group");
            Assert.That(robots.IsAllowed("/drafts/x", NewsScraperDefaults.UserAgent), Is.False);
            Assert.That(robots.CrawlDelay("AnyBot/1.0"), Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(RobotsTxt.Parse(string.Empty).IsAllowed("/anything", "AnyBot"), Is.True);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
