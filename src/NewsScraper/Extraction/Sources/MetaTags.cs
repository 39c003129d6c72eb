using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Sources;

/// <summary>
/// The page's <c>&lt;meta&gt;</c> values by name (<c>name</c>, <c>property</c>, <c>itemprop</c> and <c>http-equiv</c>,
/// case-insensitive), first value first. Built once per page.
/// </summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> values;

    private MetaTags(Dictionary<string, List<string>> values) => this.values = values;

    /// <summary>Reads every <c>meta</c> element of the document.</summary>
    public static MetaTags Read(IDocument document)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.GetElementsByTagName("meta"))
        {
            var content = meta.Attr("content");
            if (content is null)
            {
                continue;
            }

            var text = Text.Normalize(content);
            if (text.Length == 0)
            {
                continue;
            }

            foreach (var attribute in (string[])["property", "name", "itemprop", "http-equiv"])
            {
                var key = meta.Attr(attribute);
                if (string.IsNullOrWhiteSpace(key))
                {
                    continue;
                }

                foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!values.TryGetValue(part, out var list))
                    {
                        list = [];
                        values[part] = list;
                    }

                    if (list.Count < 100)
                    {
                        list.Add(text);
                    }
                }
            }
        }

        return new MetaTags(values);
    }

    /// <summary>The first value of the first name that has one, with the name it came from.</summary>
    public (string Value, string Name)? First(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (values.TryGetValue(name, out var list) && list.Count > 0)
            {
                return (list[0], name);
            }
        }

        return null;
    }

    /// <summary>Every value of a name.</summary>
    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];
}
