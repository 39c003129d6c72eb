using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>Datelines, disclaimers and trending modules on any site, on synthetic pages (written for these tests).</summary>
public sealed class GenericNotesAndTrendingTests
{
    private const string Url = "https://news.example.com/world/story-1";

    private static string Item(int i, string title, string extra = "") =>
        $"<li><span class=\"rank\">{i}</span><a href=\"/world/story-{i + 10}\">{title}</a>{extra}</li>";

    [Test]
    public async Task Extract_MostReadModule_GivesItsItemsInOrderWithCleanTitles()
    {
        var module = "<div class=\"rail-box\"><h3>Most Read</h3><ol>"
            + Item(1, "32 arrested at call centre that targeted pensioners")
            + Item(2, "Council votes to fund the new library after long debate", " <span>(12)</span>")
            + "<li><span class=\"rank\">3</span><a href=\"/world/story-13\" title=\"A title that the page cuts short because it is long\">A title that the page cuts...</a></li>"
            + "</ol></div>";
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra: module);

        var trending = (await Pages.ExtractAsync(html, Url)).Trending;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(trending.Select(t => t.Title), Is.EqualTo(new[]
            {
                "32 arrested at call centre that targeted pensioners",
                "Council votes to fund the new library after long debate",
                "A title that the page cuts short because it is long",
            }));
            Assert.That(trending.Select(t => t.Rank), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(trending[0].Url, Is.EqualTo("https://news.example.com/world/story-11"));
            Assert.That(trending.All(t => t.List == "Most Read"), Is.True);
        }
    }

    [TestCase("Editor's Picks")]
    [TestCase("Related Stories")]
    [TestCase("Popular Shopping")]
    public async Task Extract_ModulesThatAreNotTrending_GiveNothing(string label)
    {
        var module = $"<div><h3>{label}</h3><ul>" + Item(1, "Council votes to fund the new library after long debate") + Item(2, "Mayor opens the new bridge over the river at last") + "</ul></div>";
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra: module);

        Assert.That((await Pages.ExtractAsync(html, Url)).Trending, Is.Empty);
    }

    [Test]
    public async Task Extract_TrendingKeywordBarAndEmptyModule_GiveNothing()
    {
        var bar = "<div><span>Trending:</span><ul><li><a href=\"/t/a\">Gaza</a></li><li><a href=\"/t/b\">Election 2024</a></li><li><a href=\"/t/c\">Bird flu</a></li></ul></div>";
        var empty = "<section><h2>Most Popular</h2><ul class=\"js-fill\"></ul></section><section><h2>Events</h2><ul>"
            + Item(1, "Satellite conference and exhibition in Singapore") + Item(2, "Space technology expo opens in Bremen") + "</ul></section>";
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra: bar + empty);

        Assert.That((await Pages.ExtractAsync(html, Url)).Trending, Is.Empty);
    }

    [Test]
    public async Task Extract_NotesAroundTheArticle_AreDisclaimersNotBody()
    {
        var html = Pages.Article(string.Empty,
            "<div class=\"affiliate-disclaimer\"><p>When you purchase through links on our site, we may earn an affiliate commission.</p></div>"
            + "<h1>Council Funds New Library</h1><div class=\"article-body\">" + Pages.Paragraphs(4)
            + "<p>Associated Press researcher Jane Roe in New York contributed.</p></div>"
            + "<p><em>If you or someone you know is in crisis, call or text 988.</em></p>");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Disclaimers.Select(d => d.Kind), Is.EquivalentTo(new[] { DisclaimerKind.Sponsored, DisclaimerKind.AgencyCredit, DisclaimerKind.Other }));
            Assert.That(article.Body.Text, Does.Not.Contain("contributed"));
        }
    }

    [TestCase("Cases of the virus first appeared in West Michigan at the end of August, officials said.")]
    [TestCase("© REUTERS / POOL")]
    public async Task Extract_TextThatOnlyLooksLikeANote_IsNotOne(string text)
    {
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1><div class=\"article-body\">" + Pages.Paragraphs(3) + $"<p>{text}</p></div>");

        Assert.That((await Pages.ExtractAsync(html, Url)).Disclaimers, Is.Empty);
    }

    [Test]
    public async Task Extract_WireDatelineAfterACaption_IsFound()
    {
        var html = Pages.Article(string.Empty,
            "<h1>Council Funds New Library</h1><div class=\"article-body\"><p>Caption</p><p>HANOI, Vietnam (AP) — The council met on Tuesday to discuss the budget, and members agreed to fund the library.</p>"
            + Pages.Paragraphs(3) + "</div>");

        var dateline = (await Pages.ExtractAsync(html, Url)).Dateline;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dateline?.Location, Is.EqualTo("HANOI, Vietnam"));
            Assert.That(dateline?.Agency, Is.EqualTo("AP"));
        }
    }

    [Test]
    public async Task Extract_LongNoteParagraphJustAfterTheArticle_IsANote()
    {
        // Written after shopping pages of a regional news network: the disclosure is a paragraph of its own after the
        // article's container, long enough that a reading of short runs passed over it.
        var note = "<p class=\"article__paragraph--center\">If you purchase a product or register for an account through a link on our site, we may receive compensation. "
            + "By using this site, you consent to our User Agreement and agree that your clicks, interactions, and personal information may be collected, recorded, "
            + "and/or stored by us and social media and other third-party partners in accordance with our Privacy Policy.</p>";
        var html = $"<html><body><main><div class=\"entry-content\"><h1>Council Funds New Library</h1>{Pages.Paragraphs(5)}</div><div class=\"paywall\"></div>{note}</main></body></html>";

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Disclaimers.Select(d => d.Kind), Is.EqualTo(new[] { DisclaimerKind.Sponsored }));
            Assert.That(article.Provenance["disclaimers"], Does.Contain("text-pattern:after-body"));
        }
    }
}
