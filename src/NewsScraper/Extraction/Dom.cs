using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction;

/// <summary>DOM helpers: visible text, hidden elements and boilerplate hints. Every walk is iterative, so depth cannot overflow the stack.</summary>
internal static partial class Dom
{
    private static readonly HashSet<string> NeverText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "head", "title",
        "select", "option", "textarea", "input", "button", "video", "audio", "map", "math",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "figure",
        "figcaption", "form", "fieldset", "hr", "address", "details", "summary", "center", "caption", "body", "br",
    };

    /// <summary>Whether an element's tag never holds readable text.</summary>
    public static bool IsNeverText(IElement element) => NeverText.Contains(element.LocalName);

    /// <summary>Whether an element is a block-level element for text layout.</summary>
    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    /// <summary>Whether the element hides itself (hidden attribute, aria-hidden, inline display:none, a hiding class).</summary>
    public static bool IsHidden(IElement element) =>
        string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase) || IsVisuallyHidden(element);

    /// <summary>
    /// Whether the element is hidden from sight (hidden attribute, inline display:none, a hiding class); unlike
    /// <see cref="IsHidden"/>, text hidden only from screen readers (a date whose accessible label is elsewhere) counts as shown.
    /// </summary>
    public static bool IsVisuallyHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyleRegex().IsMatch(style))
        {
            return true;
        }

        var classes = element.ClassList;
        return classes.Length > 0 && (classes.Contains("hidden") || classes.Contains("d-none") || classes.Contains("sr-only")
            || classes.Contains("visually-hidden") || classes.Contains("screen-reader-text"));
    }

    /// <summary>The element's visible text, whitespace-normalised, skipping scripts, styles and hidden elements.</summary>
    public static string VisibleText(IElement element, int maxLength = 100_000)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && builder.Length < maxLength)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                builder.Append(text.Data);
                continue;
            }

            if (node is not IElement el)
            {
                continue;
            }

            if (el != element && (IsNeverText(el) || IsHidden(el)))
            {
                continue;
            }

            if (IsBlock(el))
            {
                builder.Append(' ');
            }

            var children = el.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return Text.Normalize(builder.ToString());
    }

    /// <summary>The class and id of an element, lower-cased, for hint matching.</summary>
    public static string ClassAndId(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (cls is null && id is null)
        {
            return string.Empty;
        }

        return (cls + " " + id).ToLowerInvariant();
    }

    /// <summary>Whether the element's class or id names a boilerplate module (share bar, related list, comments, ...).</summary>
    public static bool HasBoilerplateHint(IElement element)
    {
        var hints = ClassAndId(element);
        return hints.Length > 0 && BoilerplateRegex().IsMatch(hints) && !ContentHintRegex().IsMatch(hints);
    }

    /// <summary>Whether the element's class or id names a module that is never the article: comments, related or recommended stories, sidebars.</summary>
    public static bool HasModuleHint(IElement element)
    {
        var hints = ClassAndId(element);
        return hints.Length > 0 && ModuleRegex().IsMatch(hints) && !ContentHintRegex().IsMatch(hints);
    }

    /// <summary>Whether the element's class or id names article content.</summary>
    public static bool HasContentHint(IElement element)
    {
        var hints = ClassAndId(element);
        return hints.Length > 0 && ContentHintRegex().IsMatch(hints);
    }

    /// <summary>Whether the element's class or id suggests non-content, for scoring.</summary>
    public static bool HasNegativeHint(IElement element)
    {
        var hints = ClassAndId(element);
        return hints.Length > 0 && BoilerplateRegex().IsMatch(hints);
    }

    /// <summary>The nearest block element at or above the element, below <c>body</c> (the element itself when there is none).</summary>
    public static IElement BlockAncestor(IElement element)
    {
        for (var current = element; current is not null && current.LocalName is not ("body" or "html"); current = current.ParentElement)
        {
            if (IsBlock(current) && current.LocalName is not "br")
            {
                return current;
            }
        }

        return element;
    }

    /// <summary>Whether any ancestor of the element (below <paramref name="stop"/>) matches the predicate.</summary>
    public static bool AnyAncestor(IElement element, Func<IElement, bool> predicate, IElement? stop = null)
    {
        for (var current = element.ParentElement; current is not null && current != stop; current = current.ParentElement)
        {
            if (predicate(current))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HiddenStyleRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|adslot|sponsor(?:ed)?|comments?|disqus|sidebar|breadcrumbs?|cookie|consent|popup|modal|trending|popular|most-?read|also-?read|read-?more|recommend(?:ed|ations)?|outbrain|taboola|byline|author-?bio|tags?|caption|credits?|footer|rodape|navbar|nav|menu|rail|right-rail|toolbar|signup|skip-link|print-only)(?:$|[\s_-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex BoilerplateRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:comments?|comment-?list|disqus|related|sidebar|rodape|outbrain|taboola|recommend(?:ed|ations)?|most-?read|trending|popular)(?:$|[\s_-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ModuleRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|post-?content|post-?body|entry-?content|main-?content|body-?text|news-?content|article-cont|content-?body|rich-?text|text-?content)(?:$|[\s_-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ContentHintRegex();
}
