using AngleSharp.Dom;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// Matches every group of <see cref="Selectors.BodyContainers"/> in one pass over the page's elements. The groups are simple
/// selectors (a tag, a class, an attribute with a value) joined by commas, so each element is matched by reading its tag
/// and its attributes once and looking each up in tables of the groups it would satisfy, instead of running every
/// selector over the whole document.
/// </summary>
internal static class StructuralMatcher
{
    private static readonly Tables Groups = Tables.Build(Selectors.BodyContainers);

    /// <summary>The elements matching each group, in document order, indexed like <see cref="Selectors.BodyContainers"/>.</summary>
    public static List<IElement>[] MatchAll(IReadOnlyList<IElement> elements)
    {
        var result = new List<IElement>[Selectors.BodyContainers.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = [];
        }

        foreach (var element in elements)
        {
            var mask = Groups.Match(element);
            for (var group = 0; mask != 0; group++, mask >>= 1)
            {
                if ((mask & 1) != 0)
                {
                    result[group].Add(element);
                }
            }
        }

        return result;
    }

    /// <summary>For each tag, class and attribute value, the bit mask of the groups it satisfies.</summary>
    private sealed class Tables
    {
        private readonly Dictionary<string, uint> tags = new(StringComparer.Ordinal);
        private readonly Dictionary<string, uint> classes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, uint>> attributes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> classLookup;

        private Tables() => classLookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();

        public static Tables Build(string[] groups)
        {
            if (groups.Length > 32)
            {
                throw new InvalidOperationException("at most 32 body container groups");
            }

            var tables = new Tables();
            for (var group = 0; group < groups.Length; group++)
            {
                var bit = 1u << group;
                foreach (var raw in groups[group].Split(','))
                {
                    var part = raw.Trim();
                    if (part.StartsWith('.'))
                    {
                        tables.classes[part[1..]] = tables.classes.GetValueOrDefault(part[1..]) | bit;
                    }
                    else if (part.StartsWith('[') && part.EndsWith(']') && part.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                    {
                        var name = part[1..eq];
                        var value = part[(eq + 1)..^1].Trim('\'', '"');
                        if (!tables.attributes.TryGetValue(name, out var values))
                        {
                            values = new Dictionary<string, uint>(StringComparer.Ordinal);
                            tables.attributes[name] = values;
                        }

                        values[value] = values.GetValueOrDefault(value) | bit;
                    }
                    else if (part.Length > 0 && part.All(char.IsAsciiLetterLower))
                    {
                        tables.tags[part] = tables.tags.GetValueOrDefault(part) | bit;
                    }
                    else
                    {
                        throw new InvalidOperationException($"'{part}' in a body container group is not a simple selector");
                    }
                }
            }

            return tables;
        }

        public uint Match(IElement element)
        {
            var mask = tags.GetValueOrDefault(element.LocalName);
            var list = element.Attributes;
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i] is not { } attribute)
                {
                    continue;
                }

                if (attribute.Name == "class")
                {
                    var value = attribute.Value;
                    foreach (var range in value.AsSpan().SplitAny(" \t\n\r\f"))
                    {
                        if (classLookup.TryGetValue(value.AsSpan()[range], out var bits))
                        {
                            mask |= bits;
                        }
                    }
                }
                else if (attributes.TryGetValue(attribute.Name, out var values) && values.TryGetValue(attribute.Value, out var bits))
                {
                    mask |= bits;
                }
            }

            return mask;
        }
    }
}
