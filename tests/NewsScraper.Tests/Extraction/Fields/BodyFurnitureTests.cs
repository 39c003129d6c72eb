using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// Interface lines that sit among a story's paragraphs (players, embeds, feedback widgets, registration walls, tables of
/// contents), in the forms seen on the pages of ../shared/corpora; the pages are written for these tests.
/// </summary>
public sealed class BodyFurnitureTests
{
    [TestCase("Advertisement - Page continues below")]
    [TestCase("Instagram content")]
    [TestCase("This content can also be viewed on the site it originates from.")]
    [TestCase("Please use Chrome browser for a more accessible video player")]
    [TestCase("Was this page helpful?")]
    [TestCase("Player wird geladen")]
    [TestCase("Schlagwörter zu diesem Artikel")]
    [TestCase("→ Teilen und weiterempfehlen")]
    [TestCase("Sommaire")]
    [TestCase("Create a FREE account to continue reading")]
    [TestCase("Table of Contents")]
    public async Task Extract_InterfaceLineAmongTheParagraphs_IsNotBody(string line)
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council funds new library</h1><div class=\"article-body\">" + Pages.Paragraphs(2) + $"<p>{line}</p>" + Pages.Paragraphs(2, "Closing") + "</div>");

        var body = (await Pages.ExtractAsync(html)).Body.Paragraphs;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Has.Count.EqualTo(4));
            Assert.That(body, Has.None.EqualTo(line));
        }
    }

    [TestCase("Contents of the new library will be decided by a public vote next spring.")]
    [TestCase("Advertising revenue fell by a third, the council said.")]
    public async Task Extract_ProseThatStartsLikeAnInterfaceLine_IsBody(string line)
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council funds new library</h1><div class=\"article-body\">" + Pages.Paragraphs(2) + $"<p>{line}</p>" + Pages.Paragraphs(2, "Closing") + "</div>");

        var body = (await Pages.ExtractAsync(html)).Body.Paragraphs;

        Assert.That(body, Has.Some.EqualTo(line));
    }
}
