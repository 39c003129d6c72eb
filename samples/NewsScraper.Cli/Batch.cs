using System.Threading.Channels;
using NewsScraper.Extraction;

namespace NewsScraper.Cli;

/// <summary>One input of a batch: as written (the record's <c>source</c>), where it is read from, and a saved page's original URL.</summary>
internal sealed record BatchInput(string Source, string Location, Uri? Url);

/// <summary>
/// A batch: URLs go through <see cref="INewsScraper.ScrapeManyAsync"/> (bounded concurrency, per-host limits), saved
/// pages through the extractor; one JSON line per input, written as each finishes; a progress bar on stderr when it is
/// a terminal; a summary line. Nothing an input does stops the others.
/// </summary>
internal static class Batch
{
    /// <summary>
    /// The inputs of a directory (its saved pages), a list file or stdin ("-"). A list line is a URL, a saved page's path,
    /// or a path, a TAB and the page's original URL (<c>pages/a.html&#9;https://example.com/a</c>), so that a saved page
    /// is extracted with its address (site profile, relative links, the date in the URL).
    /// </summary>
    public static async Task<List<BatchInput>> ReadInputsAsync(string input, CancellationToken cancellationToken)
    {
        if (Directory.Exists(input))
        {
            return [.. Directory.EnumerateFiles(input)
                .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => new BatchInput(f, f, null))];
        }

        // Paths in a list file are relative to the list's folder (stdin's are relative to the working directory); the
        // record's source is the input as written.
        var folder = input == "-" ? null : Path.GetDirectoryName(Path.GetFullPath(input));
        using var reader = input == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(input);
        var inputs = new List<BatchInput>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var tab = trimmed.IndexOf('\t', StringComparison.Ordinal);
            var source = tab < 0 ? trimmed : trimmed[..tab].TrimEnd();
            Uri? address = tab >= 0 && Inputs.TryHttpUrl(trimmed[(tab + 1)..].Trim(), out var given) ? given : null;
            var isUrl = Inputs.TryHttpUrl(source, out _);
            var location = isUrl || folder is null || Path.IsPathRooted(source) ? source : Path.Combine(folder, source);
            inputs.Add(new BatchInput(source, location, address));
        }

        return inputs;
    }

    /// <summary>Whether an input names a batch rather than one page.</summary>
    public static bool IsBatch(string input) =>
        input == "-" || Directory.Exists(input)
        || (File.Exists(input) && !input.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs a batch of inputs given as they are (URLs or paths).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> inputs, CliOptions cli, INewsScraper scraper, IArticleExtractor extractor, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync([.. inputs.Select(i => new BatchInput(i, i, null))], cli, scraper, extractor, output, cancellationToken);

    public static async Task<int> RunAsync(List<BatchInput> inputs, CliOptions cli, INewsScraper scraper, IArticleExtractor extractor, TextWriter output, CancellationToken cancellationToken)
    {
        var lines = Channel.CreateUnbounded<(string Line, NewsScraperException? Error)>(new UnboundedChannelOptions { SingleReader = true });
        var progress = new Progress(inputs.Count, enabled: !Console.IsErrorRedirected);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var writer = Task.Run(
            async () =>
            {
                await foreach (var (line, error) in lines.Reader.ReadAllAsync(CancellationToken.None))
                {
                    // One write and a flush per line: a process killed mid-batch leaves whole lines and at most one cut
                    // short at the end, which --resume drops.
                    await output.WriteAsync(line + "\n");
                    await output.FlushAsync(CancellationToken.None);
                    if (error is not null)
                    {
                        var kind = Render.KindName(error.Kind);
                        failures[kind] = failures.GetValueOrDefault(kind) + 1;
                    }

                    progress.Advance(error is not null);
                }
            },
            CancellationToken.None);

        var urls = new List<(string Input, Uri Url)>();
        var files = new List<BatchInput>();
        foreach (var input in inputs)
        {
            if (Inputs.TryHttpUrl(input.Location, out var url))
            {
                urls.Add((input.Source, url));
            }
            else
            {
                files.Add(input);
            }
        }

        // --concurrency bounds every input in flight, saved pages and URLs together: the saved pages run first (they are
        // local and fast), then the URLs, each with N at a time. (The URLs' scheduler reads far ahead to find other
        // hosts' inputs; reading ahead is not being in flight.)
        var format = cli.Format ?? OutputFormat.Jsonl;
        var all = Task.Run(
            async () =>
            {
                await Parallel.ForEachAsync(
                    files,
                    new ParallelOptions { MaxDegreeOfParallelism = cli.Concurrency, CancellationToken = cancellationToken },
                    async (file, token) =>
                    {
                        var result = await Inputs.RunAsync(file.Location, file.Url ?? cli.Url, scraper, extractor, token);
                        await lines.Writer.WriteAsync((Render.BatchItem(file.Source, result, format), result.Error), token);
                    });

                await foreach (var result in scraper.ScrapeManyAsync(urls.Select(u => u.Url), cli.Concurrency, cancellationToken))
                {
                    var line = Render.BatchItem(urls[result.Index].Input, new InputResult(result.Article, result.Error), format);
                    await lines.Writer.WriteAsync((line, result.Error), cancellationToken);
                }
            },
            cancellationToken);

        try
        {
            await all;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled: the records written so far are complete lines");
        }
        finally
        {
            lines.Writer.TryComplete();
            await writer;
            progress.Finish();
        }

        var failed = failures.Values.Sum();
        var byKind = failures.Count == 0 ? string.Empty : " (" + string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}")) + ")";
        await Console.Error.WriteLineAsync($"{inputs.Count} inputs, {progress.Done - failed} extracted, {failed} failed{byKind}");
        return failed == 0 && progress.Done == inputs.Count ? 0 : 1;
    }

    /// <summary>A one-line progress bar on stderr, redrawn at most a few times a second.</summary>
    private sealed class Progress(int total, bool enabled)
    {
        private long lastDraw;
        private int failed;

        public int Done { get; private set; }

        public void Advance(bool failure)
        {
            Done++;
            failed += failure ? 1 : 0;
            var now = Environment.TickCount64;
            if (enabled && (now - lastDraw > 200 || Done == total))
            {
                lastDraw = now;
                const int width = 30;
                var filled = total == 0 ? width : Done * width / total;
                Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {Done}/{total}  {failed} failed ");
            }
        }

        public void Finish()
        {
            if (enabled)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
