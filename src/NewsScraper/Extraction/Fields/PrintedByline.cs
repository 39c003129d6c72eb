using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// The byline a page prints for the reader next to its headline: a "By ..." line (the names may be links in separate
/// elements: "By <c>&lt;a&gt;</c>A<c>&lt;/a&gt;</c> and <c>&lt;a&gt;</c>B<c>&lt;/a&gt;</c>"), or else the author links
/// of the header (<c>rel=author</c>, links to author pages, elements whose class names the author). The text stops at the
/// first date. Reads <see cref="ExtractionContext.Header"/>, nearest runs first.
/// </summary>
internal static partial class PrintedByline
{
    /// <summary>The printed byline text (without "By"), or <see langword="null"/> when the header prints none.</summary>
    public static string? Find(ExtractionContext context)
    {
        var header = context.Header;
        return FromByLine(header.After) ?? FromAuthorLinks(header.After) ?? FromByLine([.. header.Before.Reverse()]);
    }

    private static string? FromByLine(IReadOnlyList<HeaderRun> runs)
    {
        // Each "By" line of the header counts (co-authors may get a line each).
        var lines = new List<string>();
        for (var i = 0; i < runs.Count && lines.Count < 4; i++)
        {
            var match = ByRegex().Match(runs[i].Text);
            if (!match.Success)
            {
                continue;
            }

            // The byline's block: the names that follow "By" sit inside it, as links or spans. When they are links to
            // people, the links are the names (the rest of the block is roles, buttons and dates).
            var block = Dom.BlockAncestor(runs[i].Parent);
            var text = new StringBuilder(runs[i].Text[match.Length..]);
            var links = new List<string>();
            for (var j = i + 1; j < runs.Count && text.Length < 200 && !HasDate(text.ToString()); j++)
            {
                if (!block.Contains(runs[j].Parent))
                {
                    break;
                }

                text.Append(' ').Append(runs[j].Text);
                if (Dom.ClosestTag(runs[j].Parent, "a") is { } link && !SocialHrefRegex().IsMatch(link.Attr("href") ?? string.Empty)
                    && CutAtDate(runs[j].Text) is { Length: > 1 } linked)
                {
                    links.Add(linked);
                }
            }

            var full = CutAtDate(Text.Normalize(text.ToString()));
            var value = links.Count > 0 && Text.NullIfEmpty(CutAtDate(runs[i].Text[match.Length..])) is null && !NamesOnly(full, links)
                ? string.Join(", ", links)
                : full;
            if (value.Length > 1 && !lines.Contains(value))
            {
                lines.Add(value);
            }
        }

        return lines.Count > 0 ? string.Join(", ", lines) : null;
    }

    /// <summary>
    /// Whether the byline's whole text is names only, the linked ones among them ("Von A, B, C und D" where only A and B
    /// link to author pages): then every name counts, not only the linked ones.
    /// </summary>
    private static bool NamesOnly(string text, List<string> links)
    {
        var names = AuthorsExtractor.SplitNames(text);
        return names.Count > links.Count && names.Count <= 8 && names.All(name => AuthorsExtractor.LooksLikeName(name) && !AuthorsExtractor.IsOrganization(name, null))
            && links.TrueForAll(link => names.Any(name => Text.FoldName(name) == Text.FoldName(link)));
    }

    private static string? FromAuthorLinks(IReadOnlyList<HeaderRun> runs)
    {
        var names = new List<string>();
        foreach (var run in runs)
        {
            if (run.Text.Length > 60 || AuthorElement(run.Parent) is not { } owner)
            {
                continue;
            }

            // A name printed in parts ("<span>Ingrid</span> <span>Treborg</span>" inside one author link) is one name.
            var name = CutAtDate(owner.LocalName is "a" && Dom.VisibleText(owner) is { Length: > 0 and <= 60 } whole
                && whole.IndexOf(run.Text, StringComparison.Ordinal) == whole.LastIndexOf(run.Text, StringComparison.Ordinal) ? whole : run.Text);
            if (name.Length > 1 && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }

            if (names.Count >= 6)
            {
                break;
            }
        }

        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    private static IElement? AuthorElement(IElement element)
    {
        var depth = 0;
        for (var current = element; current is not null && depth < 4; current = current.ParentElement, depth++)
        {
            if (current.LocalName is "a")
            {
                var href = current.Attr("href") ?? string.Empty;
                if (string.Equals(current.Attr("rel"), "author", StringComparison.OrdinalIgnoreCase) || AuthorHrefRegex().IsMatch(href))
                {
                    return current;
                }
            }

            if (current.Attr("itemprop") is "author" or "name" && current.Closest("[itemprop='author']") is not null)
            {
                return current;
            }

            var hints = Dom.ClassAndId(current);
            if (hints.Length > 0 && AuthorClassRegex().IsMatch(hints))
            {
                return current;
            }
        }

        return null;
    }

    private static bool HasDate(string text) => DateCutRegex().IsMatch(text);

    private static string CutAtDate(string text)
    {
        var match = DateCutRegex().Match(text);
        var kept = (match.Success ? text[..match.Index] : text).Trim().TrimEnd('|', ',', '-', '\u2013', '\u2014', '\u2022', '\u00B7').Trim();
        return TrailingWordRegex().Replace(kept, string.Empty);
    }

    // "By", "Von", "Par", ...; and the author labels of European pages, with a colon or as a label of their own
    // ("Autor: ...", "Texto: ...", "<strong>Autorin/Autor</strong> ...").
    [GeneratedRegex(@"^(?:(?:(?:written|words|reported|posted|story)\s+)?(?:by|von|par|por|di|door|av|af|przez)\b\s*:?\s*|(?:autor(?:in)?(?:/autor(?:in)?)?|autorzy|autores|authors?|auteurs?|autore|autori|auteur\(?e?\)?|forfatter|författare|skribent|text|texto|tekst)(?:\s*:\s*|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByRegex();

    // Where a byline's names end: a date, a time, "Updated"/"Published", a reading time.
    [GeneratedRegex(@"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[:/.]\d{1,2}|\b(?:updated|published|posted|last\s+updated|modified|\d+\s+min(?:ute)?s?\s+read|read\s+time|aktualisiert|veröffentlicht|stand|publié|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|publisert|oppdatert|publicerad|uppdaterad|opublikowano|zaktualizowano|güncellenme|yayınlanma)\b|,\s*in\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateCutRegex();

    [GeneratedRegex(@"\s+(?:on|at|in|for|\||-)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingWordRegex();

    [GeneratedRegex(@"twitter\.com|//x\.com|facebook\.com|instagram\.com|linkedin\.com|threads\.net|bsky\.app|mailto:|/newsletters?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialHrefRegex();

    [GeneratedRegex(@"/(?:author|authors|people|person|staff|profile|profiles|writers?|journalists?|contributors?|reporters?|columnists?|by)/|[?&]author=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorHrefRegex();

    [GeneratedRegex(@"(?:^|[\s_-])(?:author|authors|author-?name|byline|byline-?name|byline__name|contributor|writer)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClassRegex();
}
