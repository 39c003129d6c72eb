using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Content;

/// <summary>
/// Lines that sit in the article container on sites in many languages but are not the story: ad labels, photo credits,
/// interface labels and the consent placeholders that stand in for embeds (synthetic pages, after patterns seen on news
/// sites in German, English, Turkish, French and the Nordic languages).
/// </summary>
public sealed class BodyFurnitureTests
{
    private const string Url = "https://www.example-zeitung.de/politik/stadtrat-beschliesst-haushalt";

    private static readonly string[] Story =
    [
        "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen, der Mittel für Straßen, Schulen und die Bibliothek vorsieht.",
        "Die Bürgermeisterin sagte, der Plan sei das Ergebnis monatelanger Verhandlungen, und die Grundsteuer werde nicht erhöht.",
    ];

    private static string Page(string between) => Pages.Article(string.Empty,
        $"<h1>Stadtrat beschließt Haushalt</h1><div class=\"article-body\"><p>{Story[0]}</p>{between}<p>{Story[1]}</p></div>");

    [TestCase("<p>Anzeige</p>")]
    [TestCase("<p>REKLAM</p>")]
    [TestCase("<p>Publicité</p>")]
    [TestCase("<p>Article continues below this ad</p>")]
    [TestCase("<p>Victor Virgile/Getty Images</p>")]
    [TestCase("<p>Lesedauer: 4 Minuten</p>")]
    [TestCase("<p>Yazı Boyutu</p>")]
    [TestCase("<p>Fehler gefunden? Jetzt melden.</p>")]
    [TestCase("<p>Swipe to scroll horizontally</p>")]
    public async Task Extract_FurnitureLine_IsDropped(string line)
    {
        var article = await Pages.ExtractAsync(Page(line), Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [Test]
    public async Task Extract_EmbedConsentPlaceholder_IsDroppedWithItsCard()
    {
        var card = """
            <div class="embed-consent"><p>Empfohlener redaktioneller Inhalt</p>
            <p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.</p>
            <p>Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.</p>
            <p>Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.</p></div>
            """;

        var article = await Pages.ExtractAsync(Page(card), Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [Test]
    public async Task Extract_SentenceAboutAdvertising_IsKept()
    {
        var sentence = "Die Anzeige der Stadt erschien am Montag in drei Zeitungen, wie die Verwaltung mitteilte.";

        var article = await Pages.ExtractAsync(Page($"<p>{sentence}</p>"), Url);

        Assert.That(article.Body.Paragraphs, Has.Member(sentence));
    }
}
