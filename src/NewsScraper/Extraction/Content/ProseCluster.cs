using AngleSharp.Dom;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// The last fallback of the container search, for pages where no container holds the story (table layouts, text run
/// together with <c>br</c>, <c>font</c> and <c>span</c> runs, class names no list knows, a wrapper named like a module):
/// the page's visible blocks in order, and the run of adjacent blocks with the most prose, where prose counts for a run
/// and link lists, short labels and other furniture between paragraphs count against it (the best-sum run, as
/// trafilatura's and jusText's fallbacks look for the densest stretch of text).
/// </summary>
internal static class ProseCluster
{
    /// <summary>A block shorter than this is not prose, unless it ends a sentence.</summary>
    private const int MinProseLength = 60;

    /// <summary>A share of the page's text above which a class-named "module" is a wrapper of the page, not a module.</summary>
    private const double WrapperShare = 0.4;

    public static ArticleContent? Find(ExtractionContext context)
    {
        if (context.Document.Body is not { } body)
        {
            return null;
        }

        // Only tags rule elements out here; a class name rules out an element only when it is small beside the page
        // ("has-sidebar" on the page's wrapper is not a sidebar).
        var pageText = Math.Max(1, context.Facts[body].TextLength);
        var blocks = BlockCollector.Collect(
            body,
            element => context.IsStructurallyExcluded(element)
                || ((context.Facts.Hints(element) & (HintFlags.Boilerplate | HintFlags.Module)) != 0 && context.Facts[element].TextLength < pageText * WrapperShare),
            context.CancellationToken);
        if (blocks.Count == 0)
        {
            return null;
        }

        // Kadane's best-sum run over the blocks' values.
        double best = 0, running = 0;
        int bestStart = -1, bestEnd = -1, start = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (running <= 0)
            {
                running = 0;
                start = i;
            }

            running += Value(blocks[i]);
            if (running > best)
            {
                (best, bestStart, bestEnd) = (running, start, i);
            }
        }

        if (bestStart < 0)
        {
            return null;
        }

        var run = blocks.GetRange(bestStart, bestEnd - bestStart + 1);
        run.RemoveAll(b => b.LinkDensity > 0.5);
        if (run.Count == 0)
        {
            return null;
        }

        return new ArticleContent(CommonAncestor(run), run, "dom-prose-cluster");
    }

    /// <summary>What a block adds to a run: its length when it is prose, a cost when it is furniture.</summary>
    private static double Value(ContentBlock block)
    {
        var text = block.Text;
        if (block.LinkDensity > 0.35)
        {
            return -Math.Max(30, text.Length);
        }

        if (block.Kind is BlockKind.Paragraph or BlockKind.Quote or BlockKind.ListItem or BlockKind.Preformatted
            && (text.Length >= MinProseLength || (text.Length >= 25 && EndsSentence(text))))
        {
            return text.Length * (1 - (2 * block.LinkDensity));
        }

        // A subheading, a caption or a date line: a small cost, so one does not split a story but a run of them ends it.
        return -Math.Min(25, 5 + (text.Length / 4));
    }

    private static bool EndsSentence(string text) => text[^1] is '.' or '!' or '?' or '"' or '\u201D' or '\u3002' or '\uFF01' or '\uFF1F' or ':';

    private static IElement CommonAncestor(List<ContentBlock> blocks)
    {
        var container = blocks[0].Owner;
        foreach (var block in blocks)
        {
            while (!container.Contains(block.Owner) && container.ParentElement is { } parent)
            {
                container = parent;
            }
        }

        return container;
    }
}
