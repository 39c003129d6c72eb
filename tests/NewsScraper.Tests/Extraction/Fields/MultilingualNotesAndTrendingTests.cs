using NewsScraper.Extraction.Fields;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Extraction.Fields;

/// <summary>
/// Notes and trending modules as pages in other languages and older layouts print them: synthetic pages and lines
/// written for these tests, after wording and markup seen on news sites.
/// </summary>
public sealed class MultilingualNotesAndTrendingTests
{
    private const string Url = "https://news.example.com/world/story-1";

    [TestCase("A version of this article appears in print on January 13, 2017, on Page A7 of the New York edition.", DisclaimerKind.Republished)]
    [TestCase("This article was originally published by Futurism. Read the original article.", DisclaimerKind.Republished)]
    [TestCase("Dieser Artikel erschien zuerst bei unserem Partner Business Insider.", DisclaimerKind.Republished)]
    [TestCase("Cet article a été publié initialement dans Le Monde.", DisclaimerKind.Republished)]
    [TestCase("©2023 Amy Dickinson. Distributed by Tribune Content Agency, LLC.", DisclaimerKind.Syndication)]
    [TestCase("Copyright (C) 2017 ASAHI INTERACTIVE, Inc. All rights reserved. No reproduction or republication without written permission.", DisclaimerKind.Syndication)]
    [TestCase("Copyright ⓒ Entermedia. 무단전재 및 재배포 금지", DisclaimerKind.Syndication)]
    [TestCase("This episode was produced by Berly McCoy, edited by Rebecca Ramirez and fact checked by Brit Hanson.", DisclaimerKind.AgencyCredit)]
    [TestCase("Mit Material von dpa und AFP.", DisclaimerKind.AgencyCredit)]
    [TestCase("This interview has been lightly edited and condensed for clarity.", DisclaimerKind.EditorsNote)]
    [TestCase("UPDATE: many readers asked how the charts in this article were made, so here is the tool we used.", DisclaimerKind.EditorsNote)]
    [TestCase("This sponsored deal is brought to you by Dashlane.", DisclaimerKind.Sponsored)]
    [TestCase("Dieser Beitrag enthält Affiliate-Links.", DisclaimerKind.Sponsored)]
    public void Classify_NoteInOtherWordings_GivesItsKind(string text, DisclaimerKind kind) =>
        Assert.That(DisclaimerClassifier.Classify(text), Is.EqualTo(kind));

    [TestCase("First published on December 22, 2023 / 1:54 PM EST")]
    [TestCase("Anzeige")]
    [TestCase("Updated: Dec. 23, 2023 at 10:15 a.m.")]
    public void Classify_DateLineOrAdLabel_IsNotANote(string text) =>
        Assert.That(DisclaimerClassifier.Classify(text), Is.Null);

    [Test]
    public async Task Extract_LinkedRepublicationLineInTheArticle_IsANoteAndNotBody()
    {
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4)
            + "<p><em>This article was originally published by <a href=\"https://futurism.example/x\">Futurism</a>. <a href=\"https://futurism.example/x\">Read the original article</a>.</em></p>");

        var article = await Pages.ExtractAsync(html, Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Disclaimers.Select(d => d.Kind), Is.EqualTo(new[] { DisclaimerKind.Republished }));
            Assert.That(article.Body.Text, Does.Not.Contain("originally published"));
        }
    }

    [TestCase("Meistgelesen")]
    [TestCase("Mest lest")]
    [TestCase("Najczęściej czytane")]
    [TestCase("En çok okunanlar")]
    [TestCase("人気記事")]
    [TestCase("많이 본 뉴스")]
    public async Task Extract_TrendingLabelInAnotherLanguage_FindsTheModule(string label)
    {
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra: Module($"<h3>{label}</h3>"));

        var trending = (await Pages.ExtractAsync(html, Url)).Trending;

        Assert.That(trending.Select(t => t.List).Distinct(), Is.EqualTo(new[] { label }));
    }

    [Test]
    public async Task Extract_TrendingLabelDrawnAsAnImage_IsReadFromItsAlt()
    {
        var html = Pages.Article(string.Empty, "<h1>Council Funds New Library</h1>" + Pages.Paragraphs(4), extra: Module("<img src=\"/img/mostread.gif\" alt=\"Most Read\">"));

        var trending = (await Pages.ExtractAsync(html, Url)).Trending;

        Assert.That(trending, Has.Count.EqualTo(3).And.All.Property(nameof(TrendingLink.List)).EqualTo("Most Read"));
    }

    private static string Module(string label) => $"<div class=\"box\">{label}<ul>"
        + "<li><a href=\"/world/council-votes-to-fund-library\">Council votes to fund the new library after long debate</a></li>"
        + "<li><a href=\"/world/mayor-opens-new-bridge\">Mayor opens the new bridge over the river at last</a></li>"
        + "<li><a href=\"/world/storm-damage-counted\">Storm damage along the coast is counted by the county</a></li></ul></div>";
}
