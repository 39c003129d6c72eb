using System.Text;
using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// Walks a container in page order and cuts its visible text into blocks at block-element boundaries, skipping what
/// the caller excludes. Iterative: deep markup cannot overflow the stack.
/// </summary>
internal static class BlockCollector
{
    /// <summary>The most blocks taken from one container.</summary>
    public const int MaxBlocks = 5_000;

    public static List<ContentBlock> Collect(IElement root, Func<IElement, bool> exclude, CancellationToken cancellationToken = default)
    {
        var steps = 0;
        var blocks = new List<ContentBlock>();
        var buffer = new StringBuilder();
        var linkLength = 0;
        var linkDepth = 0;
        var owners = new Stack<IElement>();

        // Work items: a node to enter, or an element to leave (Exit = true).
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0 && blocks.Count < MaxBlocks)
        {
            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                var before = buffer.Length;
                buffer.Append(text.Data);
                if (linkDepth > 0)
                {
                    linkLength += buffer.Length - before;
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var block = Dom.IsBlock(element) || element == root;
            if (exit)
            {
                if (element.LocalName == "a")
                {
                    linkDepth--;
                }

                if (block)
                {
                    Flush();
                    owners.Pop();
                }

                continue;
            }

            if (element != root && (Dom.IsNeverText(element) || exclude(element)))
            {
                continue;
            }

            if (element.LocalName == "br")
            {
                Flush();
                continue;
            }

            if (element.LocalName is "td" or "th")
            {
                buffer.Append(' ');
            }

            if (element.LocalName == "a")
            {
                linkDepth++;
            }

            if (block)
            {
                Flush();
                owners.Push(element);
            }

            stack.Push((element, true));

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (buffer.Length == 0)
            {
                return;
            }

            var value = Text.Normalize(buffer);
            var links = Math.Min(linkLength, value.Length);
            buffer.Clear();
            linkLength = 0;
            if (value.Length == 0)
            {
                return;
            }

            var owner = owners.Count > 0 ? owners.Peek() : root;
            blocks.Add(new ContentBlock(owner, value, KindOf(owner), links));
        }
    }

    private static BlockKind KindOf(IElement owner)
    {
        switch (owner.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                return BlockKind.Heading;
            case "li" or "dt" or "dd":
                return BlockKind.ListItem;
            case "pre":
                return BlockKind.Preformatted;
            case "tr":
                return BlockKind.TableRow;
            case "blockquote":
                return BlockKind.Quote;
        }

        return Dom.ClosestTag(owner, "blockquote") is not null ? BlockKind.Quote : BlockKind.Paragraph;
    }
}
