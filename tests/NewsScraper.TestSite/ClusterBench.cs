using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsScraper.Orleans;
using Orleans.TestingHost;

namespace NewsScraper.TestSite;

/// <summary>
/// The cluster benchmark (issue 18): the same batch of URLs over local sites (each its own host, answering after a
/// delay) through an in-process cluster of 1 and of 3 silos, submitted evenly through every silo; prints pages per
/// second and, measured at the sites, the most requests in flight and the shortest gap between two starts per host.
/// </summary>
internal static class ClusterBench
{
    public static async Task<int> RunAsync(int urls, int hosts, TimeSpan responseDelay, TimeSpan minDelay, int maxPerHost)
    {
        Console.WriteLine($"{urls} URLs over {hosts} hosts, {responseDelay.TotalMilliseconds:F0} ms per response, MinDelayPerHost {minDelay.TotalMilliseconds:F0} ms, MaxConcurrencyPerHost {maxPerHost}; {Environment.ProcessorCount} cores");
        foreach (var silos in new[] { 1, 3 })
        {
            var sites = new List<RunningSite>();
            for (var h = 0; h <= hosts; h++)
            {
                sites.Add(await SitePages.StartAsync(responseDelay));
            }

            var clusterBuilder = new InProcessTestClusterBuilder((short)silos);
            clusterBuilder.ConfigureSilo((_, silo) => silo.AddNewsScraper(options =>
            {
                options.MinDelayPerHost = minDelay;
                options.MaxConcurrencyPerHost = maxPerHost;
            }));
            clusterBuilder.ConfigureHost(host => host.Logging.ClearProviders());
            await using var cluster = clusterBuilder.Build();
            await cluster.DeployAsync();
            await cluster.WaitForLivenessToStabilizeAsync();

            // A warm-up page per silo on a host of its own, not measured (the first request of a process pays for compiling the HTTP stack).
            var warm = sites[hosts].Url;
            await Task.WhenAll(cluster.Silos.Select((s, i) => s.ServiceProvider.GetRequiredService<IGrainFactory>().ScrapeAsync(new Uri(warm, $"/ok/{100_000 + i}"))));
            foreach (var site in sites)
            {
                site.Pages.ResetStats();
            }

            var all = Enumerable.Range(0, urls).Select(i => new Uri(sites[i % hosts].Url, $"/ok/{i}")).ToList();
            var clock = Stopwatch.StartNew();
            var done = await Task.WhenAll(cluster.Silos.Select(async (silo, s) =>
            {
                var grains = silo.ServiceProvider.GetRequiredService<IGrainFactory>();
                var ok = 0;
                await foreach (var result in grains.ScrapeManyAsync(all.Where((_, i) => i % silos == s).ToList(), maxConcurrency: 32))
                {
                    ok += result.Error is null ? 1 : 0;
                }

                return ok;
            }));
            var seconds = clock.Elapsed.TotalSeconds;
            var measured = sites.Take(hosts).ToList();
            var peak = measured.Max(s => s.Pages.PeakInFlight);
            var gap = measured.Min(s => s.Pages.ShortestGap);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{silos} silo(s): {done.Sum()} of {urls} extracted in {seconds:F2} s, {urls / seconds:F0} pages/s; per host at the server: at most {peak} in flight, shortest gap between starts {gap.TotalMilliseconds:F0} ms"));
            foreach (var site in measured.Where(s => s.Pages.ShortestGap < minDelay * 0.8))
            {
                Console.WriteLine($"  {site.Url}: closest starts {site.Pages.ClosestPair}");
            }

            foreach (var site in sites)
            {
                await site.DisposeAsync();
            }
        }

        return 0;
    }
}
