using AngleSharp.Dom;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Content;

/// <summary>
/// Finds the article container and cuts it into text blocks. Sources, in order: the site profile's body selector;
/// structural containers (<c>itemprop=articleBody</c>, common article classes, <c>article</c>, <c>main</c>); and a
/// Readability-style score from paragraph text, commas, link density and class hints. A structural container that
/// holds much less text than the scored one gets a second opinion and loses to it. When all of these give less than a
/// short story's prose, the densest run of prose blocks on the page (<see cref="ProseCluster"/>) is taken if it holds more.
/// </summary>
internal static class ContentLocator
{
    private const int MinParagraphLength = 25;

    /// <summary>Less prose than this (about two sentences) sends the search on to the prose-cluster fallback.</summary>
    private const int MinBodyLength = 250;

    public static ArticleContent Locate(ExtractionContext context)
    {
        var profileContainer = context.SelectFirst(context.Profile.BodySelector);
        if (profileContainer is not null)
        {
            var blocks = Collect(context, profileContainer, null);
            if (blocks.Count > 0)
            {
                return new ArticleContent(profileContainer, blocks, $"selector:{context.Profile.BodySelector}");
            }
        }

        var found = LocateGeneric(context);
        var foundLength = found.Source is "dom-body" or "none" ? 0 : BodyLength(found.Blocks);
        if (foundLength >= MinBodyLength)
        {
            return found;
        }

        // Nothing, or a teaser: the page's densest run of prose, when it holds clearly more. A JSON-LD articleBody comes
        // first (the body stage takes it over a teaser), so the cluster is the last resort.
        if (!HasStructuredBody(context) && ProseCluster.Find(context) is { } cluster && BodyLength(cluster.Blocks) is var clusterLength
            && clusterLength >= MinParagraphLength && clusterLength > 2 * foundLength)
        {
            return cluster;
        }

        return found;
    }

    private static bool HasStructuredBody(ExtractionContext context) =>
        Sources.JsonLdData.GetRawString(context.JsonLd.Article, "articleBody") is { Length: >= MinBodyLength };

    private static ArticleContent LocateGeneric(ExtractionContext context)
    {
        var structural = FindStructural(context);
        var (scored, keep) = FindByScore(context);

        if (structural is not null)
        {
            var structuralBlocks = structural.Value.Parts.Count == 1
                ? Collect(context, structural.Value.Element, null)
                : [.. structural.Value.Parts.SelectMany(part => Collect(context, part, null))];
            var structuralLength = BodyLength(structuralBlocks);
            if (scored is null)
            {
                return new ArticleContent(structural.Value.Element, structuralBlocks, $"selector:{structural.Value.Selector}");
            }

            // Second opinion: a structural container is trusted unless it holds far less text than the scored one
            // (a teaser, a summary box, a header that only holds the date), or it holds the headline and the scored one
            // is a separate module. The scored container's blocks are only collected when the answer needs them.
            var holdsHeadline = context.HeadlineElement is { } headline && structural.Value.Element.Contains(headline)
                && !scored.Contains(structural.Value.Element) && !structural.Value.Element.Contains(scored);
            if ((holdsHeadline && structuralLength >= 200) || (scored == structural.Value.Element && keep is null && structural.Value.Parts.Count == 1))
            {
                return new ArticleContent(structural.Value.Element, structuralBlocks, $"selector:{structural.Value.Selector}");
            }

            var scoredBlocks = Collect(context, scored, keep);
            var scoredLength = BodyLength(scoredBlocks);
            if (structuralLength >= scoredLength * 0.6)
            {
                return new ArticleContent(structural.Value.Element, structuralBlocks, $"selector:{structural.Value.Selector}");
            }

            return new ArticleContent(scored, scoredBlocks, "dom-score");
        }

        if (scored is not null)
        {
            return new ArticleContent(scored, Collect(context, scored, keep), "dom-score");
        }

        var body = context.Document.Body;
        return body is null ? ArticleContent.None : new ArticleContent(body, Collect(context, body, null), "dom-body");
    }

    /// <summary>Whether an element is never part of the article text (generic rules plus the profile's removals).</summary>
    public static bool IsExcluded(ExtractionContext context, IElement element) =>
        context.IsStructurallyExcluded(element) || (context.Facts.Hints(element) & HintFlags.Boilerplate) != 0;

    private static List<ContentBlock> Collect(ExtractionContext context, IElement container, HashSet<IElement>? keepChildren)
    {
        var blocks = BlockCollector.Collect(
            container,
            element => IsExcluded(context, element)
                || (keepChildren is not null && element.ParentElement == container && !keepChildren.Contains(element)),
            context.CancellationToken);
        blocks.RemoveAll(IsNoise);
        return blocks;
    }

    private static bool IsNoise(ContentBlock block)
    {
        // Link lists and link-only lines ("Read more: ...", related links) are not body.
        if (block.LinkDensity > 0.5 && (block.Kind == BlockKind.ListItem || block.Text.Length < 160))
        {
            return true;
        }

        return block.LinkDensity > 0.8;
    }

    private static int BodyLength(IReadOnlyList<ContentBlock> blocks)
    {
        var total = 0;
        foreach (var block in blocks)
        {
            if (block.Kind is BlockKind.Paragraph or BlockKind.Quote && block.Text.Length >= MinParagraphLength)
            {
                total += block.Text.Length;
            }
        }

        return total;
    }

    /// <summary>
    /// The first structural selector with a match holding enough prose: the match with the most (or the one holding the
    /// headline), plus, for body selectors (not <c>article</c> or <c>main</c>, which may be other stories), the other
    /// matches that share a container with it below the page's body (a body split into chunks around ads and embeds).
    /// </summary>
    private static (IElement Element, IReadOnlyList<IElement> Parts, string Selector)? FindStructural(ExtractionContext context)
    {
        var matches = StructuralMatcher.MatchAll(context.Facts.Elements);
        for (var group = 0; group < Selectors.BodyContainers.Length; group++)
        {
            var selector = Selectors.BodyContainers[group];
            IElement? best = null;
            var bestLength = 0;
            IElement? withHeadline = null;
            var withHeadlineLength = 0;
            foreach (var element in matches[group])
            {
                var length = context.Facts[element].Prose;
                var holdsHeadline = withHeadline is null && context.HeadlineElement is { } headline && element.Contains(headline);
                if ((length <= bestLength && !holdsHeadline) || IsHiddenCopy(element))
                {
                    continue;
                }

                if (length > bestLength)
                {
                    best = element;
                    bestLength = length;
                }

                if (holdsHeadline)
                {
                    withHeadline = element;
                    withHeadlineLength = length;
                }
            }

            // Of several matches (an article and the related-posts article after it), the one that holds the headline is
            // the story, unless it is only a header.
            if (withHeadline is not null && withHeadline != best && withHeadlineLength >= 200 && withHeadlineLength >= bestLength * 0.2)
            {
                (best, bestLength) = (withHeadline, withHeadlineLength);
            }

            if (best is not null && bestLength >= 200)
            {
                return selector is "article" or "main, [role='main']" ? (best, [best], selector) : WithChunks(context, selector, matches[group], best);
            }
        }

        return null;
    }

    /// <summary>A hidden copy (a display:none schema.org block) is not the article shown to readers.</summary>
    private static bool IsHiddenCopy(IElement element) => Dom.IsHidden(element) || Dom.AnyAncestor(element, Dom.IsVisuallyHidden);

    private static (IElement Element, IReadOnlyList<IElement> Parts, string Selector) WithChunks(
        ExtractionContext context, string selector, List<IElement> matches, IElement best)
    {
        var parts = new List<IElement>();
        foreach (var element in matches)
        {
            if (element == best)
            {
                parts.Add(element);
                continue;
            }

            if (context.Facts[element].Prose < 150 || element.Contains(best) || best.Contains(element) || parts.Exists(p => p.Contains(element))
                || IsHiddenCopy(element) || Dom.AnyAncestor(element, e => (context.Facts.Hints(e) & HintFlags.Module) != 0))
            {
                continue;
            }

            parts.Add(element);
        }

        if (parts.Count == 1)
        {
            return (best, parts, selector);
        }

        // The chunks' common container; chunks that only meet at the page's body are other modules.
        var container = parts[0];
        foreach (var part in parts)
        {
            while (!container.Contains(part) && container.ParentElement is { } parent)
            {
                container = parent;
            }
        }

        if (container.LocalName is "body" or "html")
        {
            return (best, [best], selector);
        }

        return (container, parts, selector);
    }

    private static (IElement? Container, HashSet<IElement>? Keep) FindByScore(ExtractionContext context)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var (paragraph, length, commas) in ScoredParagraphs(context))
        {
            if (IsExcluded(context, paragraph) || InsideModule(context, paragraph))
            {
                continue;
            }

            var score = 1 + commas + Math.Min(length / 100.0, 3);

            // A container that holds its text directly (paragraphs split by br) is itself the candidate.
            var ancestor = paragraph.LocalName is "div" or "section" ? paragraph : paragraph.ParentElement;
            for (var level = 0; level < 3 && ancestor is not null; level++, ancestor = ancestor.ParentElement)
            {
                if (ancestor.LocalName is "body" or "html")
                {
                    break;
                }

                scores[ancestor] = scores.GetValueOrDefault(ancestor) + (score / (level == 0 ? 1 : level * 2));
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        var finals = new Dictionary<IElement, double>(scores.Count);
        foreach (var (element, raw) in scores)
        {
            var score = raw + ClassWeight(context, element);
            var facts = context.Facts[element];
            var density = facts.TextLength == 0 ? 0 : (double)facts.LinkLength / facts.TextLength;
            score *= 1 - Math.Min(density, 1);
            finals[element] = score;
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }

        if (best is null)
        {
            return (null, null);
        }

        // Siblings that score well or hold plain paragraphs belong to the article too (split bodies, ad breaks).
        var parent = best.ParentElement;
        if (parent is null || parent.LocalName is "body" or "html")
        {
            return (best, null);
        }

        var keep = new HashSet<IElement> { best };
        var threshold = Math.Max(10, bestScore * 0.2);
        foreach (var sibling in parent.Children)
        {
            if (sibling == best || IsExcluded(context, sibling))
            {
                continue;
            }

            if (finals.TryGetValue(sibling, out var s) && s >= threshold)
            {
                keep.Add(sibling);
            }
            else if (sibling.LocalName == "p")
            {
                var facts = context.Facts[sibling];
                var density = facts.TextLength == 0 ? 1 : (double)facts.LinkLength / facts.TextLength;
                if ((facts.TextLength > 80 && density < 0.25)
                    || (facts.TextLength is > 0 and <= 80 && density == 0 && Text.Normalize(sibling.TextContent).EndsWith('.')))
                {
                    keep.Add(sibling);
                }
            }
        }

        return keep.Count == 1 ? (best, null) : (parent, keep);
    }

    /// <summary>
    /// Paragraph-like elements: <c>p</c>, <c>pre</c>, <c>td</c>, <c>blockquote</c>, and <c>div</c>s and <c>section</c>s that hold text directly
    /// (pages that separate paragraphs with <c>br</c> rather than <c>p</c>).
    /// </summary>
    private static IEnumerable<(IElement Element, int Length, int Commas)> ScoredParagraphs(ExtractionContext context)
    {
        // Lengths come from the facts walk; only the paragraphs worth scoring have their text read (for the commas).
        var seen = 0;
        foreach (var element in context.Facts.Elements)
        {
            if ((++seen & 255) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            var facts = context.Facts[element];
            if (facts.Excluded)
            {
                continue;
            }

            if (element.LocalName is "p" or "pre" or "td" or "blockquote")
            {
                if (facts.TextLength >= MinParagraphLength)
                {
                    yield return (element, facts.TextLength, CommasIn(element));
                }
            }
            else if (element.LocalName is "div" or "section" && facts.DirectLength >= DomFacts.MinDirectLength
                && DirectText(element) is { Length: >= DomFacts.MinDirectLength } direct)
            {
                yield return (element, direct.Length, Commas(direct));
            }
        }
    }

    private static int Commas(ReadOnlySpan<char> text) => text.Count(',') + text.Count('\uFF0C') + text.Count('\u3001');

    /// <summary>The commas of an element's text (as in its TextContent), counted in its text nodes without joining them.</summary>
    private static int CommasIn(IElement element)
    {
        var count = 0;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                count += Commas(text.Data);
                continue;
            }

            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                stack.Push(children[i]);
            }
        }

        return count;
    }

    private static string DirectText(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data);
            }
            else if (child is IElement inline && !Dom.IsBlock(inline) && !Dom.IsNeverText(inline))
            {
                builder.Append(inline.TextContent);
            }
        }

        return Text.Normalize(builder.ToString());
    }

    /// <summary>
    /// Whether a paragraph sits in a comments, related-stories or sidebar module: a near ancestor (four levels, below
    /// <c>article</c>, <c>main</c> and <c>body</c>) whose class or id names one. Only these strong names veto; looser hints
    /// only lower a candidate's score.
    /// </summary>
    private static bool InsideModule(ExtractionContext context, IElement paragraph)
    {
        var depth = 0;
        for (var current = paragraph.ParentElement; current is not null && depth < 4; current = current.ParentElement, depth++)
        {
            if (current.LocalName is "article" or "main" or "body" or "html")
            {
                return false;
            }

            if ((context.Facts.Hints(current) & HintFlags.Module) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static double ClassWeight(ExtractionContext context, IElement element)
    {
        var weight = 0.0;
        var hints = context.Facts.Hints(element);
        if ((hints & HintFlags.Content) != 0)
        {
            weight += 25;
        }
        else if ((hints & HintFlags.Negative) != 0)
        {
            weight -= 25;
        }

        weight += element.LocalName switch
        {
            "article" => 10,
            "div" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "form" or "li" => -3,
            _ => 0,
        };
        return weight;
    }
}
