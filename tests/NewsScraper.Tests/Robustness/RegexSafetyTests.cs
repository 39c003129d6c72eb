using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using NewsScraper.Extraction;

namespace NewsScraper.Tests.Robustness;

/// <summary>
/// Every regular expression in the library, found by reflection, against inputs crafted to make backtracking engines
/// blow up: long runs of the characters and tokens the patterns repeat. None may take long. This test is what keeps the
/// library's fixed patterns safe: they carry no match timeout (a timeout makes the generated matcher read the clock in
/// its loops, which doubled the cost of every match), so each must stay linear on these inputs, within the 200 ms the
/// timeout used to allow. Patterns from site profiles, which users write, keep their timeout.
/// </summary>
public sealed class RegexSafetyTests
{
    private static readonly string[] Units =
    [
        "a", " ", "1", "a ", "1 ", "A ", "AB ", "By ", "by a ", "Jan ", "Jan 1 ", "1 Jan ", "1/1/", "1-1-", "1:1", "1.1.", "12:00 ", "-", ".", ",",
        "a,", "a.", "a-", "(", "((", "[", "|", "\u2014", "\t\n", "<a", "&#", "@a", "a@", "a@a.", "http://", "WASHINGTON, ", "Reuters ", "(With ",
        "2023-", "2023-12-", "T", "+", "+05:", "UTC+", "Updated ", "ago ", "1 hour ", "Ab, ", "de ", "Mr. ", "\"", "'", "/", "\\", "_", "Aa-Bb ",
        "This image ", "Reporting by ", "Editing by ", "(", "ALSO READ ", "#", "%", "=",
    ];

    private static IEnumerable<TestCaseData> Patterns()
    {
        foreach (var type in typeof(ArticleExtractor).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (method.ReturnType == typeof(Regex) && method.GetParameters().Length == 0)
                {
                    yield return new TestCaseData(method).SetArgDisplayNames($"{type.Name}.{method.Name}");
                }
            }
        }
    }

    [Test]
    public void Patterns_AreFoundByReflection()
    {
        Assert.That(Patterns().Count(), Is.GreaterThan(30));
    }

    [TestCaseSource(nameof(Patterns))]
    public void Pattern_CraftedInput_StaysFast(MethodInfo method)
    {
        var regex = (Regex)method.Invoke(null, null)!;
        var watch = new Stopwatch();
        foreach (var unit in Units)
        {
            var input = string.Concat(Enumerable.Repeat(unit, 20_000 / unit.Length));
            foreach (var text in new[] { input, input + "!", "x" + input + "\u0001" })
            {
                watch.Restart();
                Assert.DoesNotThrow(() => regex.Count(text), $"'{unit}' x {input.Length / unit.Length}");
                Assert.That(watch.ElapsedMilliseconds, Is.LessThan(200), $"'{unit}' x {input.Length / unit.Length}");
            }
        }
    }
}
