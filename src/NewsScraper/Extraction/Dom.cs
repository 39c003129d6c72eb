using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Internal;

namespace NewsScraper.Extraction;

/// <summary>DOM helpers: visible text, hidden elements and boilerplate hints. Every walk is iterative, so depth cannot overflow the stack.</summary>
internal static partial class Dom
{
    // Tag names as the HTML parser gives them (lower case): ordinal lookups.
    private static readonly HashSet<string> NeverText = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "head", "title",
        "select", "option", "textarea", "input", "button", "video", "audio", "map", "math",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "figure",
        "figcaption", "form", "fieldset", "hr", "address", "details", "summary", "center", "caption", "body", "br",
    };

    private static readonly HashSet<string> HidingClasses = new(StringComparer.Ordinal)
    {
        "hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HidingClassLookup = HidingClasses.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// An attribute's value, or <see langword="null"/>. One ordinal pass over the element's attributes: AngleSharp's
    /// <c>GetAttribute</c> lower-cases the name on every call and costs about three times as much. Names are lower case
    /// (the parser lower-cases HTML attribute names).
    /// </summary>
    public static string? Attr(this IElement element, string name)
    {
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i] is { } attribute && string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>Whether an element's tag never holds readable text.</summary>
    public static bool IsNeverText(IElement element) => NeverText.Contains(element.LocalName);

    /// <summary>Whether an element is a block-level element for text layout.</summary>
    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    /// <summary>
    /// Whether a form wraps page layout rather than being a form (search, comments, a newsletter sign-up): it holds a
    /// page heading or an article, more text than a form's labels and notes, or far more elements than any form's
    /// fields (ASP.NET Web Forms wrap the whole page in one <c>form</c>).
    /// </summary>
    public static bool WrapsLayout(IElement form)
    {
        const int MaxFormElements = 150, MaxFormText = 1_000;
        var count = 0;
        var text = 0;
        var stack = new Stack<INode>();
        stack.Push(form);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                foreach (var c in t.Data)
                {
                    text += char.IsWhiteSpace(c) ? 0 : 1;
                }

                if (text > MaxFormText)
                {
                    return true;
                }

                continue;
            }

            if (node is not IElement element || (element != form && IsNeverText(element)))
            {
                continue;
            }

            if ((element != form && element.LocalName is "h1" or "h2" or "article" or "main") || ++count > MaxFormElements)
            {
                return true;
            }

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return false;
    }

    /// <summary>Whether the element hides itself (hidden attribute, aria-hidden, inline display:none, a hiding class).</summary>
    public static bool IsHidden(IElement element) => Hides(element, ariaCounts: true);

    /// <summary>
    /// Whether the element is hidden from sight (hidden attribute, inline display:none, a hiding class); unlike
    /// <see cref="IsHidden"/>, text hidden only from screen readers (a date whose accessible label is elsewhere) counts as shown.
    /// </summary>
    public static bool IsVisuallyHidden(IElement element) => Hides(element, ariaCounts: false);

    private static bool Hides(IElement element, bool ariaCounts)
    {
        // One pass over the attributes (they are read for every element of the page).
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            var hides = attribute.Name switch
            {
                "hidden" => true,
                "aria-hidden" => ariaCounts && string.Equals(attribute.Value, "true", StringComparison.OrdinalIgnoreCase),
                "style" => HiddenStyleRegex().IsMatch(attribute.Value),
                "class" => HasHidingClass(attribute.Value),
                _ => false,
            };
            if (hides)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasHidingClass(string classes)
    {
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\r\f"))
        {
            if (HidingClassLookup.Contains(classes.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element's visible text, whitespace-normalised, skipping scripts, styles and hidden elements.</summary>
    public static string VisibleText(IElement element, int maxLength = 100_000)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>(64);
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
        string? cls = null;
        string? id = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            switch (attributes[i]?.Name)
            {
                case "class":
                    cls = attributes[i]!.Value;
                    break;
                case "id":
                    id = attributes[i]!.Value;
                    break;
            }
        }

        if (cls is null && id is null)
        {
            return string.Empty;
        }

        return (cls + " " + id).ToLowerInvariant();
    }

    /// <summary>
    /// What an element's class and id say about it, each pattern run once. The classes of <c>html</c> and <c>body</c>
    /// describe the page (its template, its features: "single-post", "has-sidebar", "renderFragment_mostread"), not a
    /// part of it, and say nothing.
    /// </summary>
    public static HintFlags Hints(IElement element)
    {
        if (element.LocalName is "body" or "html")
        {
            return HintFlags.None;
        }

        var hints = ClassAndId(element);
        if (hints.Length == 0)
        {
            return HintFlags.None;
        }

        var flags = HintFlags.None;
        var content = ContentHintRegex().IsMatch(hints);
        if (content)
        {
            flags |= HintFlags.Content;
        }

        if (BoilerplateRegex().IsMatch(hints))
        {
            flags |= content ? HintFlags.Negative : HintFlags.Negative | HintFlags.Boilerplate;
        }

        if (!content && ModuleRegex().IsMatch(hints))
        {
            flags |= HintFlags.Module;
        }

        return flags;
    }

    /// <summary>Whether the element's class or id names a boilerplate module (share bar, related list, comments, ...).</summary>
    public static bool HasBoilerplateHint(IElement element) => (Hints(element) & HintFlags.Boilerplate) != 0;

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

    /// <summary>
    /// The element itself or its nearest ancestor with one of the tag names: <c>Closest("a, li")</c> for tag-only selectors,
    /// without parsing a selector on every call (AngleSharp parses, and locks its selector cache, each time).
    /// </summary>
    public static IElement? ClosestTag(IElement element, params ReadOnlySpan<string> tags)
    {
        for (IElement? current = element; current is not null; current = current.ParentElement)
        {
            foreach (var tag in tags)
            {
                if (string.Equals(current.LocalName, tag, StringComparison.Ordinal))
                {
                    return current;
                }
            }
        }

        return null;
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

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyleRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|adslot|sponsor(?:ed)?|comments?|disqus|sidebar|breadcrumbs?|cookie|consent|popup|modal|trending|popular|most-?read|also-?read|read-?more|recommend(?:ed|ations)?|outbrain|taboola|byline|author-?bio|tags?|caption|credits?|footer|rodape|navbar|nav|menu|rail|right-rail|toolbar|signup|skip-link|print-only)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:comments?|comment-?list|disqus|related|sidebar|rodape|outbrain|taboola|recommend(?:ed|ations)?|most-?read|trending|popular)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|story-?body|story-?content|post-?content|post-?body|entry-?content|main-?content|body-?text|news-?content|article-cont|content-?body|rich-?text|text-?content)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex ContentHintRegex();
}
