using System.Threading.Channels;
using NewsScraper.Extraction;
using NewsScraper.Fetching;

namespace NewsScraper.Cli;

/// <summary>
/// A batch: URLs go through <see cref="INewsScraper.ScrapeManyAsync"/> (bounded concurrency, per-host limits), saved
/// pages through the extractor; one JSON line per input, written as each finishes; a progress bar on stderr when it is
/// a terminal; a summary line. Nothing an input does stops the others.
/// </summary>
internal static class Batch
{
    /// <summary>The inputs of a directory (its saved pages), a list file or stdin ("-").</summary>
    public static async Task<List<string>> ReadInputsAsync(string input, CancellationToken cancellationToken)
    {
        if (Directory.Exists(input))
        {
            return [.. Directory.EnumerateFiles(input)
                .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }

        // Paths in a list file are relative to the list's folder (stdin's are relative to the working directory).
        var folder = input == "-" ? null : Path.GetDirectoryName(Path.GetFullPath(input));
        using var reader = input == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(input);
        var inputs = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var isUrl = Inputs.TryHttpUrl(trimmed, out _);
            inputs.Add(isUrl || folder is null || Path.IsPathRooted(trimmed) ? trimmed : Path.Combine(folder, trimmed));
        }

        return inputs;
    }

    /// <summary>Whether an input names a batch rather than one page.</summary>
    public static bool IsBatch(string input) =>
        input == "-" || Directory.Exists(input)
        || (File.Exists(input) && !input.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(List<string> inputs, CliOptions cli, INewsScraper scraper, IArticleExtractor extractor, TextWriter output, CancellationToken cancellationToken)
    {
        var lines = Channel.CreateUnbounded<(string Line, NewsScraperException? Error)>(new UnboundedChannelOptions { SingleReader = true });
        var progress = new Progress(inputs.Count, enabled: !Console.IsErrorRedirected);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var writer = Task.Run(
            async () =>
            {
                await foreach (var (line, error) in lines.Reader.ReadAllAsync(CancellationToken.None))
                {
                    await output.WriteLineAsync(line);
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
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Inputs.TryHttpUrl(input, out var url))
            {
                urls.Add((input, url));
            }
            else
            {
                files.Add(input);
            }
        }

        var pages = Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = cli.Concurrency, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                var result = await Inputs.RunAsync(file, cli.Url, scraper, extractor, token);
                await lines.Writer.WriteAsync((Render.BatchLine(file, result), result.Error), token);
            });

        var fetched = Task.Run(
            async () =>
            {
                await foreach (var result in scraper.ScrapeManyAsync(urls.Select(u => u.Url), cli.Concurrency, cancellationToken))
                {
                    var line = Render.BatchLine(urls[result.Index].Input, new InputResult(result.Article, result.Error));
                    await lines.Writer.WriteAsync((line, result.Error), cancellationToken);
                }
            },
            cancellationToken);

        try
        {
            await Task.WhenAll(pages, fetched);
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
