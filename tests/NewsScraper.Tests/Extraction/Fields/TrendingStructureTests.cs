using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// Trending modules found by their structure: tab sets bound to panes, labels that are links, lists inside a module's own
/// nav, titles beside image templates. Synthetic pages written for these tests, after layouts seen on many news sites.
/// </summary>
public sealed class TrendingStructureTests
{
    private const string Url = "https://news.example.com/world/2025/05/30/council-funds-library";

    private static string Items(string prefix, int count = 3) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"<li><a href=\"/world/2025/05/{i:00}/{prefix}-story-number-{i}\">{prefix} story number {i} about the council and the city</a></li>"));

    private static Task<NewsArticle> Extract(string extra) =>
        Pages.ExtractAsync(Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra), Url);

    [Test]
    public async Task Extract_TabSetBoundByHref_RecordsThePopularPaneUnderItsTab()
    {
        var tabs = "<div class=\"reading-list\"><ul class=\"tabs\"><li class=\"active\"><a href=\"#similar\">Similar</a></li><li><a href=\"#popular\">Popular</a></li></ul>"
            + $"<div class=\"tab-content\"><ul id=\"similar\">{Items("Similar")}</ul><ul id=\"popular\">{Items("Popular")}</ul></div></div>";

        var trending = (await Extract(tabs)).Trending;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(trending, Has.Count.EqualTo(3));
            Assert.That(trending.Select(t => t.List).Distinct(), Is.EqualTo(new[] { "Popular" }));
            Assert.That(trending.Select(t => t.Title), Has.All.StartWith("Popular story"));
        }
    }

    [Test]
    public async Task Extract_TabSetBoundByAriaControls_ReadsEachPopularPane()
    {
        var tabs = "<div class=\"box\"><div role=\"tablist\"><button role=\"tab\" aria-controls=\"p1\">Latest</button><button role=\"tab\" aria-controls=\"p2\">Most Read</button><button role=\"tab\" aria-controls=\"p3\">Most Shared</button></div>"
            + $"<div id=\"p1\"><ul>{Items("Latest")}</ul></div><div id=\"p2\"><ul>{Items("Read")}</ul></div><div id=\"p3\"><ul>{Items("Shared")}</ul></div></div>";

        var trending = (await Extract(tabs)).Trending;

        Assert.That(trending.Select(t => (t.List, t.Title[..t.Title.IndexOf(' ', StringComparison.Ordinal)])).Distinct(),
            Is.EqualTo(new[] { ("Most Read", "Read"), ("Most Shared", "Shared") }));
    }

    [Test]
    public async Task Extract_TabSetBoundByOrder_RecordsThePopularPaneUnderItsTab()
    {
        // Older tab sets: a list of tab labels without ids, then as many panes in the same order.
        var tabs = "<div class=\"box\"><ul class=\"tabs\"><li class=\"on\">Latest</li><li>Most Read</li><li>Most E-mailed</li></ul>"
            + $"<div class=\"panes\"><ul>{Items("Latest")}</ul><ul style=\"display:none\">{Items("Read")}</ul><ul style=\"display:none\">{Items("Mailed")}</ul></div></div>";

        var trending = (await Extract(tabs)).Trending;

        Assert.That(trending.Select(t => (t.List, t.Title[..t.Title.IndexOf(' ', StringComparison.Ordinal)])).Distinct(),
            Is.EqualTo(new[] { ("Most Read", "Read"), ("Most E-mailed", "Mailed") }));
    }

    [Test]
    public async Task Extract_LabelThatLinksToTheModulePage_IsALabel()
    {
        var module = $"<aside><div class=\"section-header\"><a href=\"/trending/\">Most Read</a></div><ul class=\"teaser-list\">{Items("Read")}</ul></aside>";

        var trending = (await Extract(module)).Trending;

        Assert.That(trending, Has.Count.EqualTo(3).And.All.Property(nameof(TrendingLink.List)).EqualTo("Most Read"));
    }

    [Test]
    public async Task Extract_TrendingBarWithItsListInANav_ReadsTheItems()
    {
        var bar = $"<div class=\"trending-bar\"><p class=\"label\">Trending:</p><nav><ul>{Items("Bar")}</ul></nav></div>";

        var trending = (await Extract(bar)).Trending;

        Assert.That(trending, Has.Count.EqualTo(3).And.All.Property(nameof(TrendingLink.List)).EqualTo("Trending"));
    }

    [Test]
    public async Task Extract_SiteMenuLinks_AreNotItemsOfAModuleAfterIt()
    {
        var menu = $"<nav class=\"site-menu\"><ul>{Items("Menu")}</ul></nav><div class=\"box\"><h3>Most Read</h3><ul>{Items("Read")}</ul></div>";

        var trending = (await Extract(menu)).Trending;

        Assert.That(trending.Select(t => t.Title), Has.All.StartWith("Read story"));
    }

    [Test]
    public async Task Extract_ItemWithAnImageTemplateScript_TakesTheHeadlineNotTheSummary()
    {
        static string Item(int i) => $"<li><a href=\"/world/2025/05/{i:00}/story-number-{i}\"><div class=\"image\"><picture><script type=\"text/template-picture\">&lt;img src=\"/a{i}.jpg\" alt=\"a long alternative text for the image\"&gt;</script></picture></div>"
            + $"<span class=\"body\"><span>Headline number {i} about the council</span> <span class=\"blurb\">A summary of the story that the list prints under its headline.</span></span></a></li>";

        var trending = (await Extract($"<aside><h3><span><span>Most Read</span></span></h3><ol>{Item(1)}{Item(2)}{Item(3)}</ol></aside>")).Trending;

        Assert.That(trending.Select(t => t.Title), Is.EqualTo(new[] { "Headline number 1 about the council", "Headline number 2 about the council", "Headline number 3 about the council" }));
    }

    [TestCase("Las más leídas")]
    [TestCase("熱門文章")]
    [TestCase("ABC News Top Stories")]
    public async Task Extract_MoreLabelWordings_FindTheModule(string label)
    {
        var trending = (await Extract($"<div class=\"box\"><div class=\"techo\"><span>{label}</span></div><ul>{Items("Read")}</ul></div>")).Trending;

        Assert.That(trending.Select(t => t.List).Distinct(), Is.EqualTo(new[] { label }));
    }
}
