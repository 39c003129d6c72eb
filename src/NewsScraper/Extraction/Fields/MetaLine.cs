using System.Text.RegularExpressions;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// A line of the article's header or footer that the text container holds: when it was published or updated, how long
/// it takes to read, and at most a name or a place beside them ("Published: Dec 19, 2023 at 09:22 AM",
/// "06. 01. 2026, 14:59 Uhr Lesedauer: 4 Minuten", "Publiziert heute um 12:19 Uhr", "Uppdaterad 15.59 | Publicerad 14.14",
/// "Von Juliane Rohr 28.04.2023, 18:11 Uhr", "Madrid-29/05/2025 20:00", "Jane Doe 5 hours ago", "3 Min Lesezeit").
/// Not prose: not body text.
/// </summary>
internal static partial class MetaLine
{
    /// <summary>A meta line is at most this long.</summary>
    public const int MaxLength = 120;

    /// <summary>Words besides the date and its labels that a loose meta line may hold (a name, a place, a section).</summary>
    private const int MaxOtherWords = 3;

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "published", "updated", "posted", "last", "modified", "first", "on", "at", "min", "mins", "minute", "minutes", "read",
        "reading", "time", "ago", "today", "yesterday", "hour", "hours", "sec", "secs", "second", "seconds", "day", "days", "am", "pm",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        // German
        "stand", "uhr", "erstellt", "aktualisiert", "veröffentlicht", "publiziert", "am", "um", "heute", "gestern", "vor", "lesedauer",
        "lesezeit", "minuten", "stunde", "stunden", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        // French, Spanish, Italian, Portuguese
        "publié", "le", "à", "mis", "jour", "il", "y", "a", "heure", "heures", "lecture", "temps", "de", "lundi", "mardi", "mercredi",
        "jeudi", "vendredi", "samedi", "dimanche", "publicado", "actualizado", "el", "las", "hace", "horas", "minutos", "lectura",
        "tiempo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "pubblicato", "aggiornato", "modifica",
        "modificato", "alle", "ore", "fa", "minuti", "lettura", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "atualizado",
        "às", "h",
        // Dutch, Nordic, Polish, Turkish
        "gepubliceerd", "bijgewerkt", "op", "om", "geleden", "uur", "leestijd", "publisert", "oppdatert", "kl", "siden", "lesetid",
        "publicerad", "uppdaterad", "sedan", "timmar", "läsningstid", "publiceret", "opdateret", "opublikowano", "zaktualizowano",
        "yayınlanma", "güncelleme", "güncellenme", "giriş", "tarihi", "okuma", "süresi", "dakika", "saat",
        // Japanese, Korean, Chinese
        "更新", "公開", "配信", "最終更新", "文字", "입력", "수정", "발행", "기사입력", "최종수정", "发布", "发布时间", "更新时间",
    };

    /// <summary>
    /// Whether the text is a meta line. A strict one holds dates, times, reading times and their labels only; a loose one
    /// (where the story's header or footer lines sit: the first and last lines of the text) may also hold a byline's
    /// "By"/"Von" and up to three other words in one run at its start or end: a name, a place, a section.
    /// </summary>
    public static bool Is(string text, DateContext dates, bool loose)
    {
        if (text.Length is 0 or > MaxLength)
        {
            return false;
        }

        // Glued runs of a page's spans: "UhrLesedauer", "UhrStuttgart", "Jones5 hours ago".
        var line = GlueRegex().Replace(text, " ");
        var anchors = new List<(int Index, int Length)>();
        foreach (var date in DateParsing.FindAll(line, dates, max: 3))
        {
            anchors.Add((date.Index, date.Length));
        }

        // Anywhere in the text, a line needs a whole date or a label to be a meta line ("19.51%", "4:14 p.m." alone may be data).
        var dated = anchors.Count > 0;

        foreach (Match match in AnchorRegex().Matches(line))
        {
            if (!anchors.Exists(a => match.Index < a.Index + a.Length && a.Index < match.Index + match.Length))
            {
                anchors.Add((match.Index, match.Length));
            }
        }

        if (anchors.Count == 0)
        {
            return false;
        }

        var rest = line.ToCharArray();
        foreach (var (index, length) in anchors)
        {
            Array.Fill(rest, ' ', index, length);
        }

        // The words left: labels, numbers, and the others (which must make one run at an end of the line).
        var others = 0;
        var labels = 0;
        var runs = 0;
        var previousOther = false;
        var first = true;
        var startsWithOther = false;
        foreach (Match word in WordRegex().Matches(new string(rest)))
        {
            var label = string.Concat(word.Value.Where(c => !char.IsDigit(c) && c is not ('年' or '月' or '日' or '時' or '分' or '秒' or '면')));
            var other = label.Length > 0 && !Labels.Contains(label) && !Labels.Contains(word.Value) && !(first && ByWordRegex().IsMatch(word.Value));
            if (other)
            {
                // A name, a place or a section is capitalised (where the script has case); a lower-case word is prose.
                if (char.IsLower(word.Value[0]))
                {
                    return false;
                }

                others++;
                runs += previousOther ? 0 : 1;
                startsWithOther |= first;
            }

            labels += other || label.Length == 0 ? 0 : 1;
            previousOther = other;
            first = false;
        }

        if (others == 0)
        {
            return loose || dated || labels > 0;
        }

        // One run of other words, at the start ("Jane Doe 5 hours ago", "Madrid - 29/05/2025") or at the end
        // ("11.07.2026, 09:30 Uhr Stuttgart"), or after a "By" that opens the line ("Von Juliane Rohr 28.04.2023, 18:11 Uhr").
        return loose && others <= MaxOtherWords && runs == 1 && (startsWithOther || previousOther || ByWordRegex().IsMatch(FirstWord(line)));
    }

    private static string FirstWord(string line) => WordRegex().Match(line) is { Success: true } word ? word.Value : string.Empty;

    // A time ("12:19", "09h42", "15.59", "3:05 p.m."), a reading time ("4 Min.", "3 Minuten Lesezeit", "2 minutes read"), or a
    // relative time ("5 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 2 horas").
    [GeneratedRegex(@"(?<![\d.:])(?:[01]?\d|2[0-3])(?:[:h]|\.(?=[0-5]\d\b(?![%.,]\d|%)))[0-5]\d(?::\d\d)?(?:\s*(?:h\b|uhr\b|[ap]\.?\s?m\b\.?))?|\b\d{1,2}\s*(?:min(?:ute)?s?|minuten|minutos|minuti|dakika|stunden?|hours?|heures?|horas|ore|uur|timmar|timer|days?|tagen?|jours?|días)\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GlueRegex();

    [GeneratedRegex(@"^(?i:by|von|par|por|di|door|av|af|przez)$", RegexOptions.CultureInvariant)]
    private static partial Regex ByWordRegex();

    [GeneratedRegex(@"[\p{L}\d]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();
}
