using System.Globalization;
using System.Text;

namespace NewsScraper.Evaluation;

/// <summary>Normalised shingle counts of one page.</summary>
/// <param name="Tp">True positives, divided by tp+fp+fn.</param>
/// <param name="Fp">False positives, likewise.</param>
/// <param name="Fn">False negatives, likewise.</param>
/// <param name="Exact">Whether the predicted token sequence equals the gold one.</param>
public readonly record struct PageScore(double Tp, double Fp, double Fn, bool Exact)
{
    /// <summary>Gets the page's precision: 1 when fp = fn = 0, 0 when tp = fp = 0, else tp/(tp+fp).</summary>
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);

    /// <summary>Gets the page's recall: 1 when fp = fn = 0, 0 when tp = fn = 0, else tp/(tp+fn).</summary>
    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);

    /// <summary>Gets the page's F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The overall body scores.</summary>
public readonly record struct OverallScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The ScrapingHub article-body metric, exactly as the corpora README describes it: tokens are runs of
/// <c>[\p{L}\p{Nd}\p{Nl}\p{No}_]</c> (Python's <c>\w</c>), shingles of 4 tokens counted as a multiset, per-page
/// normalised tp/fp/fn, P and R averaged over the pages where they are defined, F1 of the two means.
/// </summary>
public static class BodyMetric
{
    /// <summary>Splits text into Python-<c>\w</c> tokens.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Scores one page.</summary>
    public static PageScore Score(string gold, string predicted)
    {
        var goldTokens = Tokenize(gold);
        var predTokens = Tokenize(predicted);
        var goldShingles = Shingles(goldTokens);
        var predShingles = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in goldShingles.Keys.Union(predShingles.Keys))
        {
            var g = goldShingles.GetValueOrDefault(key);
            var p = predShingles.GetValueOrDefault(key);
            tp += Math.Min(g, p);
            fp += Math.Max(0, p - g);
            fn += Math.Max(0, g - p);
        }

        var total = tp + fp + fn;
        if (total > 0)
        {
            tp /= total;
            fp /= total;
            fn /= total;
        }

        return new PageScore(tp, fp, fn, goldTokens.SequenceEqual(predTokens, StringComparer.Ordinal));
    }

    /// <summary>Aggregates page scores: P over pages with tp+fp &gt; 0, R over pages with tp+fn &gt; 0, F1 of the means.</summary>
    public static OverallScore Aggregate(IReadOnlyList<PageScore> pages)
    {
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0, exact = 0;
        foreach (var page in pages)
        {
            if (page.Tp + page.Fp > 0)
            {
                precisionSum += page.Precision;
                precisionPages++;
            }

            if (page.Tp + page.Fn > 0)
            {
                recallSum += page.Recall;
                recallPages++;
            }

            exact += page.Exact ? 1 : 0;
        }

        var precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        var recall = recallPages == 0 ? 0 : recallSum / recallPages;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new OverallScore(precision, recall, f1, pages.Count == 0 ? 0 : (double)exact / pages.Count, pages.Count);
    }

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        var array = tokens.ToArray();
        var n = Math.Max(1, array.Length - 3);
        for (var i = 0; i < n; i++)
        {
            var key = string.Join("\u0001", array, i, Math.Min(4, array.Length - i));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
