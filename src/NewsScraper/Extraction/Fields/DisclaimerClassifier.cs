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

    public static DisclaimerKind? Classify(string text)
    {
        if (text.Length is < 8 or > MaxLength)
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

        return null;
    }

    [GeneratedRegex(@"\b(?:image|picture|photo|illustration)s?\b[^.]{0,40}\b(?:is|are|was|were|has been)\s+(?:an?\s+)?(?:AI[- ]generated|generated (?:by|with|using) (?:AI|artificial intelligence)|representational|for (?:representation|illustrative) purposes)|\bfor (?:illustrative|representational|representation) purposes only\b|^\(?\s*representa(?:tional|tive) (?:image|picture|photo)\b|^\(?\s*(?:image|photo)\s*:?\s*representa(?:tional|tive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ImageNoticeRegex();

    [GeneratedRegex(@"not been edited by .{1,60}? staff and is (?:auto-?generated|published) from a syndicated feed|\bauto-?generated from a syndicated (?:news )?feed|^(?:\(?\s*this (?:story|article|report) (?:has been|was) (?:published|distributed|provided) (?:from|by|via) (?:a )?(?:wire|syndicated|agency) )|^©\s*(?:\d{4}\s+)?(?:The )?(?:Associated Press|Canadian Press|Reuters|AFP|Agence France-Presse|Bloomberg|Dow Jones|Press Association|PA Media)\b|^(?:\d{4}\s+)?The (?:Associated|Canadian) Press\.?\s+All rights reserved", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SyndicationRegex();

    [GeneratedRegex(@"^\(?\s*with (?:inputs|input|agency inputs) from\b|^\(?\s*(?:additional )?(?:reporting|writing|editing|research|compiled|produced|graphics) by\b|\b(?:contributed|contributing) (?:reporting )?(?:to|for) (?:this|the) (?:report|story|article)\b|^\(?\s*(?:reporting|editing) by [^.]{2,80}(?:;|\)|$)|\bcontributed to this (?:report|story)\.?\)?$|^\(?\s*\(?(?:PTI|IANS|ANI|UNI|AFP|AP|Reuters)\s+inputs\s*\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AgencyCreditRegex();

    [GeneratedRegex(@"^\(?\s*(?:correction|clarification)s?\b\s*[:,\-\u2013\u2014(]|\b(?:a previous|an earlier|an older) version of this (?:story|article|report|post)\b|\bthis (?:story|article|report) has been (?:corrected|amended) to\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CorrectionRegex();

    [GeneratedRegex(@"^\(?\s*editor'?s'?\s+note\b|^\(?\s*update\b[^:]{0,60}:\s*this (?:story|article|post|report) (?:has been|was) updated\b|\bthis (?:story|article|post|report) has been updated (?:to|with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EditorsNoteRegex();

    [GeneratedRegex(@"\b(?:we|site|it|the publisher) may (?:earn|receive|get) (?:an? )?(?:affiliate |small )?(?:commission|compensation|share of (?:sales|revenue))|\baffiliate (?:commission|links?)\b.{0,80}\b(?:earn|commission)|\bhas been compensated by\b|^\(?\s*this (?:post|article|content|story) (?:is|was) (?:sponsored|paid for|produced in partnership)\b|\bwhen you (?:buy|purchase) (?:something )?(?:through|via|using) (?:links|our links)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SponsoredRegex();

    [GeneratedRegex(@"\b(?:views|opinions)(?: and (?:opinions|views))? expressed (?:in (?:this|the) (?:article|piece|column|post|blog|op-ed) )?(?:here(?:in)? )?(?:by (?:the )?(?:author|writer)s? )?(?:are|is|do not|don't|does not)\b|\bdo(?:es)? not necessarily (?:reflect|represent) (?:the |those )?(?:of |views|opinions|position)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OpinionRegex();

    [GeneratedRegex(@"\b(?:originally|first) (?:appeared|published|ran) (?:on|in|at) (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)(?!\d)[A-Z]|\bthis (?:story|article) (?:will )?appears? in the .{1,60}\bissue of\b|\brepublished (?:here )?(?:with permission|from|under)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RepublishedRegex();
}
