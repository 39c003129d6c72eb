using AngleSharp.Dom;

namespace NewsScraper.Extraction.Content;

/// <summary>The kind of a text block of the article.</summary>
internal enum BlockKind
{
    /// <summary>A paragraph.</summary>
    Paragraph,

    /// <summary>A subheading.</summary>
    Heading,

    /// <summary>A list item.</summary>
    ListItem,

    /// <summary>A block quote.</summary>
    Quote,

    /// <summary>Preformatted text.</summary>
    Preformatted,

    /// <summary>A table row.</summary>
    TableRow,
}

/// <summary>One block of text in the article container, with the element that holds it.</summary>
/// <param name="Owner">The nearest block element holding the text.</param>
/// <param name="Text">The block's whitespace-normalised text.</param>
/// <param name="Kind">The kind of block.</param>
/// <param name="LinkLength">How many of its characters are link text.</param>
internal sealed record ContentBlock(IElement Owner, string Text, BlockKind Kind, int LinkLength)
{
    /// <summary>Gets the share of the text that is link text.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkLength / Text.Length;
}

/// <summary>The article container found on a page and its text blocks in order.</summary>
/// <param name="Container">The element chosen as the article container, or <see langword="null"/>.</param>
/// <param name="Blocks">The text blocks, in page order.</param>
/// <param name="Source">How the container was found (for provenance).</param>
internal sealed record ArticleContent(IElement? Container, IReadOnlyList<ContentBlock> Blocks, string Source)
{
    /// <summary>Gets an empty result.</summary>
    public static ArticleContent None { get; } = new(null, [], "none");
}
