using NewsScraper.Extraction;
using NewsScraper.Serialization;

namespace NewsScraper.Tests.Golden;

/// <summary>
/// Golden-file tests: every page under <c>Corpus/</c> is extracted and its JSON compared with <c>expected.json</c>.
/// On a mismatch <c>expected.received.json</c> is written beside it. <c>NEWSSCRAPER_ACCEPT_GOLDEN=1 dotnet test</c>
/// overwrites the expected files in the source tree; review them with <c>git diff</c>.
/// </summary>
public sealed class CorpusTests
{
    private static readonly ArticleExtractor Extractor = new();

    public static IEnumerable<TestCaseData> Pages() =>
        CorpusPage.All().Select(p => new TestCaseData(p).SetArgDisplayNames(p.ToString()));

    [TestCaseSource(nameof(Pages))]
    public async Task Extract_CorpusPage_MatchesGolden(CorpusPage page)
    {
        var actual = await ExtractAsync(page);
        var accept = Environment.GetEnvironmentVariable("NEWSSCRAPER_ACCEPT_GOLDEN") == "1";
        var sourceExpected = Path.Combine(CorpusPage.SourceRoot, page.Site, page.Slug, "expected.json");
        if (accept)
        {
            await File.WriteAllTextAsync(sourceExpected, actual);
            Assert.Pass("accepted");
        }

        Assert.That(File.Exists(page.ExpectedPath), Is.True, $"{page.ExpectedPath} is missing; run with NEWSSCRAPER_ACCEPT_GOLDEN=1 and review it");
        var expected = (await File.ReadAllTextAsync(page.ExpectedPath)).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var received = Path.Combine(CorpusPage.SourceRoot, page.Site, page.Slug, "expected.received.json");
            if (Directory.Exists(Path.GetDirectoryName(received)))
            {
                await File.WriteAllTextAsync(received, actual);
            }
        }

        Assert.That(actual, Is.EqualTo(expected));
    }

    internal static async Task<string> ExtractAsync(CorpusPage page)
    {
        var bytes = await File.ReadAllBytesAsync(page.SourcePath);
        var article = await Extractor.ExtractAsync(WebPage.FromBytes(bytes, page.Url, page.RetrievedAt));
        return NewsArticleJson.Serialize(article) + "\n";
    }
}
