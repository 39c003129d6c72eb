using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// A byline printed as the first line of the text, names only and in bold, as newspapers on blog software print it
/// ("<c>&lt;p&gt;&lt;strong&gt;</c>Jane Doe<c>&lt;/strong&gt;&lt;/p&gt;</c>", "<c>&lt;b&gt;</c>A/B<c>&lt;/b&gt;</c>"
/// above the story). It names the people who wrote the story where the header names none, or only the site's own
/// account (an author link to <c>/author/admin/</c>).
/// </summary>
internal static partial class LeadByline
{
    /// <summary>The lead lines looked at: a byline comes before the story's first paragraph.</summary>
    private const int MaxLeadBlocks = 3;

    /// <summary>A names line is at most this long.</summary>
    public const int MaxLength = 90;

    /// <summary>
    /// The people of a bold names-only line before the story's first full paragraph, or <see langword="null"/>.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Names)? Find(ArticleContent content, string? siteName)
    {
        for (var i = 0; i < Math.Min(MaxLeadBlocks, content.Blocks.Count); i++)
        {
            var block = content.Blocks[i];
            if (block.Text.Length > MaxLength || block.Kind != BlockKind.Paragraph)
            {
                // A full paragraph: the story has begun.
                if (block.Text.Length > MaxLength)
                {
                    return null;
                }

                continue;
            }

            if (block.LinkLength > 0 || HasSentencePunctuation(block.Text) || !IsAllBold(block.Owner))
            {
                continue;
            }

            var names = AuthorsExtractor.SplitNames(block.Text);
            if (names.Count is > 0 and <= 4 && names.All(name => IsPersonName(name, siteName)))
            {
                return (block.Text, names);
            }
        }

        return null;
    }

    /// <summary>Whether a name is a site's account rather than a person: an author link of the page to an admin or desk account.</summary>
    public static bool IsSiteAccount(IDocument document, string name)
    {
        var folded = Text.FoldName(name);
        foreach (var link in document.QuerySelectorAll("a[rel='author'], a[href*='/author/']"))
        {
            if (AccountHrefRegex().IsMatch(link.GetAttribute("href") ?? string.Empty) && Text.FoldName(Dom.VisibleText(link)) == folded)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPersonName(string name, string? siteName)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && AuthorsExtractor.LooksLikeName(name) && !AuthorsExtractor.IsOrganization(name, siteName)
            && words.All(word => char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '-' or '\'' or '\u2019' or '.') && !HeadingWordRegex().IsMatch(word));
    }

    /// <summary>Punctuation of a sentence or a label; a full stop after an initial ("Jane E. Doe") is part of a name.</summary>
    private static bool HasSentencePunctuation(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var initial = i >= 1 && char.IsUpper(text[i - 1]) && (i == 1 || text[i - 2] == ' ');
            if (text[i] is '!' or '?' or ':' or '"' or '\u201C' or '\u201D' || (text[i] == '.' && !initial))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether all of the element's text is inside <c>strong</c> or <c>b</c>.</summary>
    private static bool IsAllBold(IElement element)
    {
        var bold = 0;
        foreach (var strong in element.QuerySelectorAll("strong, b"))
        {
            if (strong.ParentElement?.Closest("strong, b") is null || !element.Contains(strong.ParentElement))
            {
                bold += Text.Normalize(strong.TextContent).Length;
            }
        }

        return bold > 0 && bold >= Text.Normalize(element.TextContent).Length - 1;
    }

    // Words of bold lead lines that are labels, not names: "Key Points", "Editor's Note", "Breaking News", "Live Updates".
    [GeneratedRegex(@"^(?i:the|a|an|of|in|on|for|to|and|key|points?|highlights?|summary|analysis|update[sd]?|breaking|live|exclusive|watch|video|photos?|opinion|editorial|note|read|more|also|related|advertisement|sponsored|comment|review|interview|background|context|editor'?s?|news|story|today|latest|top)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingWordRegex();

    // Author pages that are a site's account, not a person's: "/author/admin/", "/author/redaktion/".
    [GeneratedRegex(@"/author/(?:admin|administrator|webmaster|web-?editor|editor|editors|redaktion|redaccion|redazione|redaction|newsroom|news-?desk|desk|staff|site-?admin|user\d*)/?(?:[?#].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountHrefRegex();
}
