using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsScraper.TestSite;

/// <summary>
/// The pages of the local site: articles, pages that fail once (a 500, a 429) and are served on the retry, a page slower
/// than a given time, a gzip bomb, a PDF and a redirect loop. Request counts are kept per path.
/// </summary>
public sealed class SitePages
{
    private readonly Lazy<byte[]> bomb = new(GzipBomb);
    private readonly Lock gate = new();
    private readonly List<(long At, string Path)> startLog = [];
    private int inFlight;
    private int peakInFlight;
    private int robotsRequests;

    /// <summary>Gets how often each path was requested.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets how long every article takes to answer.</summary>
    public TimeSpan ArticleDelay { get; set; }

    /// <summary>Gets or sets how long /slow/{i} waits before it answers.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>An article page with four paragraphs.</summary>
    /// <param name="i">The story's number.</param>
    /// <returns>The HTML.</returns>
    public static string Article(int i) =>
        $"<html lang=en><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 4).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    /// <summary>Gets the most article requests that were in flight at once.</summary>
    public int PeakInFlight
    {
        get
        {
            lock (gate)
            {
                return peakInFlight;
            }
        }
    }

    /// <summary>Gets how many article requests were started.</summary>
    public int ArticleRequests
    {
        get
        {
            lock (gate)
            {
                return startLog.Count;
            }
        }
    }

    /// <summary>Gets how many times robots.txt was requested.</summary>
    public int RobotsRequests => Volatile.Read(ref robotsRequests);

    /// <summary>Gets the times between consecutive article request starts, in order.</summary>
    public IReadOnlyList<TimeSpan> Gaps => [.. Consecutive().Select(p => p.Gap)];

    /// <summary>Gets the shortest time between two article request starts.</summary>
    public TimeSpan ShortestGap => Consecutive().Select(p => p.Gap).DefaultIfEmpty(TimeSpan.MaxValue).Min();

    /// <summary>Gets the two article requests that started closest together.</summary>
    public string ClosestPair =>
        Consecutive().MinBy(p => p.Gap) is ({ } first, { } second, var gap) ? $"{first} {second} {gap.TotalMilliseconds:F1} ms" : "";

    /// <summary>Forgets the requests seen so far.</summary>
    public void ResetStats()
    {
        lock (gate)
        {
            startLog.Clear();
            peakInFlight = 0;
        }
    }

    /// <summary>Starts the site on Kestrel at a free 127.0.0.1 port.</summary>
    /// <param name="articleDelay">How long every article takes to answer.</param>
    /// <returns>The running site.</returns>
    public static async Task<RunningSite> StartAsync(TimeSpan articleDelay)
    {
        var pages = new SitePages { ArticleDelay = articleDelay };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        pages.Map(app);
        await app.StartAsync();
        return new RunningSite(app, pages, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    /// <summary>Maps the pages onto an application.</summary>
    /// <param name="app">The application.</param>
    public void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Hits.AddOrUpdate(context.Request.Path.Value ?? "/", 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapGet("/robots.txt", () =>
        {
            Interlocked.Increment(ref robotsRequests);
            return Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain");
        });
        app.MapGet("/ok/{i:int}", async (int i, CancellationToken token) =>
        {
            lock (gate)
            {
                startLog.Add((Stopwatch.GetTimestamp(), $"/ok/{i}"));
                peakInFlight = Math.Max(peakInFlight, ++inFlight);
            }

            try
            {
                if (ArticleDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ArticleDelay, token);
                }

                return Results.Text(Article(i), "text/html; charset=utf-8");
            }
            finally
            {
                lock (gate)
                {
                    inFlight--;
                }
            }
        });

        // What politeness is judged by, measured here at the server: article requests, the most in flight at once, the
        // shortest time between two starts, and robots.txt requests.
        app.MapGet("/_stats", (double? underMs) =>
        {
            var gaps = Gaps.Select(g => g.TotalMilliseconds).ToList();
            var shortest = gaps.Count == 0 ? -1 : gaps.Min();
            var under = underMs is { } limit ? gaps.Count(g => g < limit) : 0;
            return Results.Text(
                $"{{\"requests\":{ArticleRequests},\"peakInFlight\":{PeakInFlight},\"shortestGapMs\":{shortest.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)},\"gapsUnder\":{under},\"robots\":{RobotsRequests}}}",
                "application/json");
        });
        app.MapGet("/fail-once/{i:int}", (int i, HttpContext context) =>
            Hits[context.Request.Path.Value!] == 1 ? Results.StatusCode(500) : Results.Text(Article(i), "text/html; charset=utf-8"));
        app.MapGet("/busy-once/{i:int}", (int i, HttpContext context) =>
        {
            if (Hits[context.Request.Path.Value!] == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Text(Article(i), "text/html; charset=utf-8");
        });
        app.MapGet("/slow/{i:int}", async (int i, CancellationToken token) =>
        {
            await Task.Delay(SlowDelay, token);
            return Results.Text(Article(i), "text/html");
        });
        app.MapGet("/bomb", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb.Value);
        });
        app.MapGet("/pdf", () => Results.Bytes("%PDF-1.4\n"u8.ToArray(), "application/pdf"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
    }

    /// <summary>Consecutive article request starts, in time order, with the time between them.</summary>
    private List<(string First, string Second, TimeSpan Gap)> Consecutive()
    {
        lock (gate)
        {
            var sorted = startLog.OrderBy(x => x.At).ToList();
            return [.. sorted.Zip(sorted.Skip(1), (a, b) => (a.Path, b.Path, Stopwatch.GetElapsedTime(a.At, b.At)))];
        }
    }

    private static byte[] GzipBomb()
    {
        // 1 GiB of zeros in about a megabyte.
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    }
}

/// <summary>A site running on Kestrel: its pages and its address; disposing it stops it.</summary>
/// <param name="App">The application.</param>
/// <param name="Pages">The pages, with what they saw.</param>
/// <param name="Url">The site's address.</param>
public sealed record RunningSite(WebApplication App, SitePages Pages, Uri Url) : IAsyncDisposable
{
    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
