using Microsoft.Extensions.DependencyInjection;
using NewsScraper;
using NewsScraper.Cli;
using NewsScraper.Extraction;

// newsscraper [<url | file.html[.gz] | directory | list.txt | ->] [--url URL] [--format json|jsonl|text|markdown] [--output FILE]
//     [--concurrency N] [--timeout S] [--delay S] [--no-robots] [--user-agent UA]
// With no input it extracts the Devdiscourse page bundled with the sample, so it works offline.
CliOptions cli;
try
{
    cli = CliOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}\n\n{CliOptions.Usage}");
    return 2;
}

if (cli.Help)
{
    Console.WriteLine(CliOptions.Usage);
    return 0;
}

IReadOnlyList<NewsScraper.Sites.SiteProfile> profiles = [];
if (cli.Profiles is not null)
{
    try
    {
        profiles = NewsScraper.Sites.SiteProfileFiles.LoadDirectory(cli.Profiles);
    }
    catch (NewsScraper.Sites.SiteProfileException ex)
    {
        await Console.Error.WriteLineAsync($"error: {ex.Message}");
        return 2;
    }
}

var services = new ServiceCollection();
services.AddNewsScraper(options =>
{
    if (cli.UserAgent is not null)
    {
        options.UserAgent = cli.UserAgent;
    }

    if (cli.Timeout is { } timeout)
    {
        options.AttemptTimeout = timeout;
        options.TotalTimeout = timeout * (options.MaxRetries + 2);
    }

    if (cli.Delay is { } delay)
    {
        options.MinDelayPerHost = delay;
    }

    options.RespectRobotsTxt = !cli.NoRobots;
    foreach (var profile in profiles)
    {
        options.SiteProfiles.Add(profile);
    }
});
await using var provider = services.BuildServiceProvider();
var scraper = provider.GetRequiredService<INewsScraper>();
var extractor = provider.GetRequiredService<IArticleExtractor>();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

await using var output = cli.Output is null ? Console.Out : new StreamWriter(cli.Output);
if (cli.Input is null)
{
    var page = BundledPage.Load();
    var article = await extractor.ExtractAsync(page, cancel.Token);
    await WriteAsync(article);
    return 0;
}

if (Batch.IsBatch(cli.Input))
{
    // Batch: one JSON line per input, with its source; a failed input gets an error, the rest go on.
    var inputs = await Batch.ReadInputsAsync(cli.Input, cancel.Token);
    return await Batch.RunAsync(inputs, cli, scraper, extractor, output, cancel.Token);
}

var single = await Inputs.RunAsync(cli.Input, cli.Url, scraper, extractor, cancel.Token);
if (single.Error is { } error)
{
    await Console.Error.WriteLineAsync($"error ({Render.KindName(error.Kind)}): {error.Message}");
    return 1;
}

await WriteAsync(single.Article!);
return 0;

async Task WriteAsync(NewsArticle article)
{
    var format = cli.Format ?? OutputFormat.Json;
    await output.WriteLineAsync(Render.Article(article, format));
    if (cli.Explain)
    {
        var readable = format is OutputFormat.Text or OutputFormat.Markdown;
        var explanation = Render.Explain(article, format == OutputFormat.Markdown);
        await (readable ? output : Console.Error).WriteLineAsync((readable ? Environment.NewLine : string.Empty) + explanation);
    }
}
