using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Sources;

/// <summary>A run of visible text near the headline and the element that holds it.</summary>
/// <param name="Text">The run's text, whitespace-normalised.</param>
/// <param name="Parent">The element the text sits in.</param>
internal readonly record struct HeaderRun(string Text, IElement Parent);

/// <summary>
/// The visible text around the headline, where pages print their byline and dates: a few short runs before the headline
/// element (a kicker, a dateline bar) and the runs after it, up to the first long paragraph (the body has started) or a
/// budget. Navigation, asides, figures, forms and hidden elements are skipped. Walked iteratively, in document order.
/// </summary>
internal sealed class HeaderText
{
    /// <summary>Text after the headline is read up to this many characters.</summary>
    public const int AfterBudget = 1200;

    /// <summary>Text before the headline is read up to this many characters.</summary>
    public const int BeforeBudget = 300;

    /// <summary>A run this long is a standfirst or body text: the header ends at the second one.</summary>
    public const int LongRun = 220;

    /// <summary>A paragraph this long is prose (a standfirst or the body), not a byline.</summary>
    public const int LongParagraph = 120;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "figure", "figcaption", "form", "menu", "dialog",
    };

    private HeaderText(IReadOnlyList<HeaderRun> before, IReadOnlyList<HeaderRun> after)
    {
        Before = before;
        After = after;
    }

    /// <summary>Gets the runs before the headline, nearest first.</summary>
    public IReadOnlyList<HeaderRun> Before { get; }

    /// <summary>Gets the runs after the headline, in page order.</summary>
    public IReadOnlyList<HeaderRun> After { get; }

    /// <summary>Reads the header around a headline element; empty when there is none.</summary>
    public static HeaderText Read(IElement? headline)
    {
        if (headline is null)
        {
            return new HeaderText([], []);
        }

        return new HeaderText(ReadBackward(headline), ReadForward(headline, AfterBudget));
    }

    /// <summary>The visible runs that follow an element (the notes after an article's last paragraph), up to a budget.</summary>
    public static IReadOnlyList<HeaderRun> ReadAfter(IElement element, int budget) => ReadForward(element, budget);

    private static List<HeaderRun> ReadForward(IElement headline, int budget)
    {
        var runs = new List<HeaderRun>(16);
        var total = 0;
        var longRuns = 0;
        var node = NextSkippingChildren(headline);
        while (node is not null && total < budget && runs.Count < 80)
        {
            if (node is IElement element)
            {
                if (IsSkipped(element))
                {
                    node = NextSkippingChildren(element);
                    continue;
                }

                // A paragraph of prose is a standfirst or the body, even when links cut its text into short runs.
                if (element.LocalName is "p" && Text.Normalize(element.TextContent).Length >= LongParagraph)
                {
                    if (++longRuns == 2)
                    {
                        break;
                    }

                    node = NextSkippingChildren(element);
                    continue;
                }
            }
            else if (node is IText text && node.ParentElement is { } parent)
            {
                var value = Text.Normalize(text.Data);
                if (value.Length >= LongRun)
                {
                    // A standfirst may sit between the headline and the byline; the second long run is the body.
                    if (++longRuns == 2)
                    {
                        break;
                    }
                }
                else if (value.Length > 0)
                {
                    runs.Add(new HeaderRun(value, parent));
                    total += value.Length;
                }
            }

            node = node.FirstChild ?? NextSkippingChildren(node);
        }

        return runs;
    }

    private static List<HeaderRun> ReadBackward(IElement headline)
    {
        var runs = new List<HeaderRun>(16);
        var total = 0;
        INode? node = headline;
        while (total < BeforeBudget && runs.Count < 12)
        {
            node = Previous(node);
            if (node is null)
            {
                break;
            }

            if (node is IText text && node.ParentElement is { } parent && Text.Normalize(text.Data) is { Length: > 0 } value
                && !HasSkippedAncestor(parent))
            {
                if (value.Length >= LongRun)
                {
                    break;
                }

                runs.Add(new HeaderRun(value, parent));
                total += value.Length;
            }
        }

        return runs;
    }

    /// <summary>The node before this one in document order, descending into a previous sibling's last leaf.</summary>
    private static INode? Previous(INode node)
    {
        if (node.PreviousSibling is not { } sibling)
        {
            return node.Parent is IElement parent && parent.LocalName is not "body" ? parent : null;
        }

        var current = sibling;
        while (current is IElement element && !IsSkipped(element) && element.LastChild is { } last)
        {
            current = last;
        }

        return current;
    }

    private static INode? NextSkippingChildren(INode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } next)
            {
                return next;
            }
        }

        return null;
    }

    private static bool IsSkipped(IElement element) =>
        Skipped.Contains(element.LocalName) || Dom.IsNeverText(element) || Dom.IsVisuallyHidden(element);

    private static bool HasSkippedAncestor(IElement element)
    {
        for (var current = element; current is not null && current.LocalName is not "body"; current = current.ParentElement)
        {
            if (IsSkipped(current))
            {
                return true;
            }
        }

        return false;
    }
}
