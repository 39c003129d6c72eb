using System.Globalization;
using System.Text.Json.Nodes;

namespace NewsScraper.Evaluation;

/// <summary>
/// Compares scores with the floors pinned in the repository (<c>quality-floors.json</c>): any metric below its floor
/// minus <c>epsilon</c> fails. Raising a floor is routine; lowering one is a deliberate, explained edit of that file.
/// </summary>
internal static class QualityGate
{
    public static int Check(string path, JsonObject results)
    {
        var floors = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var epsilon = floors["epsilon"]?.GetValue<double>() ?? 0.002;
        var failed = 0;
        var checkedCount = 0;
        foreach (var (corpus, metrics) in floors)
        {
            if (metrics is not JsonObject metricFloors)
            {
                continue;
            }

            if (results[corpus] is not JsonObject scores)
            {
                Console.WriteLine($"gate: {corpus} was not evaluated (no such corpus here); its floors are not checked");
                continue;
            }

            foreach (var (metric, floorNode) in metricFloors)
            {
                var floor = floorNode!.GetValue<double>();
                var value = scores[metric]?.GetValue<double>();
                checkedCount++;
                if (value is null || value < floor - epsilon)
                {
                    failed++;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gate: FAIL {corpus} {metric} = {value?.ToString("F4", CultureInfo.InvariantCulture) ?? "missing"} < floor {floor:F4}"));
                }
            }
        }

        Console.WriteLine($"gate: {checkedCount - failed} of {checkedCount} floors met");
        return failed == 0 ? 0 : 1;
    }
}
