using NewsScraper.Extraction.Content;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Disclaimers: image notices found in captions, and notes among the article's blocks (agency credits, syndication
/// notes, corrections, ...). The blocks taken as notes are handed back so the body leaves them out.
/// </summary>
internal static class DisclaimerExtractor
{
    /// <summary>Notes are looked for in this many blocks at the start and at the end of the article.</summary>
    private const int EdgeBlocks = 4;

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
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var atEdge = i < EdgeBlocks || i >= blocks.Count - EdgeBlocks;
            if (!atEdge && block.Text.Length > 300)
            {
                continue;
            }

            if (DisclaimerClassifier.Classify(block.Text) is { } kind)
            {
                notes.Add(block);
                Add(new Disclaimer(kind, block.Text), "text-pattern:body-block");
            }
        }

        if (sources.Count > 0)
        {
            context.Record("disclaimers", string.Join(", ", sources.Distinct()));
        }

        return (disclaimers, notes);

        void Add(Disclaimer disclaimer, string source)
        {
            var folded = Text.Fold(disclaimer.Text);
            if (disclaimers.Exists(d => Text.Fold(d.Text) == folded))
            {
                return;
            }

            disclaimers.Add(disclaimer);
            sources.Add(source);
        }
    }
}
