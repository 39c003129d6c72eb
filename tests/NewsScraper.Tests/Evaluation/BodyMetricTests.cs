using NewsScraper.Evaluation;

namespace NewsScraper.Tests.Evaluation;

/// <summary>
/// The ScrapingHub body metric. Reference values are copied from ../shared/corpora/scrapinghub/reference-metric-values.json
/// (computed by the original evaluate.py); the full aggregation over all pages of five systems is checked by the
/// evaluation tool's <c>--verify-reference</c> in CI.
/// </summary>
public sealed class BodyMetricTests
{
    private const double Tolerance = 1e-9;

    [Test]
    public void Tokenize_FollowsPythonWordCharacters()
    {
        Assert.That(BodyMetric.Tokenize("Don\u2019t stop: na\u00efve_x 12\u00bd, \u4e2d\u6587 e\u0301t\u00e9 \ud835\udc00bc"),
            Is.EqualTo(new[] { "Don", "t", "stop", "na\u00efve_x", "12\u00bd", "\u4e2d\u6587", "e", "t\u00e9", "\ud835\udc00bc" }));
    }

    [Test]
    public void Score_Goose3Page042bb7b5_ReproducesTheReferenceValues()
    {
        // Reference: goose3 on 042bb7b5...: 69 gold tokens, 68 predicted; tp 0.9848484848484849, fp 0, fn 0.015151515151515152.
        // A prediction that drops the last of 69 distinct tokens has exactly those counts (65 of 66 shingles).
        var gold = string.Join(' ', Enumerable.Range(0, 69).Select(i => $"w{i}"));
        var predicted = string.Join(' ', Enumerable.Range(0, 68).Select(i => $"w{i}"));

        var score = BodyMetric.Score(gold, predicted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Tp, Is.EqualTo(0.9848484848484849).Within(Tolerance));
            Assert.That(score.Fp, Is.EqualTo(0.0).Within(Tolerance));
            Assert.That(score.Fn, Is.EqualTo(0.015151515151515152).Within(Tolerance));
            Assert.That(score.Exact, Is.False);
        }
    }

    [Test]
    public void Score_Goose3Page04a6711c_ExactPrediction_ReproducesTheReferenceValues()
    {
        // Reference: goose3 on 04a6711c...: 922 tokens each side; tp 1, fp 0, fn 0, accuracy 1.
        var text = string.Join(' ', Enumerable.Range(0, 922).Select(i => $"t{i % 300}"));

        var score = BodyMetric.Score(text, text.Replace(" ", "\n\n", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Tp, Is.EqualTo(1.0).Within(Tolerance));
            Assert.That(score.Fp + score.Fn, Is.EqualTo(0.0).Within(Tolerance));
            Assert.That(score.Exact, Is.True);
        }
    }

    [TestCase(0.9533742331288344, 0.014723926380368098, 0.03190184049079755)]
    [TestCase(0.9769503546099291, 0.005319148936170213, 0.01773049645390071)]
    public void PageScore_ReferencePage_PrecisionAndRecallFollowEvaluatePy(double tp, double fp, double fn)
    {
        var score = new PageScore(tp, fp, fn, Exact: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Precision, Is.EqualTo(tp / (tp + fp)).Within(Tolerance));
            Assert.That(score.Recall, Is.EqualTo(tp / (tp + fn)).Within(Tolerance));
        }
    }

    [Test]
    public void Aggregate_EmptyPrediction_IsLeftOutOfPrecisionAndLowersRecall()
    {
        var perfect = BodyMetric.Score("a b c d e", "a b c d e");
        var empty = BodyMetric.Score("a b c d e", string.Empty);

        var overall = BodyMetric.Aggregate([perfect, empty]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(overall.Precision, Is.EqualTo(1.0).Within(Tolerance));
            Assert.That(overall.Recall, Is.EqualTo(0.5).Within(Tolerance));
            Assert.That(overall.F1, Is.EqualTo(2 * 0.5 / 1.5).Within(Tolerance));
            Assert.That(overall.Accuracy, Is.EqualTo(0.5).Within(Tolerance));
        }
    }

    [Test]
    public void Score_ShortTexts_UseOneShorterShingle()
    {
        // 1-3 tokens give one shingle of that length; repeated shingles count as a multiset.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(BodyMetric.Score("alpha beta", "alpha beta").Tp, Is.EqualTo(1.0));
            Assert.That(BodyMetric.Score("alpha beta", "alpha").Tp, Is.Zero);
            var repeated = BodyMetric.Score("a b c d a b c d", "a b c d");
            Assert.That(repeated.Tp, Is.EqualTo(1.0 / 5).Within(Tolerance));
            Assert.That(repeated.Fn, Is.EqualTo(4.0 / 5).Within(Tolerance));
        }
    }
}
