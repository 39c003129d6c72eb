using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using NewsScraper;
using NewsScraper.Evaluation;
using NewsScraper.Extraction;
using NewsScraper.Serialization;

// Runs the extractor over corpora in the shape of ../shared/corpora and prints per-field scores.
//   dotnet run --project tests/NewsScraper.Evaluation -c Release -- [--corpora DIR] [--corpus a,b] [--out DIR]
//       [--worst N] [--limit N] [--json] [--gate FLOORS.json] [--verify-reference] [--split train|validation]
// --strip-structured removes JSON-LD and meta tags (but the charset) from every page first: how the metadata holds on
// pages without structured data (older pages, blogs, small sites).
// --split keeps one half of the site-disjoint split (Split.cs): develop a rule on one half, judge it on the other.
var corporaRoot = Corpus.DefaultRoot;
string[]? only = null;
string? outDir = null;
string? gatePath = null;
var worst = 5;
int? limit = null;
var json = false;
var verify = false;
string? split = null;
var stripStructured = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpora": corporaRoot = Path.GetFullPath(args[++i]); break;
        case "--corpus": only = args[++i].Split(','); break;
        case "--out": outDir = args[++i]; break;
        case "--worst": worst = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--limit": limit = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--json": json = true; break;
        case "--gate": gatePath = args[++i]; break;
        case "--verify-reference": verify = true; break;
        case "--strip-structured": stripStructured = true; break;
        case "--split" when i + 1 < args.Length && args[i + 1] is Split.Train or Split.Validation: split = args[++i]; break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}");
            return 2;
    }
}

if (!Directory.Exists(corporaRoot))
{
    await Console.Error.WriteLineAsync($"no corpora at {corporaRoot}");
    return 2;
}

var exitCode = 0;
if (verify)
{
    exitCode = ReferenceCheck.Run(Path.Combine(corporaRoot, "scrapinghub", "reference-metric-values.json"));
}

var extractor = new ArticleExtractor();
var parser = new HtmlParser();
var results = new JsonObject();
foreach (var name in Corpus.Names(corporaRoot).Where(n => only is null || only.Contains(n)))
{
    var pages = Corpus.Load(Path.Combine(corporaRoot, name), limit);
    if (split is not null)
    {
        pages.RemoveAll(p => Split.Of(p) != split);
    }

    var bodyScores = new List<(GoldPage Page, PageScore Score)>();
    int headlines = 0, headlineExact = 0, headlineRelaxed = 0, authorPages = 0, authorsRight = 0, creditedRight = 0, datePages = 0, sameDay = 0, instantPages = 0, instantRight = 0;
    double parseMs = 0, extractMs = 0;
    var stages = new Dictionary<string, TimeSpan>();
    var failures = 0;
    var emptyBodies = new List<string>();
    StreamWriter? records = null;
    if (outDir is not null)
    {
        Directory.CreateDirectory(outDir);
        records = new StreamWriter(Path.Combine(outDir, name + ".jsonl"));
    }

    foreach (var page in pages)
    {
        var bytes = stripStructured ? StructuredData.Strip(page.ReadBytes()) : page.ReadBytes();
        var url = page.Address;
        var watch = Stopwatch.StartNew();
        using (var document = parser.ParseDocument(new MemoryStream(bytes)))
        {
            parseMs += watch.Elapsed.TotalMilliseconds;
        }

        NewsArticle article;
        watch.Restart();
        try
        {
            article = await extractor.ExtractAsync(WebPage.FromBytes(bytes, url), stages);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures++;
            await Console.Error.WriteLineAsync($"{name}/{page.Id}: {ex.GetType().Name}: {ex.Message}");
            continue;
        }

        extractMs += watch.Elapsed.TotalMilliseconds;
        if (records is not null)
        {
            var line = JsonNode.Parse(NewsArticleJson.Serialize(article, indented: false))!.AsObject();
            line.Insert(0, "id", page.Id);
            await records.WriteLineAsync(line.ToJsonString(NewsArticleJson.Compact));
        }

        if (page.GoldString("body") is { } goldBody)
        {
            bodyScores.Add((page, BodyMetric.Score(goldBody, article.Body.Text)));
            if (article.Body.Text.Length == 0)
            {
                emptyBodies.Add(page.Id);
            }
        }

        var goldHeadline = page.GoldString("headline");
        if (goldHeadline is not null)
        {
            headlines++;
            headlineExact += MetadataMetrics.HeadlineExact(goldHeadline, article.Headline) ? 1 : 0;
            headlineRelaxed += MetadataMetrics.HeadlineRelaxed(goldHeadline, article.Headline) ? 1 : 0;
        }

        if (page.GoldStrings("authors") is { } goldAuthors)
        {
            authorPages++;
            authorsRight += MetadataMetrics.AuthorsEqual(goldAuthors, article.Authors) ? 1 : 0;
            creditedRight += MetadataMetrics.AuthorsEqual(goldAuthors, MetadataMetrics.Credited(article.Authors, article.Byline?.Organization)) ? 1 : 0;
        }

        if (page.GoldString("published") is { } goldPublished)
        {
            datePages++;
            sameDay += MetadataMetrics.SameDay(goldPublished, article.Timestamps.Published?.Value) ? 1 : 0;
            if (MetadataMetrics.ExactInstant(goldPublished, article.Timestamps.Published?.Value) is { } exact)
            {
                instantPages++;
                instantRight += exact ? 1 : 0;
            }
        }
    }

    records?.Dispose();
    var corpus = new JsonObject { ["pages"] = pages.Count, ["failures"] = failures };
    var lines = new List<string> { $"== {name}: {pages.Count} pages{(split is null ? string.Empty : $" ({split} half)")}, {failures} failed" };
    if (bodyScores.Count > 0)
    {
        var overall = BodyMetric.Aggregate([.. bodyScores.Select(s => s.Score)]);
        corpus["body.precision"] = Round(overall.Precision);
        corpus["body.recall"] = Round(overall.Recall);
        corpus["body.f1"] = Round(overall.F1);
        corpus["body.accuracy"] = Round(overall.Accuracy);
        corpus["body.nonEmpty"] = Round(1 - ((double)emptyBodies.Count / bodyScores.Count));
        lines.Add($"body      P {overall.Precision:F4}  R {overall.Recall:F4}  F1 {overall.F1:F4}  accuracy {overall.Accuracy:F4}  empty {emptyBodies.Count} of {bodyScores.Count}"
            + (emptyBodies.Count > 0 ? $" ({string.Join(", ", emptyBodies.Take(10))})" : string.Empty));
        var worstPages = bodyScores.OrderBy(s => s.Score.F1).Take(worst).ToList();
        corpus["worst"] = new JsonArray([.. worstPages.Select(w => (JsonNode)new JsonObject
        {
            ["id"] = w.Page.Id, ["url"] = w.Page.Url, ["f1"] = Round(w.Score.F1), ["precision"] = Round(w.Score.Precision), ["recall"] = Round(w.Score.Recall),
        })]);
        foreach (var w in worstPages)
        {
            lines.Add($"  worst   F1 {w.Score.F1:F3} P {w.Score.Precision:F3} R {w.Score.Recall:F3}  {w.Page.Id[..Math.Min(16, w.Page.Id.Length)]}  {w.Page.Url}");
        }
    }

    if (headlines > 0)
    {
        corpus["headline.exact"] = Round((double)headlineExact / headlines);
        corpus["headline.relaxed"] = Round((double)headlineRelaxed / headlines);
        lines.Add($"headline  exact {(double)headlineExact / headlines:F4}  relaxed {(double)headlineRelaxed / headlines:F4}  ({headlines} pages)");
    }

    if (authorPages > 0)
    {
        corpus["authors"] = Round((double)authorsRight / authorPages);
        corpus["authors.credited"] = Round((double)creditedRight / authorPages);
        lines.Add($"authors   set-equal {(double)authorsRight / authorPages:F4}  ({authorPages} pages); credited {(double)creditedRight / authorPages:F4} (the byline's organisation counted where no person is named)");
    }

    if (datePages > 0)
    {
        corpus["published.sameDay"] = Round((double)sameDay / datePages);
        if (instantPages > 0)
        {
            corpus["published.exactInstant"] = Round((double)instantRight / instantPages);
        }

        lines.Add($"published same-day {(double)sameDay / datePages:F4}  ({datePages} pages)" + (instantPages > 0 ? $"; exact instant {(double)instantRight / instantPages:F4} ({instantPages} pages)" : string.Empty));
    }

    var n = Math.Max(1, pages.Count - failures);
    corpus["ms.parse"] = Round(parseMs / n);
    corpus["ms.extract"] = Round(extractMs / n);
    lines.Add($"speed     AngleSharp parse {parseMs / n:F2} ms/page; full extraction (parse + every field) {extractMs / n:F2} ms/page ({extractMs / Math.Max(parseMs, 0.001):F2}x), one thread");
    var bodyStage = stages.GetValueOrDefault("body").TotalMilliseconds / n;
    var parseStage = stages.GetValueOrDefault("parse").TotalMilliseconds / n;
    var inputStage = stages.GetValueOrDefault("input").TotalMilliseconds / n;
    corpus["ms.bodyStage"] = Round(bodyStage);
    lines.Add($"stages    input guard + decoding {inputStage:F2}, parse inside extraction {parseStage:F2} ms/page; body stage (container + blocks + clean-up) {bodyStage:F2} ms/page; "
        + $"slowest other: {string.Join(", ", stages.Where(s => s.Key is not ("input" or "parse" or "body")).OrderByDescending(s => s.Value).Take(3).Select(s => $"{s.Key} {s.Value.TotalMilliseconds / n:F2}"))} ms/page");
    results[name] = corpus;
    if (!json)
    {
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}

// Datelines, disclaimers and trending links on the hand-annotated pages, scored as score_annotations.py scores them.
var annotationsGold = Path.Combine(corporaRoot, "annotations", "gold.jsonl");
if (File.Exists(annotationsGold) && (only is null || only.Contains("annotations")))
{
    var gold = File.ReadLines(annotationsGold).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonDocument.Parse(l).RootElement.Clone())
        .Where(g => split is null || Split.Of(g.TryGetProperty("url", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null, g.GetProperty("id").GetString()!) == split)
        .ToList();
    var predictions = new Dictionary<string, AnnotationPrediction>(StringComparer.Ordinal);
    if (outDir is not null)
    {
        Directory.CreateDirectory(outDir);
    }

    StreamWriter? predictionLines = outDir is null ? null : new StreamWriter(Path.Combine(outDir, "annotations-pred.jsonl"));
    foreach (var page in gold)
    {
        var id = page.GetProperty("id").GetString()!;
        var path = Path.Combine(corporaRoot, page.GetProperty("corpus").GetString()!, "pages", id + ".html.gz");
        if (!File.Exists(path))
        {
            continue;
        }

        var goldPage = new GoldPage(id, page.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null, page, path);
        var article = await extractor.ExtractAsync(WebPage.FromBytes(goldPage.ReadBytes(), goldPage.Address));
        predictions[id] = new AnnotationPrediction(article.Dateline, article.Disclaimers, article.Trending);
        if (predictionLines is not null)
        {
            var line = new JsonObject
            {
                ["id"] = id,
                ["dateline"] = JsonNode.Parse(JsonSerializer.Serialize(article.Dateline, NewsArticleJson.Compact)),
                ["disclaimers"] = JsonNode.Parse(JsonSerializer.Serialize(article.Disclaimers, NewsArticleJson.Compact)),
                ["trending"] = JsonNode.Parse(JsonSerializer.Serialize(article.Trending, NewsArticleJson.Compact)),
            };
            await predictionLines.WriteLineAsync(line.ToJsonString(NewsArticleJson.Compact));
        }
    }

    predictionLines?.Dispose();
    var scores = AnnotationScore.Score(gold, predictions);
    if (!json)
    {
        Console.WriteLine($"== annotations: {gold.Count} pages, {predictions.Count} extracted (reference scorer: score_annotations.py)");
        foreach (var line in AnnotationScore.Lines(scores))
        {
            Console.WriteLine(line);
        }
    }

    var rounded = new JsonObject();
    foreach (var (key, value) in scores)
    {
        rounded[key] = value is JsonValue v && v.TryGetValue<double>(out var d) ? Round(d) : value?.DeepClone();
    }

    results["annotations"] = rounded;
}

if (json)
{
    Console.WriteLine(results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}

if (gatePath is not null)
{
    exitCode = Math.Max(exitCode, QualityGate.Check(gatePath, results));
}

return exitCode;

static double Round(double value) => Math.Round(value, 4);
