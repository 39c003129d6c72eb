using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsScraper.Extraction.Fields;

/// <summary>
/// Recognises the notes attached to an article by their wording: agency credits, syndication notes, image notices,
/// editor's notes, corrections, sponsorship and opinion notes, republication notes. Timestamps, captions and the
/// publisher's own legal footer are not notes.
/// </summary>
internal static partial class DisclaimerClassifier
{
    /// <summary>Notes longer than this are prose, not notes.</summary>
    public const int MaxLength = 600;

    /// <summary>Every pattern below needs one of these words; text without any is not read by the patterns at all.</summary>
    private static readonly SearchValues<string> TriggerWords = SearchValues.Create(
        [
            "image", "photo", "picture", "illustration", "representa", "syndicat", "feed", "\u00A9", "press", "reserved", "input",
            "reporting", "editing", "writing", "research", "compiled", "produced", "graphics", "contribut", "correct", "clarif",
            "version", "note", "update", "commission", "compensat", "share of", "affiliate", "sponsor", "partnership", "paid for", "views",
            "opinion", "reflect", "represent", "appear", "published", "ran in", "ran on", "988", "crisis", "suicide", "self-harm",
            "sexual", "republish", "distributed", "reproduc", "condensed", "edited", "brought to you", "erschien", "publié",
            "publicado", "pubblicato", "transparenz", "material", "\u8F6C\u8F7D", "\u8EE2\u8F09", "\uBB34\uB2E8", "\u7F16\u8F91",
        ],
        StringComparison.OrdinalIgnoreCase);

    public static DisclaimerKind? Classify(string text)
    {
        if (text.Length is < 8 or > MaxLength || text.AsSpan().IndexOfAny(TriggerWords) < 0)
        {
            return null;
        }

        if (ImageNoticeRegex().IsMatch(text))
        {
            return DisclaimerKind.ImageNotice;
        }

        if (SyndicationRegex().IsMatch(text))
        {
            return DisclaimerKind.Syndication;
        }

        if (AgencyCreditRegex().IsMatch(text))
        {
            return DisclaimerKind.AgencyCredit;
        }

        if (CorrectionRegex().IsMatch(text))
        {
            return DisclaimerKind.Correction;
        }

        if (EditorsNoteRegex().IsMatch(text))
        {
            return DisclaimerKind.EditorsNote;
        }

        if (SponsoredRegex().IsMatch(text))
        {
            return DisclaimerKind.Sponsored;
        }

        if (OpinionRegex().IsMatch(text))
        {
            return DisclaimerKind.Opinion;
        }

        if (RepublishedRegex().IsMatch(text))
        {
            return DisclaimerKind.Republished;
        }

        if (CrisisLineRegex().IsMatch(text))
        {
            return DisclaimerKind.Other;
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:image|picture|photo|illustration)s?\b[^.]{0,40}\b(?:is|are|was|were|has been)\s+(?:an?\s+)?(?:AI[- ]generated|generated (?:by|with|using) (?:AI|artificial intelligence)|representational|for (?:representation|illustrative) purposes)|\bfor (?:illustrative|representational|representation) purposes only\b|^\(?\s*representa(?:tional|tive) (?:image|picture|photo)\b|^\(?\s*(?:image|photo)\s*:?\s*representa(?:tional|tive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImageNoticeRegex();

    [GeneratedRegex(@"not been edited by .{1,60}? staff and is (?:auto-?generated|published) from a syndicated feed|\bauto-?generated from a syndicated (?:news )?feed|^(?:\(?\s*this (?:story|article|report) (?:has been|was) (?:published|distributed|provided) (?:from|by|via) (?:a )?(?:wire|syndicated|agency) )|^©\s*(?:\d{4}\s+)?(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|Agence France-Presse|Bloomberg|Dow Jones|Press Association|PA Media)\b.{0,40}\b(?:all rights reserved|may not be (?:published|reproduced))|^(?:\d{4}\s+)?The (?:Associated|Canadian) Press\.?\s+All rights reserved|\bdistributed by [^.]{2,60}\b(?:agency|syndicate|features|media services|content)\b|\bno (?:reproduction|republication|redistribution)\b[^.]{0,40}\bwithout (?:the )?(?:express )?(?:written )?permission\b|未经(?:授权|许可)[，,]?\s*不得转载|無断転載を禁じます|무단\s*전재\s*(?:및|&)\s*재배포\s*금지", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SyndicationRegex();

    [GeneratedRegex(@"^\(?\s*with (?:inputs|input|agency inputs) from\b|^\(?\s*(?:additional )?(?:reporting|writing|editing|research|compiled|produced|graphics) by\b|\b(?:contributed|contributing) (?:reporting )?(?:to|for) (?:this|the) (?:report|story|article)\b|^\(?\s*(?:reporting|editing) by [^.]{2,80}(?:;|\)|$)|\bcontributed to this (?:report|story)\.?\)?$|^[^.]{3,120}\bcontributed(?: (?:reporting|research|to this (?:report|story|article)))?(?: (?:from|in) [^.]{2,60})?\.?\)?$|^\(?\s*\(?(?:PTI|IANS|ANI|UNI|AFP|AP|Reuters)\s+inputs\s*\)?|^this (?:episode|story|article|segment|podcast|report|video) was (?:produced|reported|written|edited|compiled) by\b|^\(?\s*mit material (?:von|der|des)\b|^[\[【]?\s*(?:责任编辑|編集)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCreditRegex();

    [GeneratedRegex(@"^\(?\s*(?:correction|clarification)s?\b\s*[:,\-\u2013\u2014(]|\b(?:a previous|an earlier|an older) version of this (?:story|article|report|post)\b|\bthis (?:story|article|report) has been (?:corrected|amended) to\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CorrectionRegex();

    [GeneratedRegex(@"^\(?\s*editor'?s'?\s+note\b|^\(?\s*update\b[^:]{0,60}:\s*this (?:story|article|post|report) (?:has been|was) updated\b|\bthis (?:story|article|post|report) has been updated (?:to|with)\b|\b(?:this )?(?:interview|conversation|transcript|q&a|discussion) (?:has been|was|have been) (?:lightly )?(?:edited|condensed)\b|^[\[(]?\s*updated?\b[^:\]]{0,40}[:\]]\s*\S.{40,}|^transparenzhinweis\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditorsNoteRegex();

    [GeneratedRegex(@"\b(?:if|when) you (?:buy|purchase) (?:something|anything|a product)\b.{0,80}\bmay (?:get|earn|receive) (?:a share|a (?:small )?commission|compensation)|\b(?:we|site|it|the publisher) may (?:earn|receive|get) (?:an? )?(?:affiliate |small )?(?:commission|compensation|share of (?:sales|revenue))|\baffiliate (?:commission|links?)\b.{0,80}\b(?:earn|commission)|\bhas been compensated by\b|^\(?\s*this (?:post|article|content|story) (?:is|was) (?:sponsored|paid for|produced in partnership)\b|\bwhen you (?:buy|purchase) (?:something )?(?:through|via|using) (?:links|our links)|\b(?:may|might|could|will)\s+(?:earn|receive|get|make)\b[^.]{0,60}\b(?:commission|compensation|a share|revenue)\b|\b(?:has|have) affiliate partnerships?\b|\b(?:may )?contains? affiliate(?: and(?:/or)? referral)? links\b|\bthrough (?:our |these |the |a )?links?\b[^.]{0,80}\b(?:commission|compensation)\b|\bsponsored (?:deal|post|content|article|story) (?:is )?(?:brought to you|presented|paid for) by\b|\benthält (?:sogenannte )?affiliate-links\b|\bcontient des liens (?:affiliés|d'affiliation)\b|\bcontiene enlaces de afiliados\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SponsoredRegex();

    [GeneratedRegex(@"\b(?:views|opinions)(?: and (?:opinions|views))? expressed (?:in (?:this|the) (?:article|piece|column|post|blog|op-ed) )?(?:here(?:in)? )?(?:by (?:the )?(?:author|writer)s? )?(?:are|is|do not|don't|does not)\b|\bdo(?:es)? not necessarily (?:reflect|represent) (?:the |those )?(?:of |views|opinions|position)|\b(?:views|opinions)\s+expressed\s+(?:by|in|here|herein)\b[^.]{0,80}\b(?:own|do not|don't|does not|not necessarily)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpinionRegex();

    [GeneratedRegex(@"\bif you or (?:someone|a loved one) you know (?:is|are|may be)\b|\b(?:call|text|dial) (?:or text )?988\b|\bsuicide (?:&|and) crisis lifeline\b|\bthis (?:story|article) (?:discusses|contains|mentions) (?:suicide|self-harm|sexual (?:assault|abuse))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrisisLineRegex();

    [GeneratedRegex(@"(?:\boriginally (?:appeared|published|ran)|\b(?:story|article|post|piece|column|essay|report|interview|excerpt) (?:first )?(?:appeared|ran|was (?:first |originally )?published)) (?:on|in|at) (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)(?!\d)[A-Z]|\b[Tt]his (?:story|article) (?:will )?appears? in the .{1,60}\bissue of\b|\brepublished (?:here )?(?:with permission|from|under)\b|\b[Aa] version of this (?:article|story|review|column) (?:appears|appeared) in print\b|\b(?:[Oo]riginally|[Ff]irst) published by [A-Z]|\b[Dd]ieser (?:Artikel|Beitrag|Text) (?:erschien|ist) (?:zuerst|zuvor|ursprünglich)\b|\b[Cc]et article a (?:été )?(?:d'abord |initialement |originellement )?(?:été )?publié\b|\b[Ee]ste artículo (?:fue|se) publicad[oa] (?:originalmente|por primera vez)\b|\b[Qq]uesto articolo è stato (?:pubblicato|originariamente pubblicato)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RepublishedRegex();
}
