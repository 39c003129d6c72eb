using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Content;

/// <summary>The generic article container on synthetic pages (written for these tests, after layouts seen on news sites).</summary>
public sealed class ContentLocatorTests
{
    private const string Url = "https://news.example.com/politics/council-funds-library";

    private static string Prose(string topic, int sentences = 4) =>
        string.Join(" ", Enumerable.Range(1, sentences).Select(i => $"The {topic} story goes on, sentence {i}, with enough words, commas and detail to read as prose."));

    [Test]
    public async Task Extract_BodySplitIntoChunks_KeepsEveryChunkInOrder()
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council Funds New Library</h1><div class=\"chunks\">"
            + $"<div class=\"article-body\"><p>{Prose("first")}</p><p>{Prose("second")}</p></div>"
            + "<div class=\"ad-slot\">Advertisement</div>"
            + $"<div class=\"article-body\"><p>{Prose("third")}</p></div></div>",
            extra: $"<div class=\"related\"><div class=\"article-body\"><p>{Prose("teaser")}</p></div></div>");

        var body = (await Pages.ExtractAsync(html, Url)).Body.Text;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Does.Contain("The first story").And.Contain("The third story"));
            Assert.That(body.IndexOf("The first story", StringComparison.Ordinal), Is.LessThan(body.IndexOf("The third story", StringComparison.Ordinal)));
            Assert.That(body, Does.Not.Contain("teaser"));
        }
    }

    [Test]
    public async Task Extract_TextSeparatedByBreaksInASection_IsTheBody()
    {
        var html = Pages.Article(string.Empty,
            $"<h1>Council Funds New Library</h1><section class=\"page\">{Prose("main", 6)}<br><br>{Prose("closing", 3)}</section>",
            extra: "<div class=\"site-info\"><p>Example City Hall, Main Street 1, 12345 Example, phone 555-0100, all rights reserved.</p></div>");

        var body = (await Pages.ExtractAsync(html, Url)).Body.Text;

        Assert.That(body, Does.Contain("The main story").And.Not.Contain("City Hall"));
    }

    [Test]
    public async Task Extract_SeveralArticleElements_TakesTheOneWithTheHeadline()
    {
        var html = $"""
            <html><body>
            <article class="story"><h1>Council Funds New Library</h1><p>{Prose("real", 3)}</p></article>
            <article class="postbox"><h3>You may also like</h3><p>{Prose("other", 5)}</p><p>{Prose("another", 5)}</p></article>
            </body></html>
            """;

        var body = (await Pages.ExtractAsync(html, Url)).Body.Text;

        Assert.That(body, Does.Contain("The real story").And.Not.Contain("The other story"));
    }

    [Test]
    public async Task Extract_CommentsWithMoreTextThanTheStory_AreNotTheBody()
    {
        var comments = string.Concat(Enumerable.Range(1, 8).Select(i => $"<div class=\"comment\"><div class=\"content\"><p>{Prose("comment" + i)}</p></div></div>"));
        var html = $"""
            <html><body><div class="article"><h1>Council Funds New Library</h1><div class="content">{Prose("real", 5)}<br><br>{Prose("end", 2)}</div></div>
            <div id="comments">{comments}</div></body></html>
            """;

        var body = (await Pages.ExtractAsync(html, Url)).Body.Text;

        Assert.That(body, Does.Contain("The real story").And.Not.Contain("comment1"));
    }

    [Test]
    public async Task Extract_FurnitureLinesAndTail_AreDropped()
    {
        var html = Pages.Article(
            """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","author":{"@type":"Person","name":"Jane Doe"}}</script>""",
            "<h1>Council Funds New Library</h1><div class=\"article-body\"><p>Published: Dec 19, 2023 at 09:22 AM</p><p>5 min read</p><p>Share</p>"
            + $"<p>{Prose("real")}</p><p>{Prose("more")}</p><p>Jane Doe is a senior reporter at Example News covering city hall.</p>"
            + "<p>Sign up to receive the latest updates from Example News.</p><h2>Latest From Politics</h2></div>");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Paragraphs[0], Does.StartWith("The real story"));
            Assert.That(article.Body.Paragraphs[^1], Does.StartWith("The more story"));
        }
    }

    [Test]
    public async Task Extract_StoryOnlyInJsonLd_UsesTheArticleBody()
    {
        var text = Prose("structured", 6) + "\\n" + Prose("second paragraph", 3);
        var html = Pages.Article(
            $$"""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council Funds New Library","articleBody":"{{text}}"}</script>""",
            "<h1>Council Funds New Library</h1><div id=\"root\"></div>");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Paragraphs, Has.Count.EqualTo(2));
            Assert.That(article.Provenance["body"], Is.EqualTo("json-ld:articleBody"));
        }
    }
}
