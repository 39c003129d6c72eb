using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Content;

/// <summary>What the class and id of an element say about it.</summary>
[Flags]
internal enum HintFlags : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A boilerplate module that is not also named as content (<see cref="Dom.HasBoilerplateHint"/>).</summary>
    Boilerplate = 1,

    /// <summary>A name that lowers a candidate's score (<see cref="Dom.HasNegativeHint"/>).</summary>
    Negative = 2,

    /// <summary>A name of article content (<see cref="Dom.HasContentHint"/>).</summary>
    Content = 4,

    /// <summary>Comments, related stories or a sidebar (<see cref="Dom.HasModuleHint"/>).</summary>
    Module = 8,
}

/// <summary>The lengths the container search needs for one element, summed over its subtree (scripts and styles left out).</summary>
/// <param name="TextLength">The characters of text, with runs of white space counted once.</param>
/// <param name="LinkLength">The characters of that text inside links.</param>
/// <param name="DirectLength">The text held directly: its own text nodes and inline children (br-separated paragraphs).</param>
/// <param name="Prose">The prose of the subtree: paragraphs of at least 25 characters less their link text, plus the direct
/// text of <c>div</c>s and <c>section</c>s holding at least 80.</param>
/// <param name="Excluded">Whether the element or an ancestor is structurally excluded (navigation, asides, footers, forms, hidden or removed elements).</param>
internal readonly record struct ElementFacts(int TextLength, int LinkLength, int DirectLength, int Prose, bool Excluded);

/// <summary>
/// Facts about every element of a page, computed in one iterative post-order walk, so that scoring candidates costs a
/// lookup instead of a walk of each candidate's subtree; class hints are worked out on first use and kept.
/// </summary>
internal sealed class DomFacts
{
    /// <summary>A paragraph shorter than this is not counted as prose.</summary>
    public const int MinParagraphLength = 25;

    /// <summary>Direct text shorter than this in a div or section is not counted as prose.</summary>
    public const int MinDirectLength = 80;

    private readonly Dictionary<IElement, ElementFacts> facts;
    private readonly Dictionary<IElement, HintFlags> hints = [];

    private DomFacts(Dictionary<IElement, ElementFacts> facts, List<IElement> elements)
    {
        this.facts = facts;
        Elements = elements;
    }

    /// <summary>Gets every element the walk reached, in document order (scripts, styles and other never-text elements left out).</summary>
    public IReadOnlyList<IElement> Elements { get; }

    /// <summary>The facts of an element (empty for an element the walk did not reach, such as a script).</summary>
    public ElementFacts this[IElement element] => facts.TryGetValue(element, out var f) ? f : default;

    /// <summary>What an element's class and id say, worked out once per element.</summary>
    public HintFlags Hints(IElement element)
    {
        if (!hints.TryGetValue(element, out var flags))
        {
            flags = HintsOf(element);
            hints[element] = flags;
        }

        return flags;
    }

    /// <summary>Computes the facts of every element under the document element.</summary>
    /// <param name="document">The page.</param>
    /// <param name="excludes">Whether an element rules out itself and everything inside it.</param>
    /// <param name="cancellationToken">Checked as the walk goes.</param>
    public static DomFacts Compute(IDocument document, Func<IElement, bool> excludes, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<IElement, ElementFacts>();
        var elements = new List<IElement>();
        if (document.DocumentElement is not { } root)
        {
            return new DomFacts(facts, elements);
        }

        // Pre-order on the way down (document order, exclusion inherited), post-order on the way up (sums of the children).
        var excluded = new HashSet<IElement>();
        var stack = new Stack<(IElement Element, bool Exit)>();
        stack.Push((root, false));
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (element, exit) = stack.Pop();
            if (!exit)
            {
                elements.Add(element);
                if ((element.ParentElement is { } parent && excluded.Contains(parent)) || excludes(element))
                {
                    excluded.Add(element);
                }

                stack.Push((element, true));
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child && !Dom.IsNeverText(child))
                    {
                        stack.Push((child, false));
                    }
                }

                continue;
            }

            facts[element] = Finish(element, facts, excluded.Contains(element));
        }

        return new DomFacts(facts, elements);
    }

    private static ElementFacts Finish(IElement element, Dictionary<IElement, ElementFacts> facts, bool isExcluded)
    {
        int text = 0, links = 0, direct = 0, prose = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText node)
            {
                var length = NormalizedLength(node.Data);
                text += length;
                direct += length;
            }
            else if (child is IElement inner && facts.TryGetValue(inner, out var f))
            {
                text += f.TextLength;
                links += f.LinkLength;
                prose += f.Prose;
                if (!Dom.IsBlock(inner))
                {
                    direct += f.TextLength;
                }
            }
        }

        if (element.LocalName == "a")
        {
            links = text;
        }

        if (element.LocalName == "p" && text >= MinParagraphLength)
        {
            prose += Math.Max(0, text - links);
        }
        else if (element.LocalName is "div" or "section" && direct >= MinDirectLength)
        {
            prose += direct;
        }

        return new ElementFacts(text, links, direct, prose, isExcluded);
    }

    private static HintFlags HintsOf(IElement element)
    {
        if (element.GetAttribute("class") is null && element.Id is null)
        {
            return HintFlags.None;
        }

        var hints = HintFlags.None;
        if (Dom.HasBoilerplateHint(element))
        {
            hints |= HintFlags.Boilerplate;
        }

        if (Dom.HasNegativeHint(element))
        {
            hints |= HintFlags.Negative;
        }

        if (Dom.HasContentHint(element))
        {
            hints |= HintFlags.Content;
        }

        if (Dom.HasModuleHint(element))
        {
            hints |= HintFlags.Module;
        }

        return hints;
    }

    /// <summary>The length of text once runs of white space count as one character and the ends are trimmed.</summary>
    private static int NormalizedLength(string data)
    {
        var length = 0;
        var space = true;
        foreach (var c in data)
        {
            if (Text.IsSpace(c))
            {
                if (!space)
                {
                    length++;
                    space = true;
                }
            }
            else
            {
                length++;
                space = false;
            }
        }

        return space && length > 0 ? length - 1 : length;
    }
}
