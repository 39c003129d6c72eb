using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Disclaimers: image notices found in captions, and notes among the article's blocks (agency credits, syndication
/// notes, corrections, ...). The blocks taken as notes are handed back so the body leaves them out.
/// </summary>
internal static partial class DisclaimerExtractor
{
    /// <summary>Notes are looked for in this many blocks at the start and at the end of the article.</summary>
    private const int EdgeBlocks = 4;

    /// <summary>Text after the article container is read for notes up to this many characters.</summary>
    private const int AfterBodyBudget = 2000;

    public static (IReadOnlyList<Disclaimer> Disclaimers, HashSet<ContentBlock> NoteBlocks) Extract(
        ExtractionContext context, ArticleContent content, IReadOnlyList<ArticleImage> images)
    {
        var disclaimers = new List<Disclaimer>();
        var notes = new HashSet<ContentBlock>();
        var sources = new List<string>();

        foreach (var image in images)
        {
            if (image.Caption is { } caption && DisclaimerClassifier.Classify(caption) == DisclaimerKind.ImageNotice)
            {
                Add(new Disclaimer(DisclaimerKind.ImageNotice, caption), "image-caption");
            }
        }

        var blocks = content.Blocks;
        var classified = new HashSet<IElement>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var atEdge = i < EdgeBlocks || i >= blocks.Count - EdgeBlocks;
            if (!atEdge && block.Text.Length > 300)
            {
                continue;
            }

            classified.Add(block.Owner);

            if (DisclaimerClassifier.Classify(block.Text) is { } kind)
            {
                notes.Add(block);
                Add(new Disclaimer(kind, block.Text), "text-pattern:body-block");
            }
        }

        // Notes printed outside the article container: under the headline and byline (affiliate and opinion notes), and
        // just after the last paragraph (credits, syndication lines).
        var header = context.Header;
        var after = content.Container is { } container ? HeaderText.ReadAfter(container, AfterBodyBudget) : [];
        var read = new HashSet<IElement>();
        foreach (var (runs, source) in new[] { (header.After, "text-pattern:header"), (after, "text-pattern:after-body") })
        {
            foreach (var run in runs)
            {
                if ((content.Container is { } inside && inside.Contains(run.Parent)) || !read.Add(Dom.BlockAncestor(run.Parent)))
                {
                    continue;
                }

                var text = NoteText(run.Parent);
                if (DisclaimerClassifier.Classify(text) is { } kind)
                {
                    Add(new Disclaimer(kind, text), source);
                }
            }
        }

        // A note printed as a whole paragraph just after the article container (the header reading above stops at long
        // paragraphs): the next few elements with text after the container and after its parent.
        if (content.Container is { } last && content.Source != "dom-body")
        {
            var level = 0;
            for (var owner = last; owner is not null && owner.LocalName is not ("body" or "html") && level < 2; owner = owner.ParentElement, level++)
            {
                var seen = 0;
                for (var sibling = owner.NextElementSibling; sibling is not null && seen < 3; sibling = sibling.NextElementSibling)
                {
                    var length = context.Facts[sibling].TextLength;
                    if (length == 0)
                    {
                        continue;
                    }

                    seen++;
                    if (length is >= 20 and <= DisclaimerClassifier.MaxLength && !HasBlockChild(sibling) && read.Add(sibling))
                    {
                        AddIfNote(sibling, "text-pattern:after-body");
                    }
                }
            }
        }

        // Notes inside the article container that its blocks left out: a footer or aside of the article, an italic or small
        // line, a line dropped as link-heavy ("Originally published by X. Read the original article."). Elements whose
        // block the loop above has read are not read again.
        if (content.Container is { } article && content.Source != "dom-body")
        {
            foreach (var element in article.QuerySelectorAll("p, em, i, small, aside, footer, div, span"))
            {
                if (classified.Contains(element) || context.Facts[element].TextLength is < 20 or > DisclaimerClassifier.MaxLength || HasBlockChild(element)
                    || (element.LocalName is "em" or "i" or "small" or "span" && element.ParentElement is { } parent && context.Facts[parent].TextLength <= DisclaimerClassifier.MaxLength && !HasBlockChild(parent)))
                {
                    continue;
                }

                AddIfNote(element, "text-pattern:article-note");
            }
        }

        // Notes the page marks up as such (an affiliate disclosure bar above the headline, a disclaimer box), wherever they
        // sit outside the site footer.
        foreach (var element in context.Facts.Elements)
        {
            if (element.LocalName is "p" or "div" or "aside" or "section" or "span" or "em" or "small"
                && context.Facts[element].TextLength is >= 20 and <= DisclaimerClassifier.MaxLength
                && Dom.ClassAndId(element) is { Length: > 0 } hints
                && NoteHintRegex().IsMatch(hints) && Dom.ClosestTag(element, "footer") is null)
            {
                AddIfNote(element, "text-pattern:marked-note");
            }
        }

        if (sources.Count > 0)
        {
            context.Record("disclaimers", string.Join(", ", sources.Distinct()));
        }

        return (disclaimers, notes);

        // An element's visible text, read once, recorded when the classifier names it a note.
        void AddIfNote(IElement element, string source)
        {
            var text = Dom.VisibleText(element, DisclaimerClassifier.MaxLength + 100);
            if (DisclaimerClassifier.Classify(text) is { } kind)
            {
                Add(new Disclaimer(kind, text), source);
            }
        }

        void Add(Disclaimer disclaimer, string source)
        {
            var folded = Text.Fold(disclaimer.Text);
            if (disclaimers.Exists(d => Text.Fold(d.Text) == folded))
            {
                return;
            }

            // A note found twice (once as a block, once as the element around it) is kept once, in its shorter form.
            var index = disclaimers.FindIndex(d => Text.Fold(d.Text).Contains(folded, StringComparison.Ordinal) || folded.Contains(Text.Fold(d.Text), StringComparison.Ordinal));
            if (index >= 0)
            {
                if (disclaimer.Text.Length < disclaimers[index].Text.Length)
                {
                    disclaimers[index] = disclaimer;
                }

                return;
            }

            disclaimers.Add(disclaimer);
            sources.Add(source);
        }
    }

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (Dom.IsBlock(child) && child.LocalName != "br")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of the smallest block that holds a run: its nearest block ancestor, or the run's element when that block is prose-long.</summary>
    private static string NoteText(IElement element)
    {
        var text = Dom.VisibleText(Dom.BlockAncestor(element), DisclaimerClassifier.MaxLength + 100);
        return text.Length <= DisclaimerClassifier.MaxLength ? text : Dom.VisibleText(element, DisclaimerClassifier.MaxLength + 100);
    }

    [GeneratedRegex(@"disclaim|disclosure|affiliate|commission|editor-?s?-?note|correction|credits?\b|tagline", RegexOptions.CultureInvariant)]
    private static partial Regex NoteHintRegex();
}
