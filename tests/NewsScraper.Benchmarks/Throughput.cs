using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using NewsScraper.Extraction;

namespace NewsScraper.Benchmarks;

/// <summary>
/// Whole-corpus throughput: pages/s and MB/s on one thread and on every core, next to the parse floor and SmartReader on
/// one thread, with the peak working set; and a long batch that shows the working set does not grow with the batch.
/// </summary>
internal static class Throughput
{
    public static void Run(string root, IReadOnlyList<string> corpora, int? limit, int rounds)
    {
        var extractor = new ArticleExtractor();
        Console.WriteLine($"| corpus | pages | MB | AngleSharp parse of the bytes, 1 thread | decode + parse of the text, 1 thread | NewsScraper, 1 thread | vs parse of the bytes | vs decode + parse | NewsScraper, {Environment.ProcessorCount} threads | scaling | decode + parse scaling | SmartReader, 1 thread | peak working set |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var corpus in corpora)
        {
            var pages = CorpusPages.Load(root, corpus, limit: limit);
            var megabytes = pages.Sum(p => (double)p.Bytes.Length) / (1 << 20);

            // Warm up every path once (JIT, caches), then time.
            _ = ExtractAll(extractor, pages.Take(5).ToList(), 1);
            var parse = Time(() => ParseAll(pages), rounds);
            var parseText = Time(() => DecodeAndParseAll(pages, 1), rounds);
            var parseTextMulti = Time(() => DecodeAndParseAll(pages, Environment.ProcessorCount), rounds);
            var single = Time(() => ExtractAll(extractor, pages, 1), rounds);
            var multi = Time(() => ExtractAll(extractor, pages, Environment.ProcessorCount), rounds);
            var smart = Time(() => SmartReaderAll(pages), rounds);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {corpus} | {pages.Count} | {megabytes:F1} | {Rate(pages.Count, megabytes, parse)} | {Rate(pages.Count, megabytes, parseText)} | {Rate(pages.Count, megabytes, single)} | {single / parse:F2}x | {single / parseText:F2}x | {Rate(pages.Count, megabytes, multi)} | {single / multi:F2}x | {parseText / parseTextMulti:F2}x | {Rate(pages.Count, megabytes, smart)} | {process.PeakWorkingSet64 / (1 << 20)} MB |"));
        }
    }

    /// <summary>Extracts <paramref name="count"/> pages cycling through the corpora, and prints the working set as it goes.</summary>
    public static bool Batch(string root, IReadOnlyList<string> corpora, int count)
    {
        var pages = corpora.SelectMany(c => CorpusPages.Load(root, c)).ToList();
        var extractor = new ArticleExtractor();
        var every = Math.Max(1, count / 10);
        long? baseline = null;
        long last = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var page = pages[i % pages.Count];
            _ = extractor.ExtractAsync(WebPage.FromBytes(page.Bytes, page.Url)).GetAwaiter().GetResult();
            if ((i + 1) % every == 0)
            {
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                last = process.WorkingSet64;
                baseline ??= last;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1,6} pages  working set {last / (1 << 20),5} MB  managed heap {GC.GetTotalMemory(false) / (1 << 20),4} MB  {watch.Elapsed.TotalSeconds:F0} s"));
            }
        }

        // Bounded: after the first tenth (warm caches, JIT), the working set does not keep growing with the batch.
        var bounded = last <= baseline * 1.5 + (64L << 20);
        Console.WriteLine(bounded ? "  bounded: yes" : "  bounded: NO, the working set grew with the batch");
        return bounded;
    }

    /// <summary>Extraction alone on one thread, round after round over the pages, for <paramref name="duration"/>: the loop to profile.</summary>
    public static void Profile(string root, IReadOnlyList<string> corpora, TimeSpan duration)
    {
        var pages = corpora.SelectMany(c => CorpusPages.Load(root, c)).ToList();
        var extractor = new ArticleExtractor();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed < duration)
        {
            _ = ExtractAll(extractor, pages, 1);
            count += pages.Count;
        }

        // The loop's own figures, before the stage round below adds to the clock and the allocations.
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

        // One more round with the stage clock on: where the time of a page goes.
        var stages = new Dictionary<string, TimeSpan>();
        foreach (var page in pages)
        {
            _ = extractor.ExtractAsync(WebPage.FromBytes(page.Bytes, page.Url), stages).GetAwaiter().GetResult();
        }

        Console.WriteLine(string.Join(", ", stages.OrderByDescending(s => s.Value).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.TotalMilliseconds / pages.Count:F2}"))) + " ms/page");
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{count} pages in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / count:F2} ms/page); process CPU {process.TotalProcessorTime.TotalSeconds:F1} s; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; GC pause {GC.GetTotalPauseDuration().TotalSeconds:F1} s; allocated {allocated / count / 1024} KB/page"));
    }

    private static string Rate(int pages, double megabytes, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{pages / elapsed.TotalSeconds:F0} pages/s, {megabytes / elapsed.TotalSeconds:F1} MB/s ({elapsed.TotalMilliseconds / pages:F2} ms/page)");

    private static TimeSpan Time(Action action, int rounds)
    {
        // The median of the rounds.
        var times = new List<TimeSpan>();
        for (var i = 0; i < rounds; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static void ParseAll(List<CorpusPage> pages)
    {
        var parser = new HtmlParser();
        foreach (var page in pages)
        {
            _ = ParseFloor.ParseBytes(parser, page.Bytes);
        }
    }

    /// <summary>The parse as NewsScraper runs it, on one or more threads (a parser per thread), pages handed out as in <see cref="ExtractAll"/>.</summary>
    private static void DecodeAndParseAll(List<CorpusPage> pages, int threads) =>
        Parallel.ForEach(
            LargestFirst(pages),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new HtmlParser(),
            (page, _, _, parser) =>
            {
                _ = ParseFloor.DecodeAndParse(parser, page.Bytes);
                return parser;
            },
            _ => { });

    private static int ExtractAll(ArticleExtractor extractor, List<CorpusPage> pages, int threads)
    {
        var total = 0;
        Parallel.ForEach(LargestFirst(pages), new ParallelOptions { MaxDegreeOfParallelism = threads }, page =>
        {
            var article = extractor.ExtractAsync(WebPage.FromBytes(page.Bytes, page.Url)).GetAwaiter().GetResult();
            Interlocked.Add(ref total, article.Body.Text.Length);
        });
        return total;
    }

    /// <summary>
    /// Pages handed out one at a time, largest first: a corpus of 130 pages where one page takes 40% of the time (a 1 MB
    /// Wikipedia page in the readability corpus) would otherwise end a run on one thread, which measures the schedule, not
    /// the library. One thread gets the same pages.
    /// </summary>
    private static OrderablePartitioner<CorpusPage> LargestFirst(List<CorpusPage> pages) =>
        Partitioner.Create(pages.OrderByDescending(p => p.Bytes.Length), EnumerablePartitionerOptions.NoBuffering);

    private static void SmartReaderAll(List<CorpusPage> pages)
    {
        foreach (var page in pages)
        {
            _ = SmartReader.Reader.ParseArticle(page.Url.AbsoluteUri, new MemoryStream(page.Bytes, writable: false));
        }
    }
}
