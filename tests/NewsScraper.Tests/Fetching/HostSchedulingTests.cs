using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Fetching;

/// <summary>
/// Batches scheduled by host against ten real Kestrel servers on 127.0.0.1 (ten hosts: an authority is host and port):
/// inputs grouped by host finish about as fast as the same inputs interleaved, and each host's politeness gate holds.
/// </summary>
public sealed class HostSchedulingTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    private static string Article(int i) =>
        $"<html><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 3).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    [Test]
    public async Task ScrapeManyAsync_InputsGroupedByHost_FinishAboutAsFastAsInterleaved_AndEachHostsGateHolds()
    {
        var starts = new ConcurrentDictionary<int, ConcurrentBag<long>>();
        var servers = new List<LocalServer>();
        try
        {
            for (var h = 0; h < 10; h++)
            {
                var host = h;
                var bag = starts.GetOrAdd(host, _ => []);
                servers.Add(await LocalServer.StartAsync(app => app.MapGet("/story/{i:int}", (int i) =>
                {
                    bag.Add(Stopwatch.GetTimestamp());
                    return Results.Text(Article(i), "text/html; charset=utf-8");
                })));
            }

            var grouped = servers.SelectMany((s, h) => Enumerable.Range(0, 20).Select(i => s.Url($"/story/{(h * 100) + i}"))).ToList();
            var interleaved = Enumerable.Range(0, 20).SelectMany(i => servers.Select((s, h) => s.Url($"/story/{(h * 100) + i}"))).ToList();

            var groupedTime = await TimeBatchAsync(grouped);
            var groupedStarts = starts.ToDictionary(p => p.Key, p => p.Value.Order().ToList());
            foreach (var bag in starts.Values)
            {
                bag.Clear();
            }

            var interleavedTime = await TimeBatchAsync(interleaved);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(groupedTime.TotalSeconds, Is.LessThanOrEqualTo(interleavedTime.TotalSeconds * 1.2), $"grouped {groupedTime}, interleaved {interleavedTime}");
                foreach (var (host, times) in groupedStarts)
                {
                    Assert.That(times, Has.Count.EqualTo(20));
                    var gaps = times.Zip(times.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();

                    // Two requests may run at once (MaxConcurrencyPerHost 2), but starts are a delay apart (less a little timer slack).
                    Assert.That(gaps.Min(), Is.GreaterThanOrEqualTo(Delay - TimeSpan.FromMilliseconds(30)), $"host {host}");
                }
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<TimeSpan> TimeBatchAsync(List<Uri> urls)
    {
        await using var provider = TestServices.Build(options =>
        {
            options.MinDelayPerHost = Delay;
            options.RespectRobotsTxt = false;
        });
        var scraper = provider.GetRequiredService<INewsScraper>();
        var clock = Stopwatch.StartNew();
        var seen = new HashSet<int>();
        await foreach (var result in scraper.ScrapeManyAsync(urls, maxConcurrency: 4))
        {
            Assert.That(result.Error, Is.Null, result.Error?.Message);
            Assert.That(seen.Add(result.Index), Is.True, "each input once");
        }

        Assert.That(seen, Has.Count.EqualTo(urls.Count));
        return clock.Elapsed;
    }
}
