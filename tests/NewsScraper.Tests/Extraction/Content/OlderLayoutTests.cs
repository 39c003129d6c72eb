using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Content;

/// <summary>
/// The body on layouts older than article/main and JSON-LD: synthetic pages written for these tests, after the markup of
/// news sites of 2000-2015 (table layouts, ASP.NET Web Forms, <c>font</c>/<c>center</c>, <c>br</c> runs, <c>span</c>
/// runs, class names in other languages), plus cross-reference lines and machine-written summary cards in the body.
/// </summary>
public sealed class OlderLayoutTests
{
    private const string Url = "http://www.example-times.com/news/2009/03/01/council.html";

    private static readonly string[] Story =
    [
        "The city council voted on Tuesday to approve a new budget for the coming year, which includes funding for road repairs, schools and the public library, officials said.",
        "Mayor John Smith said the plan was the result of months of negotiations between council members and residents, and that it would not raise property taxes.",
        "Critics, however, argued that the budget relies on optimistic revenue projections and could leave the city short if the economy slows down next year.",
        "The council will meet again next month to discuss the details of the capital improvement program, which covers projects over the next five years.",
    ];

    private static readonly string Navigation = string.Concat(Enumerable.Range(1, 20).Select(i => $"<a href=\"/section/{i}\">Section {i}</a> | "));

    private static readonly string Headlines = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/news/2009/03/story-{i}.html\">Another headline about the region, number {i}</a></li>"));

    private static async Task AssertWholeStory(string html)
    {
        var article = await Pages.ExtractAsync(html, Url);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Paragraphs, Is.EqualTo(Story), string.Join(" | ", article.Warnings));
            Assert.That(article.Warnings, Does.Not.Contain("no article body was found"));
        }
    }

    [Test]
    public Task Extract_AspNetFormWrappingTheWholePage_ReadsTheStoryInside() => AssertWholeStory($"""
        <html><head><title>Council approves budget</title></head><body>
        <form name="aspnetForm" method="post" action="article.aspx?id=5" id="aspnetForm">
        <input type="hidden" name="__VIEWSTATE" value="abc">
        <div id="nav">{Navigation}</div>
        <table><tr><td><span id="ctl00_lblTitle" class="ArticleTitle">Council approves budget</span><br/>
        <span id="ctl00_ContentPlaceHolder1_lblBody" class="ArticleBody">{string.Join("<br/><br/>", Story)}</span></td>
        <td><ul>{Headlines}</ul></td></tr></table>
        </form></body></html>
        """);

    [Test]
    public async Task Extract_SearchFormBesideTheStory_IsStillLeftOut()
    {
        var html = $"""
            <html><body><form action="/search"><label>Search the archive of the newspaper</label><input name="q"><button>Go</button></form>
            <h1>Council approves budget</h1><div class="text">{string.Concat(Story.Select(p => $"<p>{p}</p>"))}</div></body></html>
            """;

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Text, Does.Not.Contain("Search the archive"));
    }

    [Test]
    public Task Extract_TableLayoutWithFontAndBreaks_ReadsTheCell() => AssertWholeStory($"""
        <html><head><title>Council approves budget - The Times</title></head><body>
        <table width="100%"><tr><td colspan=2>{Navigation}</td></tr>
        <tr><td width="160" valign="top"><ul>{Headlines}</ul></td>
        <td valign="top"><font face="Arial" size="4"><b>Council approves budget</b></font><br>
        <font face="Arial" size="2">{string.Join("<br><br>", Story)}</font></td></tr>
        <tr><td colspan=2><font size=1>Copyright 2009 The Times. All rights reserved.</font></td></tr></table></body></html>
        """);

    [Test]
    public Task Extract_CenterAndUnclosedParagraphs_ReadsTheStory() => AssertWholeStory($"""
        <html><head><title>Council approves budget</title></head><body bgcolor=white><center><table width=600>
        <tr><td>{Navigation}</td></tr><tr><td><font face=verdana size=2><h2>Council approves budget</h2><p>{string.Join("<p>", Story)}</font></td></tr>
        <tr><td><ul>{Headlines}</ul></td></tr></table></center></body></html>
        """);

    [Test]
    public Task Extract_SpanRunsInAnItalianTemplate_ReadsTheStory() => AssertWholeStory($"""
        <html><head><title>Il consiglio approva il bilancio</title></head><body><div id="menu">{Navigation}</div>
        <div id="container"><div class="left"><ul>{Headlines}</ul></div><div class="corpo"><h1>Council approves budget</h1>
        <span class="testo">{string.Join("</span><br /><br /><span class='testo'>", Story)}</span></div></div></body></html>
        """);

    [Test]
    public Task Extract_PageWrapperNamedLikeASidebar_IsNotDropped() => AssertWholeStory($"""
        <html><body><div id="nav">{Navigation}</div><div class="layout has-sidebar"><div class="col1"><h1>Council approves budget</h1>
        {string.Concat(Story.Select(p => $"<p>{p}</p>"))}</div><div class="col2"><ul>{Headlines}</ul></div></div></body></html>
        """);

    [Test]
    public Task Extract_TextRightInTheBodyBetweenBreaks_IsTheStory() => AssertWholeStory($"""
        <html><body>{Navigation}<br><b>Council approves budget</b><br><br>{string.Join("<br><br>", Story)}<br><br><ul>{Headlines}</ul></body></html>
        """);

    [Test]
    public async Task Extract_ShortDivPerParagraph_ReadsTheStory()
    {
        string[] lines = [.. Story.Select(p => p[..p.IndexOf(',', StringComparison.Ordinal)] + ".")];
        var html = $"""
            <html><body><div id="nav">{Navigation}</div><h1>Council approves budget</h1>
            <div class="cnt">{string.Concat(lines.Select(p => $"<div>{p}</div>"))}</div><ul>{Headlines}</ul></body></html>
            """;

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(lines));
    }

    [Test]
    public async Task Extract_PageWithoutProse_HasAnEmptyBodyAndSaysWhy()
    {
        var html = $"<html><body><div id=\"nav\">{Navigation}</div><h1>Latest videos</h1><ul>{Headlines}</ul></body></html>";

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Body.Text, Is.Empty);
            Assert.That(article.Warnings, Does.Contain("no article body was found"));
        }
    }

    [TestCase("ALSO READ: Council members split over parking fees")]
    [TestCase("Read more: Council members split over parking fees")]
    [TestCase("Lesen Sie auch: Stadtrat streitet über Parkgebühren")]
    [TestCase("Mehr zum Thema")]
    [TestCase("À lire aussi – Le conseil divisé sur le stationnement")]
    [TestCase("Lee también: El consejo, dividido por el aparcamiento")]
    [TestCase("Leggi anche: Il consiglio diviso sui parcheggi")]
    [TestCase("Related")]
    public async Task Extract_CrossReferenceLineInTheBody_IsDropped(string line)
    {
        var html = Pages.Article(string.Empty, $"<h1>Council approves budget</h1><div class=\"article-body\"><p>{Story[0]}</p><p>{line}</p><p>{Story[1]}</p></div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story[..2]));
    }

    [Test]
    public async Task Extract_SentenceThatMentionsReadingMore_IsKept()
    {
        var sentence = "Read more books, the mayor told pupils at the library opening, because the city has paid for them.";
        var html = Pages.Article(string.Empty, $"<h1>Council approves budget</h1><div class=\"article-body\"><p>{Story[0]}</p><p>{sentence}</p></div>");

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(new[] { Story[0], sentence }));
    }

    [Test]
    public async Task Extract_AiSummaryCardAtTheTop_IsDropped()
    {
        var html = Pages.Article(string.Empty, $"""
            <h1>Council approves budget</h1><div class="article-body">
            <div class="card"><h4>AI summary</h4><ul><li>The council passed the budget.</li><li>Taxes stay the same.</li></ul></div>
            {string.Concat(Story.Select(p => $"<p>{p}</p>"))}</div>
            """);

        var article = await Pages.ExtractAsync(html, Url);

        Assert.That(article.Body.Paragraphs, Is.EqualTo(Story));
    }
}
