using System.Text.Json;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Content;

/// <summary>
/// The body of pages that render the article from script data: synthetic pages written for these tests, after the
/// payloads of Next.js (<c>self.__next_f.push</c>, where the article's HTML sits in a JSON document inside a JavaScript
/// string) and <c>__NEXT_DATA__</c>.
/// </summary>
public sealed class ScriptDataBodyTests
{
    private const string Url = "https://www.example-ilbo.com/news/article/A2026012914320005196";

    private static readonly string[] Story =
    [
        "The party leader expelled his rival on Thursday, a move that strengthens his hold on the party but leaves him exposed if the local elections go badly in June.",
        "Members of the party's moderate wing said the decision would make it harder to reach voters in the centre, who have drifted away since last year's defeat.",
        "The leader's allies argued that the party needed unity before the campaign, and that the expulsion ended months of open quarrelling in the leadership.",
    ];

    private static string ArticleHtml =>
        "<div class=\"editor-img-box\"><img src=\"/a.jpg\"><div class=\"caption\"><p>The leader at the assembly. Photo agency</p></div></div>"
        + string.Concat(Story.Select(p => $"<p class=\"editor-p\">{p}</p>"));

    private static string Shell(string scripts) => $$"""
        <!DOCTYPE html><html lang="en"><head><title>Leader expels rival | Example Ilbo</title></head>
        <body><div id="__next"><header><a href="/">Example Ilbo</a></header><h1>Leader expels rival</h1><div class="article-body"></div></div>
        {{scripts}}
        </body></html>
        """;

    [Test]
    public async Task Extract_ArticleHtmlInANextFlightPayload_IsTheBody()
    {
        // The JSON document is itself a JavaScript string literal: the article's HTML is escaped twice.
        var data = JsonSerializer.Serialize(new { detail = new { title = "Leader expels rival", contentHtml = ArticleHtml } });
        var push = "self.__next_f.push([1," + JsonSerializer.Serialize("5:" + data) + "])";
        var html = Shell($"<script>self.__next_f=self.__next_f||[]</script><script>{push}</script>");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
            Assert.That(article.Provenance["body"], Is.EqualTo("script:article html in the page's script data"));
        }
    }

    [Test]
    public async Task Extract_ArticleHtmlInNextData_IsTheBody()
    {
        var data = JsonSerializer.Serialize(new { props = new { pageProps = new { article = new { body = ArticleHtml } } } });
        var html = Shell($"<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [Test]
    public async Task Extract_PageWithItsStoryInTheMarkup_DoesNotReadScriptData()
    {
        var data = JsonSerializer.Serialize(new { props = new { pageProps = new { teaser = "<p>" + string.Join("</p><p>", Enumerable.Repeat("Another story from the archive that is not this article at all.", 12)) + "</p>" } } });
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), $"<script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Has.Count.EqualTo(4).And.All.StartWith("Paragraph"));
    }
}
