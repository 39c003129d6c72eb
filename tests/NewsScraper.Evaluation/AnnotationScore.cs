using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NewsScraper.Evaluation;

/// <summary>What the extractor said of one annotated page, in the shape the reference scorer reads.</summary>
internal sealed record AnnotationPrediction(Dateline? Dateline, IReadOnlyList<Disclaimer> Disclaimers, IReadOnlyList<TrendingLink> Trending);

/// <summary>
/// The dateline, disclaimer and trending scores of ../shared/corpora/annotations, computed exactly as its reference
/// scorer (score_annotations.py) computes them: the same normalisation of text and URLs, the same greedy one-to-one
/// matching of notes, the same micro averages and extras. A unit test checks the two agree on crafted cases.
/// </summary>
internal static partial class AnnotationScore
{
    public static JsonObject Score(IReadOnlyList<JsonElement> gold, IReadOnlyDictionary<string, AnnotationPrediction> predictions)
    {
        int dlGold = 0, dlLoc = 0, dlCity = 0, dlAgency = 0, dlText = 0, dlNeg = 0, dlFalse = 0;
        int nTp = 0, nFp = 0, nFn = 0, kindOk = 0, tTp = 0, tFp = 0, tFn = 0, titleOk = 0, bmHit = 0, bmSize = 0;
        var missing = 0;
        foreach (var page in gold)
        {
            var id = page.GetProperty("id").GetString()!;
            var baseUrl = Str(page, "url");
            if (!predictions.TryGetValue(id, out var prediction))
            {
                missing++;
                prediction = new AnnotationPrediction(null, [], []);
            }

            // Dateline.
            var goldDateline = page.TryGetProperty("dateline", out var gd) && gd.ValueKind == JsonValueKind.Object ? gd : (JsonElement?)null;
            var pd = prediction.Dateline;
            if (goldDateline is { } g)
            {
                dlGold++;
                var gl = NormText(Str(g, "location"));
                var pl = NormText(pd?.Location);
                dlLoc += pd is not null && gl == pl ? 1 : 0;
                if (pd is not null && gl.Split(',')[0].Trim() == pl.Split(',')[0].Trim())
                {
                    dlCity++;
                }

                dlAgency += pd is not null && NormText(Str(g, "agency")) == NormText(pd.Agency) ? 1 : 0;
                dlText += pd is not null && NormWs(Str(g, "text")) == NormWs(pd.Text) ? 1 : 0;
            }
            else
            {
                dlNeg++;
                dlFalse += pd is not null ? 1 : 0;
            }

            // Disclaimers.
            var goldNotes = Array(page, "disclaimers");
            var goldTexts = goldNotes.Select(n => NormText(Str(n, "text"))).ToList();
            var predTexts = prediction.Disclaimers.Select(d => NormText(d.Text)).ToList();
            var pairs = MatchNotes(goldTexts, predTexts);
            nTp += pairs.Count;
            nFp += predTexts.Count - pairs.Count;
            nFn += goldTexts.Count - pairs.Count;
            foreach (var (gi, pi) in pairs)
            {
                var predictedKind = JsonSerializer.Serialize(prediction.Disclaimers[pi].Kind, Serialization.NewsArticleJson.Compact).Trim('"');
                kindOk += NormText(Str(goldNotes[gi], "kind")) == NormText(predictedKind) ? 1 : 0;
            }

            // Trending.
            var goldUrls = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var modules = new List<HashSet<string>>();
            foreach (var module in Array(page, "trending"))
            {
                var urls = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in Array(module, "items"))
                {
                    var u = NormUrl(Str(item, "url"), baseUrl);
                    if (u.Length > 0)
                    {
                        if (!goldUrls.TryGetValue(u, out var titles))
                        {
                            goldUrls[u] = titles = new HashSet<string>(StringComparer.Ordinal);
                        }

                        titles.Add(NormWs(Str(item, "title")));
                        urls.Add(u);
                    }
                }

                modules.Add(urls);
            }

            var predItems = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in prediction.Trending)
            {
                var u = NormUrl(item.Url, baseUrl);
                if (u.Length > 0)
                {
                    predItems.TryAdd(u, NormWs(item.Title));
                }
            }

            var tp = predItems.Keys.Where(goldUrls.ContainsKey).ToList();
            tTp += tp.Count;
            tFp += predItems.Count - tp.Count;
            tFn += goldUrls.Count - tp.Count;
            titleOk += tp.Count(u => goldUrls[u].Contains(predItems[u]));
            (double Ratio, int Hit, int NegSize)? best = null;
            int bestHit = 0, bestSize = 0;
            foreach (var urls in modules.Where(m => m.Count > 0))
            {
                var hit = urls.Count(predItems.ContainsKey);
                var key = ((double)hit / urls.Count, hit, -urls.Count);
                if (best is null || key.CompareTo(best.Value) > 0)
                {
                    best = key;
                    (bestHit, bestSize) = (hit, urls.Count);
                }
            }

            bmHit += bestHit;
            bmSize += bestSize;
        }

        var (dp, dr, df) = Prf(nTp, nFp, nFn);
        var (tpr, trr, tff) = Prf(tTp, tFp, tFn);
        return new JsonObject
        {
            ["pages"] = gold.Count,
            ["missing"] = missing,
            ["dateline.goldPages"] = dlGold,
            ["dateline.location"] = Ratio(dlLoc, dlGold),
            ["dateline.city"] = Ratio(dlCity, dlGold),
            ["dateline.agency"] = Ratio(dlAgency, dlGold),
            ["dateline.textExact"] = Ratio(dlText, dlGold),
            ["dateline.negativePages"] = dlNeg,
            ["dateline.falseRate"] = Ratio(dlFalse, dlNeg),
            ["dateline.trueNegativeRate"] = dlNeg == 0 ? null : 1 - ((double)dlFalse / dlNeg),
            ["disclaimers.tp"] = nTp,
            ["disclaimers.fp"] = nFp,
            ["disclaimers.fn"] = nFn,
            ["disclaimers.precision"] = dp,
            ["disclaimers.recall"] = dr,
            ["disclaimers.f1"] = df,
            ["disclaimers.kindAgreement"] = Ratio(kindOk, nTp),
            ["trending.tp"] = tTp,
            ["trending.fp"] = tFp,
            ["trending.fn"] = tFn,
            ["trending.precision"] = tpr,
            ["trending.recall"] = trr,
            ["trending.f1"] = tff,
            ["trending.titleExact"] = Ratio(titleOk, tTp),
            ["trending.bestModuleRecall"] = Ratio(bmHit, bmSize),
        };
    }

    /// <summary>The scorer's three lines, as score_annotations.py prints them.</summary>
    public static IEnumerable<string> Lines(JsonObject s)
    {
        yield return Invariant($"dateline     location acc {F(s["dateline.location"])} over {s["dateline.goldPages"]} pages  (city-only {F(s["dateline.city"])}, agency {F(s["dateline.agency"])}, exact text {F(s["dateline.textExact"])});  false-dateline rate {F(s["dateline.falseRate"])} over {s["dateline.negativePages"]} pages");
        yield return Invariant($"disclaimers  P {F(s["disclaimers.precision"])}  R {F(s["disclaimers.recall"])}  F1 {F(s["disclaimers.f1"])}  (tp {s["disclaimers.tp"]} fp {s["disclaimers.fp"]} fn {s["disclaimers.fn"]}; kind agreement {F(s["disclaimers.kindAgreement"])})");
        yield return Invariant($"trending     P {F(s["trending.precision"])}  R {F(s["trending.recall"])}  F1 {F(s["trending.f1"])}  (tp {s["trending.tp"]} fp {s["trending.fp"]} fn {s["trending.fn"]}; title exact {F(s["trending.titleExact"])}; best-single-module recall {F(s["trending.bestModuleRecall"])})");
    }

    /// <summary>Whitespace runs (NBSP included) become one space; the ends are trimmed.</summary>
    public static string NormWs(string? s) => WsRegex().Replace((s ?? string.Empty).Replace('\u00A0', ' '), " ").Trim();

    /// <summary>NFC, whitespace-normalised and case-folded, as Python's <c>casefold</c> for the text notes hold.</summary>
    public static string NormText(string? s) => NormWs(s).Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace("\u00DF", "ss", StringComparison.Ordinal);

    /// <summary>
    /// The reference scorer's URL normalisation: resolved against the page, scheme and host lower-cased, default port,
    /// fragment and trailing slashes dropped, query kept, the rest as written.
    /// </summary>
    public static string NormUrl(string? url, string? baseUrl)
    {
        url = (url ?? string.Empty).Trim();
        if (url.Length == 0)
        {
            return string.Empty;
        }

        if (baseUrl is not null && !SchemeRegex().IsMatch(url) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, url, out var resolved))
        {
            url = resolved.OriginalString.Length > 0 && SchemeRegex().IsMatch(resolved.OriginalString) ? resolved.OriginalString : resolved.AbsoluteUri;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var match = SplitRegex().Match(url);
        if (!match.Success)
        {
            return url.TrimEnd('/');
        }

        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        var netloc = match.Groups["netloc"].Value;
        var path = match.Groups["path"].Value.TrimEnd('/');
        var query = match.Groups["query"].Success ? match.Groups["query"].Value : string.Empty;
        var at = netloc.LastIndexOf('@');
        var userInfo = at >= 0 ? netloc[..at] : null;
        var hostPort = at >= 0 ? netloc[(at + 1)..] : netloc;
        var colon = hostPort.LastIndexOf(':');
        var host = (colon >= 0 && !hostPort.EndsWith(']') ? hostPort[..colon] : hostPort).ToLowerInvariant();
        if (colon >= 0 && int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && !((scheme == "http" && port == 80) || (scheme == "https" && port == 443)))
        {
            host = $"{host}:{port}";
        }

        if (userInfo is not null)
        {
            host = userInfo + "@" + host;
        }

        var result = scheme + "://" + host + path + (query.Length > 0 ? "?" + query : string.Empty);
        return result.TrimEnd('/');
    }

    /// <summary>Greedy one-to-one matching of notes that contain one another, longest overlap first.</summary>
    public static List<(int Gold, int Pred)> MatchNotes(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var candidates = new List<(int Length, int Gold, int Pred)>();
        for (var gi = 0; gi < gold.Count; gi++)
        {
            for (var pi = 0; pi < predicted.Count; pi++)
            {
                var g = gold[gi];
                var p = predicted[pi];
                if (g.Length > 0 && p.Length > 0 && (p.Contains(g, StringComparison.Ordinal) || g.Contains(p, StringComparison.Ordinal)))
                {
                    candidates.Add((Math.Min(g.Length, p.Length), gi, pi));
                }
            }
        }

        candidates.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Gold != b.Gold ? a.Gold.CompareTo(b.Gold) : a.Pred.CompareTo(b.Pred));
        var usedGold = new HashSet<int>();
        var usedPred = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var (_, gi, pi) in candidates)
        {
            if (usedGold.Contains(gi) || usedPred.Contains(pi))
            {
                continue;
            }

            usedGold.Add(gi);
            usedPred.Add(pi);
            pairs.Add((gi, pi));
        }

        return pairs;
    }

    private static (double P, double R, double F) Prf(int tp, int fp, int fn)
    {
        var p = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
        var r = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        return (p, r, f);
    }

    private static double? Ratio(int a, int b) => b == 0 ? null : (double)a / b;

    private static string F(JsonNode? value) => value is null ? "n/a" : value.GetValue<double>().ToString("F3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WsRegex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<netloc>[^/?]*)(?<path>[^?]*)(?:\?(?<query>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex SplitRegex();
}
