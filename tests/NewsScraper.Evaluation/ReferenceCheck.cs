using System.Text.Json;

namespace NewsScraper.Evaluation;

/// <summary>
/// Checks the metric's aggregation against the original evaluate.py: from each published system's per-page tp/fp/fn in
/// <c>reference-metric-values.json</c>, the overall P, R, F1 and accuracy must come out the same to 1e-9.
/// </summary>
internal static class ReferenceCheck
{
    public static int Run(string path)
    {
        if (!File.Exists(path))
        {
            Console.WriteLine($"reference check: {path} not found");
            return 1;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var failures = 0;
        foreach (var system in document.RootElement.GetProperty("systems").EnumerateObject())
        {
            var pages = system.Value.GetProperty("pages").EnumerateObject()
                .Select(p => new PageScore(p.Value.GetProperty("tp").GetDouble(), p.Value.GetProperty("fp").GetDouble(), p.Value.GetProperty("fn").GetDouble(), p.Value.GetProperty("accuracy").GetDouble() == 1))
                .ToList();
            var overall = BodyMetric.Aggregate(pages);
            var expected = system.Value.GetProperty("overall_no_bootstrap");
            var ok = Math.Abs(overall.F1 - expected.GetProperty("f1").GetDouble()) < 1e-9
                && Math.Abs(overall.Precision - expected.GetProperty("precision").GetDouble()) < 1e-9
                && Math.Abs(overall.Recall - expected.GetProperty("recall").GetDouble()) < 1e-9
                && Math.Abs(overall.Accuracy - expected.GetProperty("accuracy").GetDouble()) < 1e-9;
            failures += ok ? 0 : 1;
            Console.WriteLine($"reference check: {system.Name,-16} F1 {overall.F1:F9} vs {expected.GetProperty("f1").GetDouble():F9} {(ok ? "ok" : "MISMATCH")}");
        }

        return failures == 0 ? 0 : 1;
    }
}
