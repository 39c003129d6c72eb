using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// The body: the article container's blocks in order, less notes, a repeat of the headline or summary at the top, lines
/// that are only page furniture (a date line, "5 min read", "Share", "Text size"), and headings left at the end with no
/// text after them (the title of the next module).
/// </summary>
internal static partial class BodyExtractor
{
    /// <summary>A line at least this long printed again right after itself is a copy.</summary>
    private const int MinRepeatedLine = 20;

    /// <summary>A body with less text than this from the markup is looked for in the page's script data.</summary>
    private const int ScriptBodyThreshold = 250;

    public static ArticleBody Extract(ExtractionContext context, ArticleContent content, HashSet<ContentBlock> notes, string? headline, string? summary, IReadOnlyList<string>? authors = null)
    {
        var paragraphs = new List<string>(content.Blocks.Count);
        var kinds = new List<BlockKind>(content.Blocks.Count);
        var foldedHeadline = headline is null ? null : Text.Fold(headline);
        var foldedSummary = summary is null ? null : Text.Fold(summary);
        IElement? card = null;
        foreach (var block in content.Blocks)
        {
            if (notes.Contains(block) || (card is not null && card.Contains(block.Owner)))
            {
                continue;
            }

            // A line printed again right after itself is a copy of the markup (a caption for desktop and for mobile, a
            // button's tooltip under each button), not the story saying it twice.
            if (block.Text.Length >= MinRepeatedLine && paragraphs.Count > 0 && string.Equals(paragraphs[^1], block.Text, StringComparison.Ordinal))
            {
                continue;
            }

            // A machine-written summary card ("AI summary", "Quick read") and an embed's consent placeholder ("External
            // content", "Empfohlener redaktioneller Inhalt"): the label and the rest of its card.
            if ((block.Text.Length <= 60 && AiSummaryLabelRegex().IsMatch(block.Text)) || (block.Text.Length <= 300 && ConsentPlaceholderRegex().IsMatch(block.Text)))
            {
                card = SummaryCard(context, block.Owner, content);
                continue;
            }

            if (IsCrossReference(block))
            {
                continue;
            }

            // "This article is for subscribers only": what follows the notice is the offer, not the story.
            if (paragraphs.Count > 0 && block.Text.Length <= 200 && PaywallRegex().IsMatch(block.Text))
            {
                break;
            }

            if (paragraphs.Count == 0 && block.Kind != BlockKind.Paragraph)
            {
                var folded = Text.Fold(block.Text);
                if (folded == foldedHeadline || folded == foldedSummary)
                {
                    continue;
                }
            }

            // The story's header lines the container holds: its byline, its date and reading time.
            if (IsFurniture(context, block) || (paragraphs.Count < 3 && IsBylineLine(block.Text, authors))
                || (paragraphs.Count < 4 && block.Kind == BlockKind.Paragraph && MetaLine.Is(block.Text, context.Dates, loose: true)))
            {
                continue;
            }

            // A caption that ends with its picture credit ("... im Netz. Bild: Christoph Soeder/dpa").
            if (block.Text.Length <= 400 && CaptionCreditRegex().IsMatch(block.Text))
            {
                continue;
            }

            paragraphs.Add(block.Text);
            kinds.Add(block.Kind);
        }

        // The tail: the next module's heading, a newsletter prompt, the author's bio ("Jane Doe is a senior editor at ...").
        // Short lines that end no sentence ("関連キーワード", "Related topics", a list of sources' names) after the last
        // paragraph are the page's modules, not the story.
        while (kinds.Count > 1 && (kinds[^1] == BlockKind.Heading || TailPromptRegex().IsMatch(paragraphs[^1]) || IsAuthorBio(paragraphs[^1], authors)
            || IsStub(paragraphs[^1]) || (kinds[^1] == BlockKind.Paragraph && MetaLine.Is(paragraphs[^1], context.Dates, loose: true))))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
            kinds.RemoveAt(kinds.Count - 1);
        }

        // Where the page's markup holds little or none of the story (a script-rendered page), a whole JSON-LD articleBody
        // is the text.
        if (FromJsonLd(context, paragraphs) is { } structured)
        {
            context.Record("body", "json-ld:articleBody");
            return ArticleBody.FromParagraphs(structured);
        }

        // Where the markup holds none of it and there is no articleBody, a page rendered by a script framework may hold the
        // article's HTML as a string in its hydration data.
        if (paragraphs.Sum(p => p.Length) < ScriptBodyThreshold && ScriptBody.Find(context.Document, context.CancellationToken) is { } scripted
            && scripted.Sum(p => p.Length) > paragraphs.Sum(p => p.Length) * 2)
        {
            context.Record("body", "script:article html in the page's script data");
            return ArticleBody.FromParagraphs(scripted);
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

    /// <summary>
    /// A line that points elsewhere instead of telling the story: "ALSO READ: ...", "Read more: ...", "Related", "Mehr zum
    /// Thema", "Lesen Sie auch: ...", "À lire aussi", "Share this article on ..."; the label alone, the label and a
    /// headline after a separator, or the label and a link.
    /// </summary>
    private static bool IsCrossReference(ContentBlock block)
    {
        var text = block.Text;
        if (text.Length > 200 || CrossReferenceRegex().Match(text) is not { Success: true } label)
        {
            return false;
        }

        var rest = text.AsSpan(label.Length).TrimStart();
        return rest.IsEmpty || rest[0] is ':' or '|' or '-' or '\u2013' or '\u2014' or '\u00BB' or '>' || block.LinkDensity >= 0.3;
    }

    /// <summary>The card around a summary label: the nearest ancestor holding more than the label, if it is small beside the body.</summary>
    private static IElement? SummaryCard(ExtractionContext context, IElement label, ArticleContent content)
    {
        var bodyLength = content.Blocks.Sum(b => b.Text.Length);
        var labelLength = context.Facts[label].TextLength;
        for (var current = label.ParentElement; current is not null && current != content.Container; current = current.ParentElement)
        {
            var length = context.Facts[current].TextLength;
            if (length > labelLength + 20)
            {
                return length < bodyLength * 0.4 ? current : null;
            }
        }

        return null;
    }

    private static List<string>? FromJsonLd(ExtractionContext context, List<string> paragraphs)
    {
        if (JsonLdData.GetRawString(context.JsonLd.Article, "articleBody") is not { Length: >= 200 } raw)
        {
            return null;
        }

        var domLength = paragraphs.Sum(p => p.Length);
        if (domLength >= raw.Length * 0.3)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var line in raw.Split('\n'))
        {
            var text = Text.DecodeAndNormalize(line);
            if (text.Length > 0)
            {
                result.Add(text);
            }
        }

        return result.Sum(p => p.Length) > domLength ? result : null;
    }

    /// <summary>A byline line at the top of the body: "By Jane Doe", "by Jeff Foust — November 18, 2019", the author's name alone.</summary>
    private static bool IsBylineLine(string text, IReadOnlyList<string>? authors)
    {
        if (text.Length > 120)
        {
            return false;
        }

        if (BylineLineRegex().IsMatch(text))
        {
            return true;
        }

        if (authors is null || authors.Count == 0)
        {
            return false;
        }

        // The author's name alone, or the names of all the authors ("Mathatisi Sebusi/Mohalenyane Phakela").
        return authors.Any(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
            || (text.Length <= LeadByline.MaxLength && AuthorsExtractor.SplitNames(text) is { Count: > 1 } names && names.Count == authors.Count
                && names.All(n => authors.Any(a => string.Equals(a, n, StringComparison.OrdinalIgnoreCase))));
    }

    private static bool IsAuthorBio(string text, IReadOnlyList<string>? authors)
    {
        if (authors is null || text.Length > 600)
        {
            return false;
        }

        foreach (var author in authors)
        {
            if (text.StartsWith(author, StringComparison.OrdinalIgnoreCase) && text.Length > author.Length + 4
                && BioVerbRegex().IsMatch(text[author.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short line that ends no sentence: under 30 characters, or under 16 in a script without spaces between words
    /// (Chinese, Japanese), with no sentence-final punctuation or closing quote.
    /// </summary>
    private static bool IsStub(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (text[^1] is '.' or '!' or '?' or '\u3002' or '\uFF01' or '\uFF1F' or '\u2026' or '"' or '\u201D' or '\u00BB' or '\u300D' or ')' or '\uFF09' or '\u3011')
        {
            return false;
        }

        var wide = text.Count(c => c >= '\u3000');
        return text.Length < (wide * 2 > text.Length ? 16 : 30);
    }

    /// <summary>A short block that is only a date line or an interface label, not prose.</summary>
    private static bool IsFurniture(ExtractionContext context, ContentBlock block)
    {
        var text = block.Text;
        if (block.Kind is BlockKind.Quote or BlockKind.Preformatted)
        {
            return false;
        }

        if ((text.Length <= 200 && PictureCreditLineRegex().IsMatch(text))
            || (text.Length <= 80 && (FurnitureRegex().IsMatch(text) || InterfaceLineRegex().IsMatch(text))))
        {
            return true;
        }

        // "Published: Dec 19, 2023 at 09:22 AM", "December 1, 2023": what is left around the date is at most a label.
        return MetaLine.Is(text, context.Dates, loose: false);
    }

    [GeneratedRegex(@"^(?i:by|von|par|por|di|door|av|af)\s*(?:the\s+)?\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,4}(?:(?:\s*[,&]\s*|\s+(?:and|und|et|y|e|en|och|og)\s+)\p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,4})*(?:\s*[\u2014\u2013|\-,]\s*[^.!?]{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLineRegex();

    [GeneratedRegex(@"^\s*(?:is|was|has been|writes|covers|reports)\s+(?:an?|the)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BioVerbRegex();

    [GeneratedRegex(@"^(?:sign up|subscribe|your subscription|thanks? (?:you )?for (?:signing up|subscribing)|discover special offers|get the latest|join our (?:mailing list|newsletter)|by signing up|never miss|want more)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TailPromptRegex();

    // Interface lines of video players, embeds, feedback widgets, registration walls and tables of contents, in the
    // languages of the corpora: "Player wird geladen", "Instagram content", "Was this page helpful?", "Sommaire".
    [GeneratedRegex(@"^(?:advertisement\s*[-\u2013]\s*(?:page|story|article) continues below|advertising|this content can also be viewed on the site it originates from|(?:instagram|twitter|x|youtube|tiktok|facebook|bluesky|podcast|spotify|datawrapper)\s+(?:content|inhalt|embed)|please use .{1,30} browser for a more accessible video player|was this (?:page|article) helpful\??|thanks? (?:you )?for your feedback!?|tell us why!?|you might (?:also )?like|trending videos|subtitles|recent articles|story stream|player wird geladen|embed|video\s*(?:\d{1,2}:\d{2})?|weitere informationen|dieses thema im programm:?|schlagw(?:ö|oe)rter zu diesem artikel|weitere themen|themen:|wie hat ihnen dieser artikel gefallen\??|(?:→\s*)?teilen und weiterempfehlen|(?:→\s*)?siehe auch|önerilen video|article continues below|enjoying our latest content\?|log in or create an account to continue|create a free account to continue reading|thank you for registering|please refresh the page.{0,120}|click to read more and view comments|sommaire|à découvrir|table of contents|inhaltsverzeichnis|índice|indice|contents)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InterfaceLineRegex();

    [GeneratedRegex(@"^(?:https?://\S+|caption|photo|video|image|share|share this(?: article| story)?|text size|presented by|advertisement|advert|sponsored|loading|loading\s*error loading|\d+\s*min(?:ute)?s?\s+read|listen(?: to this article)?|print|save(?: article)?|read more|show more|continue reading|comments?|\d+\s+comments?|close|swipe to scroll(?: horizontally)?|this slideshow requires javascript|(?:article|story) continues (?:below|after) (?:this )?(?:ad|advertisement)|anzeige|werbung|publicité|publicidad|pubblicità|reklame?|annons|advertentie|reklama|광고|広告|schriftgröße|yazı boyutu|taille du texte|tamaño de (?:letra|texto)|lesedauer:?\s*\d+\s*min(?:uten?)?|(?:temps de )?lecture\s*:?\s*\d+\s*min|fehler gefunden\?.{0,20}|drucken|teilen|partager|kommentar(?:e| abgeben| schreiben)?|leave a (?:comment|reply)|(?:you must|du musst|sie müssen)\b.{0,40}\b(?:log(?:ged)? ?in|einloggen|anmelden|angemeldet)\b.*|laisser un commentaire|deja (?:un|tu) comentario|lascia un commento|\d{1,2}:\d{2}\s*min\.?.{0,60}|.{0,40}\bverfügbar bis\b.{0,40}|compartir|condividi|del|dela|jaa|udostępnij|paylaş|[^.!?]{1,60}(?:/|\bvia\s|\|\s*)(?:getty images|shutterstock|ap photo|afp|reuters|epa|dpa|picture alliance|istock(?:photo)?|alamy|imago)(?:\s+\w+)?)[.:]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureRegex();

    // A caption ending with its credit: "... in aller Munde. Bild: Christoph Soeder/dpa", "... (Foto: Jane Doe/AFP)".
    [GeneratedRegex(@"[.!?)]\s*\(?(?:bild|foto|fotos|photo|photos|image|picture)\s*:\s*[^.!?:]{2,80}(?:/[^.!?]{2,40})?\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionCreditRegex();

    // A picture-credit or copyright line: "Foto(s): © 123RF.com und/oder ...", "Foto: Jane Doe", "Photo: AFP", "© Agency",
    // "Copyright © 2023 The Times, LLC.", or an agency's name alone under a picture ("Getty Images", "REUTERS").
    [GeneratedRegex(@"^(?:fotos?|foto\(s\)|photos?|bilder?|bildnachweis|image credits?|credits?)\s*:\s*[^.!?]*©|^(?:fotos?|photos?|bild|image|picture|zdjęcie)\s*:\s*[^.!?:]{1,60}$|^\s*(?:copyright\s*)?©|^(?:getty images|reuters|afp|ap|dpa|epa|shutterstock|imago|picture alliance|pa|pap|anp|belga|keystone|ap photo)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PictureCreditLineRegex();

    // The notice that the rest of an article is for subscribers, in the languages of the corpora.
    [GeneratedRegex(@"^(?:この記事は(?:有料)?会員限定(?:記事)?です|この記事は有料記事です|(?:this|the rest of this) (?:article|story) is (?:for|available to|exclusive to|reserved for) (?:paying )?(?:subscribers|members)(?: only)?|(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnent:innen|plus-leser|abonnierende)|cet article est réservé aux abonnés|la suite (?:de cet article )?est réservée aux abonnés|este (?:artículo|contenido) es exclusivo para suscriptores|questo articolo è riservato agli abbonati|이 기사는 유료)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaywallRegex();

    [GeneratedRegex(@"^(?:also read|read (?:more|also|next)|see also|related(?: (?:stories|story|articles|article|content|news|videos?|photos|coverage|links|reading|topics))?|more on this(?: (?:issue|topic|story))?|recommended reading|lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie auch interessieren|auch interessant|(?:à )?lire (?:aussi|également|la suite)|voir aussi|sur le même sujet|lee (?:también|además)|leer más|te puede interesar|leggi anche|potrebbe interessarti|lees ook|lees meer|les også|läs (?:också|mer)|læs også|czytaj (?:też|także|więcej)|přečtěte si (?:také|též)|ayrıca (?:okuyun|bakınız)|ilginizi çekebilir|leia (?:também|mais)|veja também|share this (?:article|story)(?: on| via)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrossReferenceRegex();

    [GeneratedRegex(@"^(?:ai[- ](?:generated )?summary|summary generated by ai|key points generated by ai|ai[- ]generated key points|quick ?read|ki-zusammenfassung|zusammenfassung \(ki\)|résumé généré par (?:l'|l’)?ia|resumen generado por ia)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AiSummaryLabelRegex();

    [GeneratedRegex(@"^(?:empfohlener (?:redaktioneller|externer) inhalt|externer inhalt|an dieser stelle (?:findest du|finden sie) einen externen inhalt|ich bin damit einverstanden, dass mir (?:externe )?inhalte|um (?:diesen|externe) inhalte? (?:anzuzeigen|zu sehen)|recommended editorial content|external content|this content is (?:hosted|provided) by a third party|to (?:view|see|display) this content,? (?:you (?:need|have) to|please) (?:accept|enable|allow)|(?:youtube|twitter|instagram|tiktok|facebook|x|vimeo|podcast|spotify)[- ](?:inhalte|content) (?:erlauben|allow|blocked|zulassen)|contenu externe|ce contenu (?:est bloqué|n'est pas disponible)|contenido externo|contenuto esterno)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsentPlaceholderRegex();
}
