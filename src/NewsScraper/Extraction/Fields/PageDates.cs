using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Content;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Publication dates a page shows outside its header text, for pages without structured data (blogs, small sites, older
/// pages): elements marked as dates (<c>time</c>, <c>itemprop=datePublished</c>, classes and ids such as <c>date</c>,
/// <c>datum</c>, <c>fecha</c>, <c>post-date</c>, <c>entry-meta</c>), and, as a guess, a short line of the page that is
/// mostly a date. Of several, the first after the headline wins, else the nearest before it; dates in navigation,
/// asides, comments, related-story lists and the page's footer are not the article's, nor dates labelled as updates.
/// </summary>
internal static partial class PageDates
{
    /// <summary>A date element holding more text than this is a paragraph or a module, not a date.</summary>
    private const int MaxMarkedLength = 200;

    /// <summary>A guessed date line is at most this long, and the date at least this share of it.</summary>
    private const int MaxLineLength = 100;

    private const double MinDateShare = 0.4;

    /// <summary>How much of the text after the headline the last guess reads, and the longest block it reads whole.</summary>
    private const int MaxTextRead = 3000;

    private const int MaxBlockRead = 1500;

    /// <summary>The date of an element marked as a date (printed).</summary>
    public static Timestamp? FromMarkedElements(ExtractionContext context) => Find(context, guess: false);

    /// <summary>A short line of the page that is mostly a date (guessed).</summary>
    public static Timestamp? FromDateLines(ExtractionContext context) => Find(context, guess: true);

    /// <summary>
    /// Last, the first whole date in the text after the headline, within its first <see cref="MaxTextRead"/> characters and
    /// outside navigation and modules, unless labelled as an update (guessed): "Berlin, 12.03.2021 – Der Stadtrat ...".
    /// </summary>
    public static Timestamp? FromTextNearTheTop(ExtractionContext context)
    {
        var headline = context.HeadlineElement;
        var passedHeadline = headline is null;
        var read = 0;
        var facts = context.Facts;
        foreach (var element in facts.Elements)
        {
            if (element == headline)
            {
                passedHeadline = true;
                continue;
            }

            var own = facts[element];
            if (!passedHeadline || own.DirectLength == 0 || own.TextLength > MaxBlockRead || element.LocalName is "a" or "option")
            {
                continue;
            }

            read += own.DirectLength;
            if (read > MaxTextRead)
            {
                break;
            }

            // A quotation or an embedded post (a tweet's blockquote) dates something else; so does a caption.
            if (!IsArticleArea(context, element) || Dom.ClosestTag(element, "blockquote", "figure", "figcaption", "q") is not null)
            {
                continue;
            }

            var text = Text.Normalize(element.TextContent);
            var dates = DateParsing.FindAll(text, context.Dates, max: 1);
            if (dates.Count > 0 && FirstUnlabelled(text, dates[0]) is { } date)
            {
                return new Timestamp(date.Date.Value, date.Text, "text:page (the first date in the text)", date.Date.ZoneAssumed);
            }
        }

        return null;
    }

    private static Timestamp? Find(ExtractionContext context, bool guess)
    {
        var headline = context.HeadlineElement;
        var passedHeadline = headline is null;
        Timestamp? beforeHeadline = null;
        var facts = context.Facts;
        var seen = 0;
        foreach (var element in facts.Elements)
        {
            if ((++seen & 255) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            if (element == headline)
            {
                passedHeadline = true;
                continue;
            }

            var found = guess ? ReadLine(context, element) : ReadMarked(context, element);
            if (found is null || !IsArticleArea(context, element))
            {
                continue;
            }

            if (passedHeadline)
            {
                return found;
            }

            beforeHeadline = found;
        }

        return beforeHeadline;
    }

    private static Timestamp? ReadMarked(ExtractionContext context, IElement element)
    {
        var itemprop = element.Attr("itemprop");
        var hints = Dom.ClassAndId(element);
        var marked = element.LocalName == "time" || itemprop is "datePublished" or "dateCreated"
            || (hints.Length > 0 && DateHintRegex().IsMatch(hints));
        if (!marked || itemprop is "dateModified" || (hints.Length > 0 && UpdatedHintRegex().IsMatch(hints) && !HeaderDates.IsPublishedHint(hints)))
        {
            return null;
        }

        const string source = "text:date-element";
        foreach (var attribute in (ReadOnlySpan<string>)["datetime", "content", "title", "data-date", "data-timestamp"])
        {
            if (element.Attr(attribute) is { Length: >= 8 and <= 64 } value && DateParsing.Parse(value, context.Dates) is { } fromAttribute)
            {
                return new Timestamp(fromAttribute.Value, Text.Normalize(value), $"{source} ({element.LocalName}[{attribute}])", fromAttribute.ZoneAssumed);
            }
        }

        var length = context.Facts[element].TextLength;
        if (length is 0 or > MaxMarkedLength)
        {
            return null;
        }

        var text = Text.Normalize(element.TextContent);
        return FirstUnlabelled(context, text) is { } date
            ? new Timestamp(date.Date.Value, date.Text, $"{source} ({element.LocalName}.{FirstHint(hints, element)})", date.Date.ZoneAssumed)
            : null;
    }

    private static Timestamp? ReadLine(ExtractionContext context, IElement element)
    {
        // A line that holds its own text: a block or inline element whose direct text is most of it.
        var facts = context.Facts[element];
        if (facts.TextLength is 0 or > MaxLineLength || facts.DirectLength == 0 || element.LocalName is "a" or "option" or "li" or "h1")
        {
            return null;
        }

        // The line is mostly dates: one date, or a date and its update ("5 gennaio 2025 (modifica il 6 gennaio 2025 | 15:24)").
        var text = Text.Normalize(element.TextContent);
        var dates = DateParsing.FindAll(text, context.Dates, max: 3);
        return dates.Count > 0 && dates.Sum(d => d.Length) >= text.Length * MinDateShare && FirstUnlabelled(text, dates[0]) is { } date
            ? new Timestamp(date.Date.Value, date.Text, "text:page (a date line)", date.Date.ZoneAssumed)
            : null;
    }

    /// <summary>The first date in the text, unless the label nearest before it is an update label.</summary>
    private static FoundDate? FirstUnlabelled(ExtractionContext context, string text)
    {
        var dates = DateParsing.FindAll(text, context.Dates, max: 1);
        return dates.Count == 0 ? null : FirstUnlabelled(text, dates[0]);
    }

    /// <summary>The date, unless the label nearest before it in the text is an update label.</summary>
    private static FoundDate? FirstUnlabelled(string text, FoundDate date)
    {
        var before = text.Substring(Math.Max(0, date.Index - 30), Math.Min(30, date.Index));
        return HeaderDates.LabelIn(before) == HeaderDateKind.Updated ? null : date;
    }

    /// <summary>
    /// Not in navigation, a comments / related / sidebar module, or an aside or footer of the page (an aside or footer
    /// inside the <c>article</c> is the article's own: its meta column, its "posted on" line).
    /// </summary>
    private static bool IsArticleArea(ExtractionContext context, IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            switch (current.LocalName)
            {
                case "nav" or "select":
                    return false;
                case "aside" or "footer" when current.Closest("article") is null:
                    return false;
                case "body":
                    return true;
            }

            if ((context.Facts.Hints(current) & HintFlags.Module) != 0 || Dom.IsHidden(current))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstHint(string hints, IElement element) =>
        DateHintRegex().Match(hints) is { Success: true } match ? match.Value.Trim(' ', '_', '-') : element.LocalName;

    // Tokens of class and id that name a date: "date", "post-date", "articleDate", "datum", "fecha", "data", "published",
    // "posted-on", "entry-meta", "timestamp".
    [GeneratedRegex(@"(?:^|[\s_-])(?:[a-z]*(?:date|datum|fecha|zeit|timestamp)[a-z]*|data|time|meta|[a-z]+-?meta|meta-?[a-z]+|published|publish|pubdate|posted(?:-?on)?|dateline)(?=$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex DateHintRegex();

    [GeneratedRegex(@"update|modif|geaendert|geändert|aktualisiert", RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedHintRegex();
}
