using System.Text.Json;
using NewsScraper.Evaluation;

namespace NewsScraper.Tests.Evaluation;

/// <summary>
/// The evaluation tool's annotation scores agree with the reference scorer (score_annotations.py) on crafted pages
/// written for this test; the expected figures are what that script printed for the same gold and predictions.
/// </summary>
public sealed class AnnotationScoreTests
{
    private const string Gold = """
        {"corpus":"x","id":"a","url":"https://News.example.com/story/1","dateline":{"location":"KYIV, Ukraine","agency":"AP","text":"KYIV, Ukraine (AP) —"},"disclaimers":[{"kind":"agency-credit","text":"Reporting by Jane Doe; Editing by John Roe"},{"kind":"sponsored","text":"We may earn a commission."}],"trending":[{"label":"Most Read","items":[{"title":"First story","url":"/a/1/"},{"title":"Second story","url":"https://news.example.com/a/2#top"}]},{"label":"Trending","items":[{"title":"Third","url":"https://news.example.com:443/a/3"}]}]}
        {"corpus":"x","id":"b","url":"https://news.example.com/story/2","dateline":null,"disclaimers":[],"trending":[]}
        {"corpus":"x","id":"c","url":"https://news.example.com/story/3","dateline":{"location":"LONDON","agency":null,"text":"LONDON —"},"disclaimers":[{"kind":"opinion","text":"The views expressed are the author's own."}],"trending":[{"label":"Popular","items":[{"title":"Fourth story","url":"https://news.example.com/a/4?x=1"}]}]}
        """;

    [Test]
    public void Score_CraftedPages_MatchesTheReferenceScorer()
    {
        var gold = Gold.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var predictions = new Dictionary<string, AnnotationPrediction>
        {
            ["a"] = new(
                new Dateline("Kyiv", "AP", null, "KYIV, Ukraine (AP) —"),
                [new Disclaimer(DisclaimerKind.AgencyCredit, "(Reporting by Jane Doe; Editing by John Roe)"), new Disclaimer(DisclaimerKind.Other, "Subscribe now")],
                [new TrendingLink(1, "First story", "https://NEWS.example.com/a/1", null, "Most Read"), new TrendingLink(2, "Second  story ", "https://news.example.com/a/2", null, "Most Read"), new TrendingLink(3, "Other", "https://news.example.com/a/9", null, "Most Read")]),
            ["b"] = new(new Dateline("PARIS", null, null, "PARIS —"), [], []),
            ["c"] = new(
                new Dateline("london", null, null, "LONDON —"),
                [new Disclaimer(DisclaimerKind.Sponsored, "the views expressed are the author's own.")],
                [new TrendingLink(1, "Fourth", "https://news.example.com/a/4?x=1", null, "Popular")]),
        };

        var s = AnnotationScore.Score(gold, predictions);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(s["dateline.location"]!.GetValue<double>(), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(s["dateline.city"]!.GetValue<double>(), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(s["dateline.agency"]!.GetValue<double>(), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(s["dateline.textExact"]!.GetValue<double>(), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(s["dateline.falseRate"]!.GetValue<double>(), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(s["disclaimers.tp"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(s["disclaimers.fp"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(s["disclaimers.fn"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(s["disclaimers.f1"]!.GetValue<double>(), Is.EqualTo(0.6666666666666666).Within(1e-12));
            Assert.That(s["disclaimers.kindAgreement"]!.GetValue<double>(), Is.EqualTo(0.5).Within(1e-12));
            Assert.That(s["trending.tp"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(s["trending.fp"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(s["trending.fn"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(s["trending.f1"]!.GetValue<double>(), Is.EqualTo(0.75).Within(1e-12));
            Assert.That(s["trending.titleExact"]!.GetValue<double>(), Is.EqualTo(0.6666666666666666).Within(1e-12));
            Assert.That(s["trending.bestModuleRecall"]!.GetValue<double>(), Is.EqualTo(1.0).Within(1e-12));
        }
    }

    [TestCase("https://News.Example.com:443/a/b/#frag", null, "https://news.example.com/a/b")]
    [TestCase("/a/b/?q=1", "https://news.example.com/x/y", "https://news.example.com/a/b?q=1")]
    [TestCase("http://news.example.com:8080/a", null, "http://news.example.com:8080/a")]
    public void NormUrl_AsTheReferenceScorer(string url, string? baseUrl, string expected)
    {
        Assert.That(AnnotationScore.NormUrl(url, baseUrl), Is.EqualTo(expected));
    }
}
