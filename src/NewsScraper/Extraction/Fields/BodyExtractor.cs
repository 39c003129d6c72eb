using NewsScraper.Extraction.Content;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>The body: the article container's blocks in order, less notes, and less a repeat of the headline or summary at the top.</summary>
internal static class BodyExtractor
{
    public static ArticleBody Extract(ExtractionContext context, ArticleContent content, HashSet<ContentBlock> notes, string? headline, string? summary)
    {
        var paragraphs = new List<string>(content.Blocks.Count);
        var foldedHeadline = headline is null ? null : Text.Fold(headline);
        var foldedSummary = summary is null ? null : Text.Fold(summary);
        foreach (var block in content.Blocks)
        {
            if (notes.Contains(block))
            {
                continue;
            }

            if (paragraphs.Count == 0 && block.Kind != BlockKind.Paragraph)
            {
                var folded = Text.Fold(block.Text);
                if (folded == foldedHeadline || folded == foldedSummary)
                {
                    continue;
                }
            }

            paragraphs.Add(block.Text);
        }

        if (paragraphs.Count > 0)
        {
            context.Record("body", content.Source);
        }
        else
        {
            context.Warn("no article body was found");
        }

        return ArticleBody.FromParagraphs(paragraphs);
    }
}
