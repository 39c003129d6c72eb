using NewsScraper.Extraction;
using NewsScraper.Serialization;
using NewsScraper.Tests.Golden;

namespace NewsScraper.Tests.Robustness;

/// <summary>One extractor (shared configuration and profiles) on many threads at once gives the records it gives alone.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public async Task Extract_SamePagesOnManyThreads_GiveIdenticalRecords()
    {
        var extractor = new ArticleExtractor();
        var pages = CorpusPage.All().Select(p => WebPage.FromBytes(File.ReadAllBytes(p.SourcePath), p.Url, p.RetrievedAt)).ToList();
        var expected = new List<string>();
        foreach (var page in pages)
        {
            expected.Add(NewsArticleJson.Serialize(await extractor.ExtractAsync(page), indented: false));
        }

        var work = Enumerable.Range(0, 200).Select(i => i % pages.Count).ToList();
        var results = new string[work.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, work.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, token) => results[i] = NewsArticleJson.Serialize(await extractor.ExtractAsync(pages[work[i]], token), indented: false));

        for (var i = 0; i < work.Count; i++)
        {
            Assert.That(results[i], Is.EqualTo(expected[work[i]]), $"run {i} of page {work[i]}");
        }
    }
}
