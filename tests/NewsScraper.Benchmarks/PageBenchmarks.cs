using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using NewsScraper.Extraction;

namespace NewsScraper.Benchmarks;

/// <summary>
/// Per page, on an evenly spaced sample of each corpus: AngleSharp's parse of the bytes (the floor), the parse as
/// NewsScraper runs it (the bytes decoded first, then the text parsed), NewsScraper's full extraction
/// (parse and every field of the record) and SmartReader (the .NET peer, on the same AngleSharp), from the same bytes.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    /// <summary>Pages per operation: each benchmark runs the whole sample, and BenchmarkDotNet divides by this.</summary>
    public const int SampleSize = 24;

    private readonly ArticleExtractor extractor = new();
    private readonly HtmlParser parser = new();
    private List<CorpusPage> pages = [];

    /// <summary>Gets or sets the corpus of the run.</summary>
    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "scrapinghub";

    /// <summary>Gets the corpora found beside the repository.</summary>
    public static IEnumerable<string> Corpora => RunSettings.SelectedCorpora;

    [GlobalSetup]
    public void Setup()
    {
        var all = CorpusPages.Load(RunSettings.CorporaRoot, Corpus);
        var step = Math.Max(1, all.Count / SampleSize);
        pages = [.. all.Where((_, i) => i % step == 0).Take(SampleSize)];
        while (pages.Count < SampleSize)
        {
            pages.Add(all[pages.Count % all.Count]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SampleSize, Description = "AngleSharp parse")]
    public int Parse()
    {
        var total = 0;
        foreach (var page in pages)
        {
            total += ParseFloor.ParseBytes(parser, page.Bytes);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = SampleSize, Description = "decode + AngleSharp parse of the text")]
    public int DecodeAndParse()
    {
        var total = 0;
        foreach (var page in pages)
        {
            total += ParseFloor.DecodeAndParse(parser, page.Bytes);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = SampleSize, Description = "NewsScraper full record")]
    public async Task<int> Extract()
    {
        var total = 0;
        foreach (var page in pages)
        {
            var article = await extractor.ExtractAsync(WebPage.FromBytes(page.Bytes, page.Url)).ConfigureAwait(false);
            total += article.Body.Text.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = SampleSize, Description = "SmartReader")]
    public int SmartReader()
    {
        var total = 0;
        foreach (var page in pages)
        {
            var article = global::SmartReader.Reader.ParseArticle(page.Url.AbsoluteUri, new MemoryStream(page.Bytes, writable: false));
            total += article.TextContent?.Length ?? 0;
        }

        return total;
    }
}
