using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper;
using NewsScraper.TestSite;

// NewsScraper.TestSite faulty-batch
//   The faulty-site batch of issue 17 with the library's default options: 177 URLs on one host (the site on 127.0.0.1),
//   of which ten fail once with a 500, five answer 429 once, one is slower than the attempt timeout, and the last three
//   are a gzip bomb, a PDF and a redirect loop; prints inputs, extracted, failed by kind and the wall time.
// NewsScraper.TestSite serve [--sites N] [--article-delay-ms N]
//   Serves N sites (each its own host: its own 127.0.0.1 port) until stopped, printing one address per line first;
//   each site's /_stats says what it saw (requests, most in flight, shortest gap between starts, robots.txt requests).
// NewsScraper.TestSite cluster-bench [--urls N] [--hosts N] [--article-delay-ms N] [--delay-ms N] [--per-host N]
//   The cluster benchmark: the batch through an in-process cluster of 1 and of 3 silos (see ClusterBench).
var mode = args.FirstOrDefault() ?? "serve";
if (mode == "cluster-bench")
{
    int Arg(string name, int fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await ClusterBench.RunAsync(Arg("--urls", 600), Arg("--hosts", 20), TimeSpan.FromMilliseconds(Arg("--article-delay-ms", 50)), TimeSpan.FromMilliseconds(Arg("--delay-ms", 100)), Arg("--per-host", 2));
}

var sites = 1;
var articleDelay = TimeSpan.Zero;
for (var i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--sites")
    {
        sites = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--article-delay-ms")
    {
        articleDelay = TimeSpan.FromMilliseconds(int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture));
    }
}

var running = new List<RunningSite>();
for (var s = 0; s < (mode == "serve" ? sites : 1); s++)
{
    running.Add(await SitePages.StartAsync(articleDelay));
    Console.WriteLine(running[^1].Url);
}

Console.Out.Flush();
await using var first = running[0];
var app = first.App;
var pages = first.Pages;
var baseUrl = first.Url;
if (mode == "serve")
{
    await Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(app);
    return 0;
}

if (mode != "faulty-batch")
{
    await Console.Error.WriteLineAsync("usage: NewsScraper.TestSite serve [--port N] [--article-delay-ms N] | faulty-batch");
    return 2;
}

var urls = new List<Uri>();
for (var i = 0; i < 174; i++)
{
    // Spread over the batch: ten pages that fail once, five that are busy once, one slow page.
    var path = i switch
    {
        _ when i % 17 == 5 && i / 17 < 10 => $"/fail-once/{i}",
        _ when i % 29 == 11 && i / 29 < 5 => $"/busy-once/{i}",
        100 => $"/slow/{i}",
        _ => $"/ok/{i}",
    };
    urls.Add(new Uri(baseUrl, path));
}

urls.AddRange([new Uri(baseUrl, "/bomb"), new Uri(baseUrl, "/pdf"), new Uri(baseUrl, "/loop")]);
var services = new ServiceCollection();
services.AddNewsScraper(_ => { });
await using var provider = services.BuildServiceProvider();
var scraper = provider.GetRequiredService<INewsScraper>();
var clock = Stopwatch.StartNew();
var extracted = 0;
var failed = new SortedDictionary<string, int>(StringComparer.Ordinal);
await foreach (var result in scraper.ScrapeManyAsync(urls))
{
    if (result.Error is null)
    {
        extracted++;
    }
    else
    {
        var kind = result.Error.Kind.ToString();
        failed[kind] = failed.GetValueOrDefault(kind) + 1;
        Console.WriteLine($"{result.Url.AbsolutePath}: {kind}: {result.Error.Message}");
    }
}

Console.WriteLine(
    $"{urls.Count} inputs ({urls.Count(u => u.AbsolutePath.StartsWith("/fail-once/", StringComparison.Ordinal))} fail once with 500, "
    + $"{urls.Count(u => u.AbsolutePath.StartsWith("/busy-once/", StringComparison.Ordinal))} answer 429 once, 1 slower than the attempt timeout, a gzip bomb, a PDF, a redirect loop), "
    + $"default options: {extracted} extracted, {urls.Count - extracted} failed ({string.Join(", ", failed.Select(f => $"{f.Key} {f.Value}"))}), "
    + $"{clock.Elapsed.TotalSeconds:F1} s; requests to the site: {pages.Hits.Values.Sum()}");
return 0;
