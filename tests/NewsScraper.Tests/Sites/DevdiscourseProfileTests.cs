using NewsScraper.Tests.Golden;

namespace NewsScraper.Tests.Sites;

/// <summary>The traps of devdiscourse.md, each checked on the reconstructed pages (beyond the golden files).</summary>
public sealed class DevdiscourseProfileTests
{
    private static readonly string[] NeverInBody =
    [
        "Key Takeaways", "AI Summary", "Analyzing article", "ALSO READ", "Talks in Paris End", "Post a comment",
        "Be the first to comment", "READ MORE ON", "Country:", "TRENDING", "VisionRI", "With inputs from agencies",
        "auto-generated from a syndicated feed",
    ];

    public static IEnumerable<TestCaseData> Pages() =>
        CorpusPage.All("devdiscourse").Select(p => new TestCaseData(p).SetArgDisplayNames(p.Slug));

    [TestCaseSource(nameof(Pages))]
    public async Task Extract_DevdiscoursePage_KeepsBoilerplateOutOfTheBody(CorpusPage page)
    {
        var article = await ExtractAsync(page);

        Assert.That(article.Extractor, Is.EqualTo("devdiscourse"));
        using (Assert.EnterMultipleScope())
        {
            foreach (var text in NeverInBody)
            {
                Assert.That(article.Body.Text, Does.Not.Contain(text), text);
            }
        }
    }

    [TestCaseSource(nameof(Pages))]
    public async Task Extract_DevdiscoursePage_TimesAreIndianAndCorrectionIsRecorded(CorpusPage page)
    {
        var article = await ExtractAsync(page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Timestamps.Published!.Value.Offset, Is.EqualTo(new TimeSpan(5, 30, 0)));
            Assert.That(article.Timestamps.Updated!.Value.Offset, Is.EqualTo(new TimeSpan(5, 30, 0)));
            Assert.That(article.Timestamps.Published.ZoneAssumed, Is.False);
            Assert.That(article.Provenance["timestamps.published"], Does.Contain("corrected json-ld:datePublished"));
        }
    }

    [Test]
    public async Task Extract_TrendingTitleCutAt76_TakesTheTitleAttribute()
    {
        var article = await ExtractAsync(Page("pti-agency-story-2026"));

        var first = article.Trending[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Title, Is.EqualTo("Global Markets Rally as Central Banks Signal a Coordinated Pause in Interest Rate Hikes Across Major Economies"));
            Assert.That(first.Title, Does.Not.EndWith("..."));
            Assert.That(first.Url, Does.StartWith("https://www.devdiscourse.com/article/"));
            Assert.That(article.Trending.Select(t => t.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
        }
    }

    [Test]
    public async Task Extract_NoImageStory_HiddenFigureIsNotACaption()
    {
        var article = await ExtractAsync(Page("no-image-story-2026"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Images, Is.Empty);
            Assert.That(article.Disclaimers.Select(d => d.Kind), Does.Not.Contain(DisclaimerKind.ImageNotice));
        }
    }

    [Test]
    public async Task Extract_BlogPost_AuthorIsAPersonNotADesk()
    {
        var article = await ExtractAsync(Page("blog-post-person-author-2026"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Authors, Is.EqualTo(new[] { "Ananya Sharma" }));
            Assert.That(article.Byline!.Organization, Is.Null);
        }
    }

    [Test]
    public async Task Extract_WithoutTheVisibleByline_FallsBackToJsonLdAndDeskIsAnOrganization()
    {
        var page = Page("founding-example-2025-04-23");
        var html = await File.ReadAllTextAsync(page.SourcePath);
        var start = html.IndexOf("<hr class=\"seperator\" />", StringComparison.Ordinal);
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal) + "</div>".Length;
        var withoutByline = html[..start] + html[end..];

        var article = await TestDoubles.Pages.ExtractAsync(withoutByline, page.Url.AbsoluteUri, page.RetrievedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Authors, Is.Empty);
            Assert.That(article.Byline!.Organization, Is.EqualTo("Devdiscourse News Desk"));
            Assert.That(article.Timestamps.Published!.Source, Does.StartWith("json-ld:datePublished"));
            Assert.That(article.Timestamps.Published.Value, Is.EqualTo(new DateTimeOffset(2025, 4, 23, 13, 20, 0, new TimeSpan(5, 30, 0))));
            Assert.That(article.Timestamps.Published.Value.Offset, Is.EqualTo(new TimeSpan(5, 30, 0)));
            Assert.That(article.Timestamps.Published.ZoneAssumed, Is.True);
            Assert.That(article.Headline, Is.EqualTo("High-Stakes Diplomacy: Efforts Towards Peace Between Moscow and Kyiv"));
        }
    }

    private static CorpusPage Page(string slug) => CorpusPage.All("devdiscourse").Single(p => p.Slug == slug);

    private static Task<NewsArticle> ExtractAsync(CorpusPage page) =>
        TestDoubles.Pages.ExtractAsync(File.ReadAllText(page.SourcePath), page.Url.AbsoluteUri, page.RetrievedAt);
}
