using System.Runtime.InteropServices;
using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Content;

/// <summary>What the class and id of an element say about it.</summary>
[Flags]
internal enum HintFlags : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A boilerplate module (share bar, related list, comments, ...) that is not also named as content.</summary>
    Boilerplate = 1,

    /// <summary>A boilerplate name, even beside a content name: it lowers a candidate's score.</summary>
    Negative = 2,

    /// <summary>A name of article content (article-body, entry-content, ...).</summary>
    Content = 4,

    /// <summary>Comments, related or recommended stories, a sidebar: never the article, unless also named as content.</summary>
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
            flags = Dom.Hints(element);
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

        // Depth first with an explicit stack of open elements: an element is listed when it opens (document order,
        // exclusion inherited from the open parent), and its sums are added to the parent's when it closes.
        var open = new List<Frame> { new(root, excludes(root)) };
        elements.Add(root);
        var steps = 0;
        while (open.Count > 0)
        {
            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var frames = CollectionsMarshal.AsSpan(open);
            ref var top = ref frames[^1];
            var children = top.Element.ChildNodes;
            if (top.Next < children.Length)
            {
                var child = children[top.Next++];
                if (child is IText node)
                {
                    var length = NormalizedLength(node.Data);
                    top.Text += length;
                    top.Direct += length;
                }
                else if (child is IElement element && !Dom.IsNeverText(element))
                {
                    elements.Add(element);
                    open.Add(new Frame(element, top.Excluded || excludes(element)));
                }

                continue;
            }

            var finished = Finish(top);
            facts[top.Element] = finished;
            var closed = top.Element;
            open.RemoveAt(open.Count - 1);
            if (open.Count > 0)
            {
                ref var parent = ref CollectionsMarshal.AsSpan(open)[^1];
                parent.Text += finished.TextLength;
                parent.Links += finished.LinkLength;
                parent.Prose += finished.Prose;
                if (!Dom.IsBlock(closed))
                {
                    parent.Direct += finished.TextLength;
                }
            }
        }

        return new DomFacts(facts, elements);
    }

    private static ElementFacts Finish(in Frame frame)
    {
        var (text, links, direct, prose) = (frame.Text, frame.Links, frame.Direct, frame.Prose);
        var name = frame.Element.LocalName;
        if (name == "a")
        {
            links = text;
        }

        if (name == "p" && text >= MinParagraphLength)
        {
            prose += Math.Max(0, text - links);
        }
        else if (name is "div" or "section" && direct >= MinDirectLength)
        {
            prose += direct;
        }

        return new ElementFacts(text, links, direct, prose, frame.Excluded);
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

    /// <summary>An element being walked: its next child and the sums of the children closed so far.</summary>
    private struct Frame(IElement element, bool excluded)
    {
        public readonly IElement Element = element;
        public readonly bool Excluded = excluded;
        public int Next;
        public int Text;
        public int Links;
        public int Direct;
        public int Prose;
    }
}
