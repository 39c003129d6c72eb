using System.Diagnostics;
using System.Text;
using NewsScraper.Extraction;
using NewsScraper.Sites;

namespace NewsScraper.Tests.Robustness;

/// <summary>
/// Hostile and broken pages (all generated here): each gives a record or a typed error within its time budget, with memory
/// bounded by the parse limit rather than the input. Budgets are for this project's CI machine (2 cores) with headroom.
/// </summary>
[NonParallelizable]
public sealed class HostileInputTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("nested 100,000 divs", 3, () => Html(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text at the bottom of the tree.</p>"));
        yield return Case("nested 50,000 formatting elements", 3, () => Html("<h1>Title</h1>" + string.Concat(Enumerable.Repeat("<span><b>", 50_000)) + "<p>Deep text.</p>"));
        yield return Case("50 MB page", 8, () => Html("<h1>Big page</h1>" + string.Concat(Enumerable.Repeat("<div class='x'><p>Some paragraph text with words, and more words to make it long enough.</p><a href='/x'>link</a></div>\n", 50_000_000 / 110))));
        yield return Case("one 20 MB text node", 4, () => Html("<h1>Long</h1><p>" + new string('a', 20_000_000) + "</p>"));
        yield return Case("100,000 links", 5, () => Html("<h1>Links</h1>" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<a href='/a{i}'>link {i}</a> "))));
        yield return Case("5,000 JSON-LD blocks", 3, () => Html("<h1>Blocks</h1><p>Text.</p>", string.Concat(Enumerable.Repeat("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"author\":{\"name\":\"A B\"},\"datePublished\":\"2025-01-01\"}</script>", 5_000))));
        yield return Case("JSON-LD nested 10,000 deep", 2, () => Html("<h1>Deep</h1><p>Text.</p>", "<script type='application/ld+json'>" + string.Concat(Enumerable.Repeat("{\"a\":[", 10_000)) + "1" + string.Concat(Enumerable.Repeat("]}", 10_000)) + "</script><script type='application/ld+json'>" + new string('[', 10_000) + "</script>"));
        yield return Case("invalid UTF-8", 2, () => [.. Encoding.UTF8.GetBytes("<html><head><meta charset='utf-8'></head><body><h1>Caf"), 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, .. Encoding.UTF8.GetBytes("</h1><p>Text after bad bytes, long enough to be a paragraph of the article body.</p></body></html>")]);
        yield return Case("NUL bytes", 2, () => Encoding.UTF8.GetBytes("<html><body><h1>Nul\0 title</h1><p>Text\0with\0NULs\0" + new string('\0', 100_000) + "</p></body></html>"));
        yield return Case("only a frameset", 2, () => Encoding.UTF8.GetBytes("<html><frameset cols='50%,50%'><frame src='/a'><frame src='/b'></frameset></html>"));
        yield return Case("XHTML with a namespace", 2, () => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\"><head><title>X</title></head><body><h1>XHTML story</h1><p>An XHTML page with a namespace, and text long enough to be read as the body.</p></body></html>"));
        yield return Case("empty file", 1, () => []);
        yield return Case("binary served as HTML", 2, () => RandomBytes(2_000_000, seed: 7));
        yield return Case("unclosed comment and script", 2, () => Encoding.UTF8.GetBytes("<html><body><h1>T</h1><!-- never closed <p>x</p>" + new string('x', 1_000_000)));
        yield return Case("100,000 attributes", 3, () => Html("<h1 " + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"a{i}='v' ")) + ">Title</h1><p>Text.</p>"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Extract_HostilePage_GivesARecordWithinItsBudget(string name, int budgetSeconds, Func<byte[]> make)
    {
        var bytes = make();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        var article = await Extractor.ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://example.com/hostile")));

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(budgetSeconds)), name);

            // Memory follows what is parsed (at most MaxInputBytes), not what was sent.
            Assert.That(allocated, Is.LessThan(Math.Min(bytes.Length, new ExtractionLimits().MaxInputBytes) * 80L + (64L << 20)), name);
            Assert.That(article, Is.Not.Null);
            Assert.That(article.Headline is not null || article.Body.Text.Length > 0 || article.Warnings.Count > 0, Is.True, $"{name}: a record that says nothing");
        }
    }

    [Test]
    public async Task Extract_PageOverTheSizeLimit_SaysWhatWasCut()
    {
        var bytes = Html("<h1>Big page</h1>" + string.Concat(Enumerable.Repeat("<p>Some paragraph text with words, and more words to make it long.</p>", 200_000)));

        var article = await new ArticleExtractor(SiteProfileResolver.Default, new ExtractionLimits { MaxInputBytes = 1 << 20 })
            .ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://example.com/big")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Big page"));
            Assert.That(article.Warnings, Has.Some.Contains("only the first"));
        }
    }

    [Test]
    public async Task Extract_DeepNesting_IsFlattenedAndTheTextKept()
    {
        var bytes = Html("<h1>Deep page</h1>" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "<p>The text at the bottom of a very deep tree is still read as the article.</p>");

        var article = await Extractor.ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://example.com/deep")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Text, Does.Contain("The text at the bottom of a very deep tree"));
            Assert.That(article.Warnings, Has.Some.Contains("flattened"));
        }
    }

    [Test]
    public void Extract_OverTheTimeLimit_IsATypedTimeoutError()
    {
        var extractor = new ArticleExtractor(SiteProfileResolver.Default, new ExtractionLimits { Timeout = TimeSpan.FromMilliseconds(1) });
        var bytes = Html("<h1>Slow</h1>" + string.Concat(Enumerable.Repeat("<div><p>Paragraph of text for the scorer to chew on, again and again.</p></div>", 50_000)));

        var error = Assert.ThrowsAsync<NewsScraperException>(() => extractor.ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://example.com/slow"))));

        Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.Timeout));
    }

    [Test]
    public void Extract_CallerCancels_IsCancellationNotTimeout()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var task = Extractor.ExtractAsync(WebPage.FromBytes(Html("<h1>T</h1>"), new Uri("https://example.com/c")), cancelled.Token);

        // A cancelled task (not a faulted one, not a timeout): awaiting it throws an OperationCanceledException.
        Assert.That(async () => await task, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(task.IsCanceled, Is.True);
    }

    private static TestCaseData Case(string name, int budgetSeconds, Func<byte[]> make) =>
        new TestCaseData(name, budgetSeconds, make).SetArgDisplayNames(name);

    private static byte[] Html(string body, string head = "") =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>");

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
#pragma warning disable CA5394 // Deterministic test data, not security.
        new Random(seed).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }
}
