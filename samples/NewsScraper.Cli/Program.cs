using Microsoft.Extensions.DependencyInjection;
using NewsScraper;
using NewsScraper.Cli;
using NewsScraper.Extraction;

// newsscraper [<url | file.html[.gz] | directory | list.txt | ->] [--url URL] [--format json|jsonl|text|markdown] [--output FILE]
//     [--concurrency N] [--timeout S] [--delay S] [--no-robots] [--user-agent UA] [--profiles DIR] [--explain]
// With no input it extracts the Devdiscourse page bundled with the sample, so it works offline. --help for the rest.
var command = CliOptions.CreateCommand();
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Run with --help for the options and examples.");
    return 2;
}

command.SetAction((result, token) => RunAsync(CliOptions.From(result), token));
return await parsed.InvokeAsync();

async Task<int> RunAsync(CliOptions cli, CancellationToken cancel)
{
    if (await CliSettings.LoadProfilesAsync(cli, Console.Error) is not { } profiles)
    {
        return 2;
    }

    var services = new ServiceCollection();
    services.AddNewsScraper(options => CliSettings.Apply(cli, options, profiles));
    await using var provider = services.BuildServiceProvider();
    var scraper = provider.GetRequiredService<INewsScraper>();
    var extractor = provider.GetRequiredService<IArticleExtractor>();

    if (cli.Resume && (cli.Output is null || cli.Input is null || !Batch.IsBatch(cli.Input)))
    {
        await Console.Error.WriteLineAsync("--resume continues a batch: it needs a batch input and --output FILE");
        return 2;
    }

    // A resumed batch skips the inputs its output already holds (a line cut short by the stop is dropped first) and
    // appends. System.CommandLine cancels the token on Ctrl+C; every line is written whole and flushed.
    var done = cli.Resume ? await Resume.ReadDoneAsync(cli.Output!, cancel) : null;
    await using var output = cli.Output is null ? Console.Out : new StreamWriter(cli.Output, append: cli.Resume);
    if (cli.Input is null)
    {
        var page = BundledPage.Load();
        var article = await extractor.ExtractAsync(page, cancel);
        await WriteAsync(article);
        return 0;
    }

    if (Batch.IsBatch(cli.Input))
    {
        // Batch: one JSON line per input, with its source; a failed input gets an error, the rest go on.
        var inputs = await Batch.ReadInputsAsync(cli.Input, cancel);
        if (done is not null)
        {
            var before = inputs.Count;
            inputs.RemoveAll(i => done.Contains(i.Source));
            await Console.Error.WriteLineAsync($"resuming: {before - inputs.Count} inputs already in {cli.Output}, {inputs.Count} to go");
        }

        return await Batch.RunAsync(inputs, cli, scraper, extractor, output, cancel);
    }

    var single = await Inputs.RunAsync(cli.Input, cli.Url, scraper, extractor, cancel);
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
}
