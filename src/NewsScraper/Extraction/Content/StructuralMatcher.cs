using AngleSharp.Dom;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// Matches every group of <see cref="Selectors.BodyContainers"/> in one pass over the page's elements. The groups are simple
/// selectors (a tag, a class, an attribute with a value) joined by commas, so each element is checked with set lookups
/// instead of running every selector over the whole document.
/// </summary>
internal static class StructuralMatcher
{
    private static readonly Rule[] Rules = [.. Selectors.BodyContainers.Select(Rule.Parse)];

    /// <summary>The elements matching each group, in document order, indexed like <see cref="Selectors.BodyContainers"/>.</summary>
    public static List<IElement>[] MatchAll(IReadOnlyList<IElement> elements)
    {
        var result = new List<IElement>[Rules.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [];
        }

        foreach (var element in elements)
        {
            var classes = element.GetAttribute("class");
            for (var i = 0; i < Rules.Length; i++)
            {
                if (Rules[i].Matches(element, classes))
                {
                    result[i].Add(element);
                }
            }
        }

        return result;
    }

    private sealed class Rule
    {
        private readonly HashSet<string> tags = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> classes = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Value)> attributes = [];
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> classLookup;

        private Rule() => classLookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();

        public static Rule Parse(string group)
        {
            var rule = new Rule();
            foreach (var raw in group.Split(','))
            {
                var part = raw.Trim();
                if (part.StartsWith('.'))
                {
                    rule.classes.Add(part[1..]);
                }
                else if (part.StartsWith('[') && part.EndsWith(']') && part.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                {
                    rule.attributes.Add((part[1..eq], part[(eq + 1)..^1].Trim('\'', '"')));
                }
                else if (part.Length > 0 && part.All(char.IsAsciiLetter))
                {
                    rule.tags.Add(part);
                }
                else
                {
                    throw new InvalidOperationException($"'{part}' in a body container group is not a simple selector");
                }
            }

            return rule;
        }

        public bool Matches(IElement element, string? classAttribute)
        {
            if (tags.Count > 0 && tags.Contains(element.LocalName))
            {
                return true;
            }

            if (classes.Count > 0 && classAttribute is not null)
            {
                foreach (var range in classAttribute.AsSpan().SplitAny(" \t\n\r\f"))
                {
                    if (classLookup.Contains(classAttribute.AsSpan()[range]))
                    {
                        return true;
                    }
                }
            }

            foreach (var (name, value) in attributes)
            {
                if (string.Equals(element.GetAttribute(name), value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
