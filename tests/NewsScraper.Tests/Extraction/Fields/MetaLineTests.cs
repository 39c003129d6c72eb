using NewsScraper.Extraction.Fields;
using NewsScraper.Internal;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// The header and footer lines of a story that its text container holds (dates, reading times, a byline beside them), in
/// the forms of the pages of ../shared/corpora/fundus and naeb; written for these tests.
/// </summary>
public sealed class MetaLineTests
{
    private static readonly DateContext German = new("DE", TimeZones.ZoneOfCountry("DE"), []);

    [TestCase("Published: Dec 19, 2023 at 09:22 AM")]
    [TestCase("PUBLISHED: December 23, 2023 at 3:17 p.m. | UPDATED: December 23, 2023 at 5:22 p.m.")]
    [TestCase("06. 01. 2026, 14:59 Uhr Lesedauer: 4 Minuten")]
    [TestCase("Publiziert: 01.07.2023, 11:16")]
    [TestCase("Publiziert heute um 12:19 Uhr")]
    [TestCase("Aktualisiert am 07.01.2026 - 18:50 UhrLesedauer: 4 Min.")]
    [TestCase("Freitag, 28.04.2023, 19:25")]
    [TestCase("Publié il y a 3 heures, mis à jour à 09h42")]
    [TestCase("Actualizado a las 20:56h.")]
    [TestCase("Uppdaterad 15.59 | Publicerad 14.14")]
    [TestCase("Giriş: 03.07.2024 - 18:24 Güncelleme: 03.07.2024 - 18:57")]
    [TestCase("3 Minuten Lesezeit")]
    [TestCase("• 6 min read")]
    [TestCase("Saturday 23 December 2023 05:39, UK")]
    public void Is_DateAndLabelLines_AreMetaAnywhere(string line) =>
        Assert.That(MetaLine.Is(line, German, loose: false), Is.True);

    [TestCase("Von Juliane Rohr 28.04.2023, 18:11 Uhr")]
    [TestCase("Von Seb Dumitru, Lille 05.08.2024, 20:59 Uhr")]
    [TestCase("11.07.2026, 09:30 UhrStuttgart")]
    [TestCase("Madrid-29/05/2025 20:00")]
    [TestCase("Dylan Jones5 hours ago")]
    [TestCase("Ntombizethu Ngcobo 2 minutes read")]
    [TestCase("- Associated Press - Friday, April 28, 2023")]
    public void Is_BylineOrPlaceBesideTheDate_IsMetaAtTheStorysEnds(string line)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(MetaLine.Is(line, German, loose: true), Is.True);
            Assert.That(MetaLine.Is(line, German, loose: false), Is.False, "inside the story, a name beside a date may be prose");
        }
    }

    [TestCase("19.51%")]
    [TestCase("El partido duró 2 horas")]
    [TestCase("Der Dienst dauerte 2 Stunden")]
    [TestCase("Am 12. März 2021 traf sich der Stadtrat zu einer Sondersitzung")]
    [TestCase("Die Polizei Berlin Mitte meldete am 28.04.2023 um 18:11 Uhr einen Brand")]
    [TestCase("The council met on Dec 19, 2023 and approved the budget.")]
    [TestCase("Paragraph without any date at all")]
    public void Is_ProseAndData_AreNotMeta(string line) =>
        Assert.That(MetaLine.Is(line, German, loose: true), Is.False);

    [Test]
    public async Task Extract_HeaderLinesInTheTextContainer_AreNotBody()
    {
        var html = Pages.Article(string.Empty, """
            <h1>Stadtrat beschließt Haushalt</h1>
            <div class="article-body">
              <p>Von Juliane Rohr 28.04.2025, 18:11 Uhr</p>
              <p>3 Minuten Lesezeit</p>
            """ + Pages.Paragraphs(4) + """
              <p>Am Freitag um 20:15 Uhr ging die Sitzung zu Ende.</p>
              <p>11.05.2025, 09:30 Uhr Stuttgart</p>
            </div>
            """);

        var body = (await Pages.ExtractAsync(html, "https://www.example.de/stadtrat")).Body.Paragraphs;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body[0], Does.StartWith("Paragraph 1"));
            Assert.That(body[^1], Is.EqualTo("Am Freitag um 20:15 Uhr ging die Sitzung zu Ende."));
            Assert.That(body, Has.Count.EqualTo(5));
        }
    }

    // After a German daily (a caption in a desktop and a mobile copy), a Japanese daily (a tooltip under each button) and
    // pages that end with a copyright or a picture credit line.
    [Test]
    public async Task Extract_CopiesAndCreditLines_AreNotBody()
    {
        var html = Pages.Article(string.Empty, """
            <h1>Council funds new library</h1><div class="article-body">
            """ + Pages.Paragraphs(2) + """
              <p>The pyramid shows the planned phases of the library's construction.</p>
              <p>The pyramid shows the planned phases of the library's construction.</p>
              <p>Foto: Jane Doe</p>
              <p>Getty Images</p>
            """ + Pages.Paragraphs(2, "Closing") + """
              <p>Copyright © 2025 Example News, LLC.</p>
              <p>© dpa-infocom, dpa:250516-99-53606/3</p>
            </div>
            """);

        var body = (await Pages.ExtractAsync(html)).Body.Paragraphs;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Has.Count.EqualTo(5));
            Assert.That(body.Count(p => p.StartsWith("The pyramid", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(body[^1], Does.StartWith("Closing 2"));
        }
    }

    [Test]
    public async Task Extract_TheSameQuestionAskedOfTwoPeople_IsKeptBothTimes()
    {
        var html = Pages.Article(string.Empty, """
            <h1>Five cooks on their kitchens</h1><div class="article-body">
              <p>What inspired you to start cooking for a living?</p><p>Anna: My grandmother's kitchen in Odessa, where every holiday began.</p>
              <p>What inspired you to start cooking for a living?</p><p>Boris: A summer job in a harbour restaurant that never closed at night.</p>
            """ + Pages.Paragraphs(3) + "</div>");

        var body = (await Pages.ExtractAsync(html)).Body.Paragraphs;

        Assert.That(body.Count(p => p.StartsWith("What inspired", StringComparison.Ordinal)), Is.EqualTo(2));
    }
}
