using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// The story of a page that renders it from script data: the HTML of the article held as a string in a script (Next.js's
/// <c>self.__next_f.push</c> payloads and <c>__NEXT_DATA__</c>, Nuxt's state, other frameworks' hydration data) while
/// the markup itself holds no paragraphs until the script runs. The string may be escaped twice (a JSON document inside a
/// JavaScript string). Read only when the page's markup gives no body.
/// </summary>
internal static class ScriptBody
{
    /// <summary>Scripts shorter than this cannot hold an article.</summary>
    private const int MinScriptLength = 400;

    /// <summary>A string literal shorter than this is not an article's HTML.</summary>
    private const int MinLiteralLength = 300;

    /// <summary>The text an article's HTML must hold to be taken.</summary>
    private const int MinTextLength = 250;

    private static readonly string[] ParagraphTags = ["p", "h2", "h3", "h4", "li", "blockquote"];

    public static List<string>? Find(IDocument document, CancellationToken cancellationToken)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var script in document.Scripts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var code = script.Text;
            if (code.Length < MinScriptLength || string.Equals(script.Type, "application/ld+json", StringComparison.OrdinalIgnoreCase)
                || !(code.Contains("<p", StringComparison.OrdinalIgnoreCase) || code.Contains("u003cp", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var html in HtmlStrings(code, depth: 0))
            {
                var length = TextLength(html);
                if (length > bestLength)
                {
                    (best, bestLength) = (html, length);
                }
            }
        }

        return best is null || bestLength < MinTextLength ? null : Paragraphs(best);
    }

    /// <summary>The string literals of <paramref name="code"/> that hold paragraphs of HTML, looking one level into literals that are code themselves.</summary>
    private static IEnumerable<string> HtmlStrings(string code, int depth)
    {
        foreach (var literal in Literals(code))
        {
            if (literal.Contains("<p", StringComparison.OrdinalIgnoreCase) && literal.Contains("</p>", StringComparison.OrdinalIgnoreCase)
                && !literal.Contains("\":\"", StringComparison.Ordinal))
            {
                yield return literal;
            }
            else if (depth == 0 && literal.Contains('"', StringComparison.Ordinal)
                && (literal.Contains("<p", StringComparison.OrdinalIgnoreCase) || literal.Contains("u003cp", StringComparison.OrdinalIgnoreCase)))
            {
                // A JSON document inside a JavaScript string: its own string literals hold the HTML.
                foreach (var inner in HtmlStrings(literal, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The decoded double-quoted string literals of <paramref name="code"/> at least <see cref="MinLiteralLength"/> long.</summary>
    private static IEnumerable<string> Literals(string code)
    {
        var i = 0;
        while ((i = code.IndexOf('"', i)) >= 0)
        {
            var start = ++i;
            var escaped = false;
            while (i < code.Length && (escaped || code[i] != '"'))
            {
                escaped = !escaped && code[i] == '\\';
                i++;
            }

            if (i - start >= MinLiteralLength)
            {
                yield return Unescape(code.AsSpan(start, i - start));
            }

            if (++i >= code.Length)
            {
                yield break;
            }
        }
    }

    /// <summary>JSON's and JavaScript's string escapes: \" \\ \/ \n \t \r \b \f \uXXXX.</summary>
    private static string Unescape(ReadOnlySpan<char> literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c != '\\' || i + 1 >= literal.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = literal[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b' or 'f': builder.Append(' '); break;
                case 'u' when i + 4 < literal.Length && ushort.TryParse(literal.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The characters of text between the tags of an HTML string (a cheap measure, before any parse).</summary>
    private static int TextLength(string html)
    {
        var length = 0;
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && !char.IsWhiteSpace(c))
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>The paragraphs of the article's HTML: its innermost text blocks, captions and figures left out.</summary>
    private static List<string>? Paragraphs(string html)
    {
        using var fragment = new HtmlParser().ParseDocument(html);
        var paragraphs = new List<string>();
        foreach (var element in fragment.Body?.Descendants<IElement>() ?? [])
        {
            if (!ParagraphTags.Contains(element.LocalName) || element.QuerySelector("p, li, h2, h3, h4, blockquote") is not null
                || Dom.ClosestTag(element, "figure", "figcaption", "aside", "table") is not null
                || Dom.AnyAncestor(element, a => Dom.ClassAndId(a).Contains("caption", StringComparison.Ordinal)))
            {
                continue;
            }

            var text = Dom.VisibleText(element);
            if (text.Length > 1)
            {
                paragraphs.Add(text);
            }
        }

        return paragraphs.Sum(p => p.Length) >= MinTextLength ? paragraphs : null;
    }
}
