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
    [TestCase("<p>Foto(s): © 123RF.com und/oder/mit © Archiv Die Neue Tageszeitung GmbH (sofern kein Hinweis vorhanden)</p>")]
    [TestCase("<p>02:57 Min. Verfügbar bis 06.05.2024</p>")]
    [TestCase("<p>Stand: 22.04.2024, 06:00 Uhr</p>")]
    [TestCase("<p>2025年1月14日 01時28分 (1月14日 01時40分更新)</p>")]
    [TestCase("<p>Die Partei ist derzeit im Netz in aller Munde. Bild: Christoph Soeder/dpa</p>")]
    [TestCase("<p>Der Bürgermeister bei der Sitzung am Dienstag. (Foto: Jane Doe/AFP)</p>")]
    [TestCase("<p>Kommentar abgeben</p>")]
    [TestCase("<p>Du musst dich EINLOGGEN um einen Kommentar abzugeben.</p>")]
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

    [TestCase("<p>Von Nina Magoley</p>")]
    [TestCase("<p>Par Claire Dubois</p>")]
    public async Task Extract_BylineLineAtTheTop_IsDropped(string line)
    {
        var html = Pages.Article(string.Empty, $"<h1>Stadtrat beschließt Haushalt</h1><div class=\"article-body\">{line}<p>{Story[0]}</p><p>{Story[1]}</p></div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [TestCase("<p>Dieser Artikel ist nur für Abonnenten verfügbar.</p>")]
    [TestCase("<p>この記事は会員限定です。</p>")]
    [TestCase("<p>This article is for subscribers only.</p>")]
    public async Task Extract_PaywallNotice_EndsTheBody(string notice)
    {
        var offer = "<p>Jetzt registrieren und alle Artikel lesen, mit unserem Digitalabo für nur 9,99 Euro im Monat, jederzeit kündbar.</p><p>Mehr erfahren</p>";
        var html = Pages.Article(string.Empty, $"<h1>Stadtrat beschließt Haushalt</h1><div class=\"article-body\"><p>{Story[0]}</p><p>{Story[1]}</p>{notice}{offer}</div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [Test]
    public async Task Extract_ShortLinesAfterTheLastParagraph_AreDropped()
    {
        // Written after the tail of Japanese and German pages: module labels and dates that end no sentence.
        var tail = "<p>関連キーワード</p><p>おすすめ情報</p><p>1月13日</p><p>Quellen:</p><p>WDR Interviews</p>";
        var html = Pages.Article(string.Empty, $"<h1>Stadtrat beschließt Haushalt</h1><div class=\"article-body\"><p>{Story[0]}</p><p>{Story[1]}</p>{tail}</div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }

    [Test]
    public async Task Extract_ShortSentenceAtTheEnd_IsKept()
    {
        var html = Pages.Article(string.Empty, $"<h1>Stadtrat beschließt Haushalt</h1><div class=\"article-body\"><p>{Story[0]}</p><p>{Story[1]}</p><p>Die Sitzung endete um 22 Uhr.</p></div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Has.Count.EqualTo(3));
    }
}
