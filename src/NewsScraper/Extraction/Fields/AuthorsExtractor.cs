using System.Text.RegularExpressions;
using NewsScraper.Extraction.Content;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>Authors and byline: people go to <c>authors</c>, desks and agencies to <c>byline.organization</c>.</summary>
internal static partial class AuthorsExtractor
{
    public static (IReadOnlyList<string> Authors, Byline? Byline) Extract(ExtractionContext context, ProfileByline? profileByline, string? siteName)
    {
        if (profileByline is not null && FromProfile(context, profileByline) is { } profiled)
        {
            return profiled;
        }

        var people = new List<string>();
        string? organization = null;
        string? printed = null;
        string? source = null;

        foreach (var agent in JsonLdData.GetAgents(context.JsonLd.Article, "author"))
        {
            Add(agent.Name, agent.IsOrganization, "json-ld:author");
        }

        if (people.Count == 0)
        {
            foreach (var name in (string[])["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator", "byl"])
            {
                foreach (var value in context.Meta.All(name))
                {
                    if (!value.Contains("://", StringComparison.Ordinal))
                    {
                        Add(value, false, $"meta:{name}");
                    }
                }

                if (people.Count > 0)
                {
                    break;
                }
            }
        }

        // The byline printed next to the headline is what the reader sees: it adds co-authors the structured data leaves
        // out, drops contributors it lists (photographers, stylists) and gives names their printed spelling. It replaces
        // the structured people when it names at least one of them, or when there are none.
        if (PrintedByline.Find(context) is { } header)
        {
            printed = header;
            var printedNames = SplitNames(header);
            var printedPeople = printedNames.Where(n => !IsOrganization(n, siteName) && LooksLikeName(n)).ToList();

            // The agency or desk the printed byline names beside its people ("By Jane Doe (Reuters)", "Jane Doe, dpa").
            organization ??= printedNames.FirstOrDefault(n => IsOrganization(n, siteName));
            if (printedPeople.Count > 1)
            {
                // Among several printed names, one-word entries are buttons and labels ("Following", "Close"), not people.
                printedPeople.RemoveAll(n => !n.Contains(' ', StringComparison.Ordinal) && !IsUncased(n[0]));
            }

            if (printedPeople.Count > 0 && (people.Count == 0 || printedPeople.Exists(p => people.Exists(q => Text.FoldName(p) == Text.FoldName(q)))))
            {
                var structuredSource = people.Count > 0 ? source : null;
                people.Clear();
                source = structuredSource is null ? "text:header-byline" : $"text:header-byline (confirms {structuredSource})";
                foreach (var name in printedPeople)
                {
                    if (!people.Exists(p => Text.FoldName(p) == Text.FoldName(name)))
                    {
                        people.Add(name);
                    }
                }
            }
            else if (people.Count == 0 && organization is null)
            {
                Add(header, false, "text:header-byline");
            }
        }

        foreach (var selector in Selectors.Authors)
        {
            if (printed is not null && people.Count > 0)
            {
                break;
            }

            var element = context.SelectFirst(selector);
            if (element is null || Dom.IsHidden(element))
            {
                continue;
            }

            var text = Dom.VisibleText(element);
            if (text.Length is > 0 and < 200)
            {
                printed ??= text;
                if (people.Count == 0)
                {
                    Add(text, false, $"selector:{selector}");
                }

                break;
            }
        }

        if (people.Count > 0)
        {
            context.Record("authors", source!);
        }

        Byline? byline = null;
        if (printed is not null || organization is not null)
        {
            byline = new Byline(printed ?? organization!, organization);
            context.Record("byline", printed is not null ? "text:header-byline" : source!);
        }

        return (people, byline);

        void Add(string raw, bool isOrganization, string from)
        {
            foreach (var name in SplitNames(raw))
            {
                if (isOrganization || IsOrganization(name, siteName))
                {
                    if (organization is null)
                    {
                        organization = name;
                        source ??= from;
                    }

                    continue;
                }

                if (!people.Exists(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase)))
                {
                    people.Add(name);
                    source ??= from;
                }
            }
        }
    }

    /// <summary>
    /// The people of a byline printed as the text's first line (<see cref="LeadByline"/>), where the header named no
    /// person or only the site's account; a site profile's byline is left as it is.
    /// </summary>
    public static (IReadOnlyList<string> Authors, Byline? Byline) WithLeadByline(
        ExtractionContext context, ArticleContent content, IReadOnlyList<string> authors, Byline? byline, string? siteName)
    {
        // The lead line first: it is rare, and the account check reads the page's author links.
        if (context.Profile.Byline is not null
            || LeadByline.Find(content, siteName) is not { } lead
            || (authors.Count > 0 && !authors.All(author => LeadByline.IsSiteAccount(context.Document, author))))
        {
            return (authors, byline);
        }

        context.Record("authors", authors.Count > 0 ? "text:body-byline (the header names the site's account)" : "text:body-byline");
        context.Record("byline", "text:body-byline");
        return (lead.Names, new Byline(lead.Text, byline?.Organization));
    }

    /// <summary>Splits a byline into names: "By A and B", "A, B and C", "A | Staff writer".</summary>
    public static IReadOnlyList<string> SplitNames(string raw)
    {
        var text = Text.Normalize(raw);
        text = ByPrefixRegex().Replace(text, string.Empty);
        text = EmailOrHandleRegex().Replace(text, string.Empty);

        // A picture credit printed in the byline ("Foto: REUTERS/Jane Doe") names the photographer, not an author; a
        // part that starts with a role ("Corresponsal en Atenas", "Journalist i Paris") is the role and its place.
        text = PictureCreditRegex().Replace(text, ",");
        text = RoleSegmentRegex().Replace(text, ",");
        var names = new List<string>();
        foreach (var piece in NameSeparatorRegex().Split(text))
        {
            // "Jane Doe The Associated Press", "Jane Doe (Reuters)": the person, then the agency as its own entry; so too
            // "Jane Doe For Dailymail.Com", "Jane Doe for The Guardian" (a person writing for a publication).
            var agency = TrailingAgencyRegex().Match(piece);
            if (!agency.Success && WritingForRegex().Match(piece) is { Success: true } writingFor && IsOrganization(writingFor.Groups["agency"].Value, null))
            {
                agency = writingFor;
            }

            var part = agency.Success ? piece[..agency.Index] : piece;
            if (agency.Success && part.Trim() is "The" or "the")
            {
                // "The Associated Press" is the agency alone.
                names.Add(Text.TrimFraming(piece));
                continue;
            }

            if (agency.Success)
            {
                names.Add(Text.TrimFraming(agency.Groups["agency"].Value));
            }

            var name = Text.TrimFraming(LocalRoleSuffixRegex().Replace(RoleSuffixRegex().Replace(part, string.Empty), string.Empty));
            name = Text.Normalize(CredentialSuffixRegex().Replace(name, string.Empty));
            if (name.Length is < 2 or > 60 || Text.CountWords(name) > 6 || name.Any(char.IsDigit) || IsRole(name)
                || NotANameRegex().IsMatch(name))
            {
                continue;
            }

            names.Insert(agency.Success ? names.Count - 1 : names.Count, name);
        }

        return names;
    }

    /// <summary>Whether a byline name is a desk, agency or publication rather than a person.</summary>
    public static bool IsOrganization(string name, string? siteName) =>
        OrganizationRegex().IsMatch(name) || PublicationRegex().IsMatch(name)
        || (name.Length >= 3 && !name.Contains(' ', StringComparison.Ordinal) && name.All(c => char.IsUpper(c) || c == '.'))
        || (siteName is not null && string.Equals(Text.Fold(name), Text.Fold(siteName), StringComparison.Ordinal));

    /// <summary>Whether a printed byline part reads as a person's name: a few words, capitalised.</summary>
    public static bool LooksLikeName(string name) =>
        Text.CountWords(name) is >= 1 and <= 5 && !name.Contains(':', StringComparison.Ordinal)
        && (char.IsUpper(name[0]) || (IsUncased(name[0]) && name.Length <= 8));

    // Scripts without letter case (CJK, Hangul, Thai, Arabic, ...): a name there cannot be told by a capital letter.
    private static bool IsUncased(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    private static (IReadOnlyList<string>, Byline?)? FromProfile(ExtractionContext context, ProfileByline byline)
    {
        var rule = context.Profile.Byline!;
        var link = byline.AuthorLink;
        if (link is null)
        {
            context.Record("byline", $"profile:{context.Profile.Name}:byline");
            return ([], new Byline(byline.Text, null));
        }

        var name = Text.Normalize(Dom.VisibleText(link));
        if (name.Length == 0)
        {
            name = Text.Normalize(link.Attr("title") ?? link.QuerySelector("img[alt]")?.Attr("alt"));
        }

        var href = link.Attr("href") ?? string.Empty;
        var isPerson = rule.PersonLinkPrefixes.Any(prefix => href.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || (context.Absolute(href) is { } abs && new Uri(abs).PathAndQuery.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        context.Record("byline", $"profile:{context.Profile.Name}:byline");
        if (isPerson && name.Length > 0)
        {
            context.Record("authors", $"profile:{context.Profile.Name}:byline-author-link");
            return ([name], new Byline(byline.Text, null));
        }

        return ([], new Byline(byline.Text, Text.NullIfEmpty(name)));
    }

    private static bool IsRole(string name) => RoleOnlyRegex().IsMatch(name);

    [GeneratedRegex(@"^\s*(?:view\s+all\s+(?:posts|articles|stories)\s+by|(?:more|articles|stories|posts)\s+(?:from|by))\s+|^\s*(?:written\s+)?by\s*:?\s+|^\s*(?:posted|reported|words)\s+by\s*:?\s+|^\s*(?:von|par|por|di|door|av|af|przez|autor(?:in)?|tekst|text)\s*:?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefixRegex();

    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,255}|(?<!\w)@\w{1,30}|https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailOrHandleRegex();

    // Joins in the languages of the corpora; the one- and two-letter ones only in lower case, so an initial ("John E Smith") stays.
    [GeneratedRegex(@"\s*(?:,|;|\||&|\b(?i:and|und|et|with|och|oraz|ve)\b|\b(?:y|e|og|i|en|ja)\b|\n|/)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparatorRegex();

    [GeneratedRegex(@"\s*[-\u2013\u2014,]\s*(?:staff|senior|chief|political|special|foreign|contributing|associate|deputy|managing|executive)?\s*(?:writer|reporter|editor|correspondent|columnist|contributor|journalist)s?\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleSuffixRegex();

    [GeneratedRegex(@"^(?:(?:staff|senior|chief|political|special|foreign|contributing|associate|deputy|managing|executive|guest|sports|business|news)\s+)*(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|author|photographer|updated|published|more|follow|view all|posts?|read more|share)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleOnlyRegex();

    // Role words written after a name in other languages: "신현주 기자", "松岡大地記者", "Jane Doe, Korrespondentin".
    [GeneratedRegex(@"\s*(?:기자|특파원|記者|特派員|编辑|記者\s*外\s*\d+명)$|\s*[-\u2013\u2014,]\s*(?:korrespondent(?:in)?|redakteur(?:in)?|journalist(?:in)?|corresponsal|periodista|redactora?|correspondant(?:e)?|journaliste|giornalista|inviat[oa]|redattore|redaktør|reporter)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocalRoleSuffixRegex();

    // "Foto: REUTERS/Jane Doe", "Photo by ...", "Bild: ..." inside a byline, up to the next separator.
    [GeneratedRegex(@"(?:^|[,;|]\s*)(?:foto|fotos|photo|photos|bild|bilder|zdjęcie|kuva|fotó|image|picture)s?\s*(?::|by\b|von\b)\s*[^,;|]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PictureCreditRegex();

    [GeneratedRegex(@"(?:^|(?<=[,;|]))\s*(?:journalist(?:in)?|reporter(?:in)?|korrespondent(?:in)?|correspondent|corresponsal|correspondant(?:e)?|redakt\w*|redact\w*|periodista|giornalista|inviat[oa])\b[^,;|]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleSegmentRegex();

    // An agency printed after a name without a separator: "Jane Doe The Associated Press", "Jane Doe (Reuters)".
    [GeneratedRegex(@"\s+\(?(?<agency>(?:The\s+)?(?:Associated Press|Reuters|AFP|AP|dpa|APA|SDA|Keystone-SDA|ANP|EFE|ANSA|Belga|TT|NTB|PTI|IANS|ANI|Bloomberg|Xinhua|Kyodo|Yonhap))\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAgencyRegex();

    [GeneratedRegex(@"\s+(?i:for)\s+(?<agency>\S.{1,50})$", RegexOptions.CultureInvariant)]
    private static partial Regex WritingForRegex();

    [GeneratedRegex(@"\s+(?:MS|MA|MD|RD|RDN|LD|PhD|Ph\.D\.|MPH|MBA|RN|CPT|CSCS|DDS|Esq)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialSuffixRegex();

    // Byline parts that are not names: image credits, job titles and roles, buttons, sponsorship labels, credentials.
    [GeneratedRegex(@"^(?:by|von|par|por)$|\b(?:by|von|par|por|di|door|av)$|^(?:view\s+author\s+publications|google\s+scholar|pubmed|search\s+author|iniciar\s+sesi[oó]n|sign\s+in|log\s*in|anmelden|se\s+connecter|accedi|esta\s+funcionalidad.*)$|^(?:journalist|reporter|korrespondent|correspondent|corresponsal|redakt\w*|redact\w*|periodista|giornalista)\b|\b(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|publisher|producer|photographer|critic|manufacturer)s?$|\beditorial\s+(?:guidelines|process|policy|policies|standards)\b|^(?:read\s+in\s+app|see\s+full\s+bio|follow(?:ing)?(?:\s+on\s+\w+)?|close|expertise|credentials|categories|in\s+partnership)$|^(?:image|photo|photos|picture|credit|video|source|illustration)s?\s*:|\b(?:officer|head\s+of|director|president|founder|manager|chief|ceo|cto|cfo|vp|professor|fellow|analyst|strategist|specialist|coordinator|intern|sponsored|advertorial|partner\s+content|brand\s*room)\b|^(?:MS|MA|MD|RD|RDN|LD|PhD|MPH|MBA|RN|CPT|Jr|Sr)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotANameRegex();

    // Publications and companies named as authors: "The Daily Journal", "Worcester Telegram", "cleveland.com", "TC Redazione".
    [GeneratedRegex(@"\b(?:daily|journal|gazette|telegram|times|tribune|herald|chronicle|observer|courier|inquirer|sentinel|magazine|weekly|redazione|r[ée]daction|redaktion|company|corporation|inc|ltd|llc|online|digital|radio|channel|zeitung|zeitschrift|krant|dagblad|gazzetta|corriere|diario|peri[oó]dico|tidning|gazeta|gazete|nachrichten|noticias|notizie|nieuws|nyheter|haber|center|centre|institute|university|school|foundation|council|association|society|department|ministry|technologies|labs)\b|\b(?:news|report|arts|sports)$|\.(?:com|net|org|in|co|uk|tv|news)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublicationRegex();

    [GeneratedRegex(@"\b(?:desk|staff|team|bureau|newsroom|editorial|editors|agenc(?:y|ies)|wire|news service|press|media|network|newswire|correspondents|reporters)\b|^(?:Reuters|AP|AFP|PTI|IANS|ANI|UNI|Xinhua|Bloomberg|Associated Press|Agence France-Presse|Press Trust of India|Dow Jones|Tass|TASS|TT|NTB|APA|SDA|Keystone-SDA|ANP|Belga|KNA|epd|Anadolu Ajansı|Kyodo|Yonhap|EFE|dpa|DPA|ANSA|CNN|BBC|BBC News|Sky News|NPR|UN News|PR Newswire|Business Wire|Globe Newswire|HT Correspondent|TOI|Devdiscourse|CNBC|Fox News)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationRegex();
}
