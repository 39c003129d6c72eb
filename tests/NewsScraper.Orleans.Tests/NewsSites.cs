using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsScraper.Orleans.Tests;

/// <summary>
/// Several news sites on Kestrel, each on its own 127.0.0.1 port (so each is its own host), that record at the server
/// what politeness is about: every request start, the most requests in flight at once, and robots.txt requests.
/// </summary>
internal sealed class NewsSites : IAsyncDisposable
{
    private readonly List<WebApplication> apps = [];

    private NewsSites()
    {
    }

    public List<Site> Sites { get; } = [];

    public static async Task<NewsSites> StartAsync(int count, TimeSpan articleDelay)
    {
        var sites = new NewsSites();
        for (var s = 0; s < count; s++)
        {
            var site = new Site();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapGet("/robots.txt", () =>
            {
                Interlocked.Increment(ref site.RobotsRequests);
                return Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain");
            });
            app.MapGet("/story/{i:int}", async (int i, CancellationToken token) =>
            {
                site.Started(Stopwatch.GetTimestamp());
                try
                {
                    await Task.Delay(articleDelay, token);
                    return Results.Text(Article(i), "text/html; charset=utf-8");
                }
                finally
                {
                    site.Ended();
                }
            });
            await app.StartAsync();
            site.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            sites.apps.Add(app);
            sites.Sites.Add(site);
        }

        return sites;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Article(int i) =>
        $"<html lang=en><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 4).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    internal sealed class Site
    {
        private readonly Lock gate = new();
        private readonly List<long> starts = [];
        private int inFlight;

        public int RobotsRequests;

        public Uri BaseUrl { get; set; } = null!;

        public int PeakInFlight { get; private set; }

        public ConcurrentDictionary<string, int> Served { get; } = new();

        /// <summary>Gets the shortest time between two request starts at this site.</summary>
        public TimeSpan ShortestGap
        {
            get
            {
                lock (gate)
                {
                    var sorted = starts.Order().ToList();
                    return sorted.Count < 2 ? TimeSpan.MaxValue : sorted.Zip(sorted.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).Min();
                }
            }
        }

        /// <summary>Gets the gaps between consecutive request starts, in order.</summary>
        public IReadOnlyList<TimeSpan> Gaps
        {
            get
            {
                lock (gate)
                {
                    var sorted = starts.Order().ToList();
                    return [.. sorted.Zip(sorted.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b))];
                }
            }
        }

        public int Requests
        {
            get
            {
                lock (gate)
                {
                    return starts.Count;
                }
            }
        }

        public void Started(long timestamp)
        {
            lock (gate)
            {
                starts.Add(timestamp);
                inFlight++;
                PeakInFlight = Math.Max(PeakInFlight, inFlight);
            }
        }

        public void Ended()
        {
            lock (gate)
            {
                inFlight--;
            }
        }
    }
}
