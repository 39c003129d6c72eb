using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsScraper.Serialization;

namespace NewsScraper.Cli;

/// <summary>Renders records as JSON, JSON Lines, plain text or Markdown.</summary>
internal static class Render
{
    public static string Article(NewsArticle article, OutputFormat format) => format switch
    {
        OutputFormat.Jsonl => NewsArticleJson.Serialize(article, indented: false),
        OutputFormat.Text => AsText(article, markdown: false),
        OutputFormat.Markdown => AsText(article, markdown: true),
        _ => NewsArticleJson.Serialize(article, indented: true),
    };

    /// <summary>One JSON Lines record: <c>source</c>, then the record's fields or <c>error: { kind, message }</c>.</summary>
    public static string BatchLine(string source, InputResult result)
    {
        var line = new JsonObject { ["source"] = source };
        if (result.Error is { } error)
        {
            line["error"] = new JsonObject { ["kind"] = KindName(error.Kind), ["message"] = error.Message };
        }
        else
        {
            var record = JsonNode.Parse(NewsArticleJson.Serialize(result.Article!, indented: false))!.AsObject();
            foreach (var (key, value) in record.ToList())
            {
                record.Remove(key);
                line[key] = value;
            }
        }

        return line.ToJsonString(NewsArticleJson.Compact);
    }

    /// <summary>One input of a batch in the chosen format: a JSON line, or for text and Markdown the record under a heading naming its source.</summary>
    public static string BatchItem(string source, InputResult result, OutputFormat format)
    {
        if (format is not (OutputFormat.Text or OutputFormat.Markdown))
        {
            return BatchLine(source, result);
        }

        var heading = format == OutputFormat.Markdown ? $"<!-- source: {source} -->" : $"==> {source} <==";
        var body = result.Error is { } error ? $"error ({KindName(error.Kind)}): {error.Message}" : Article(result.Article!, format);
        return $"{heading}{Environment.NewLine}{body}{Environment.NewLine}";
    }

    public static string KindName(ScrapeErrorKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static string AsText(NewsArticle a, bool markdown)
    {
        var b = new StringBuilder();
        var h = markdown ? "# " : string.Empty;
        var h2 = markdown ? "## " : string.Empty;
        b.AppendLine(CultureInfo.InvariantCulture, $"{h}{a.Headline ?? "(no headline)"}");
        if (a.Summary is not null)
        {
            b.AppendLine().AppendLine(markdown ? $"_{a.Summary}_" : a.Summary);
        }

        b.AppendLine();
        if (a.Byline is not null)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? "**Byline:** " : "Byline: ")}{a.Byline.Text}");
        }

        if (a.Dateline is not null)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? "**Dateline:** " : "Dateline: ")}{a.Dateline.Text}");
        }

        foreach (var (label, t) in new[] { ("Published", a.Timestamps.Published), ("Updated", a.Timestamps.Updated) })
        {
            if (t is not null)
            {
                var local = TimeZoneInfo.ConvertTime(t.Value, TimeZoneInfo.Local);
                b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? $"**{label}:** " : $"{label}: ")}{t.Value:yyyy-MM-dd HH:mm zzz} (page){(t.ZoneAssumed ? ", zone assumed" : string.Empty)}; {local:yyyy-MM-dd HH:mm zzz} (here)");
            }
        }

        b.AppendLine().AppendLine(markdown ? "---" : new string('-', 40)).AppendLine();
        foreach (var p in a.Body.Paragraphs)
        {
            b.AppendLine(p).AppendLine();
        }

        if (a.Disclaimers.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{h2}Disclaimers");
            foreach (var d in a.Disclaimers)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"- [{JsonNamingPolicy.KebabCaseLower.ConvertName(d.Kind.ToString())}] {d.Text}");
            }

            b.AppendLine();
        }

        if (a.Trending.Count > 0)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{h2}Trending");
            foreach (var t in a.Trending)
            {
                var title = markdown ? $"[{t.Title}]({t.Url})" : $"{t.Title} <{t.Url}>";
                b.AppendLine(CultureInfo.InvariantCulture, $"{t.Rank}. {title}{(t.Category is null ? string.Empty : $" ({t.Category})")}");
            }
        }

        return b.ToString().TrimEnd();
    }

    /// <summary>Where each field came from, and what the extractor could not do (for --explain).</summary>
    public static string Explain(NewsArticle a, bool markdown)
    {
        var b = new StringBuilder();
        b.AppendLine(markdown ? "## Where each field came from" : "Where each field came from:");
        b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? "- " : "  ")}extractor: {a.Extractor}");
        foreach (var (field, source) in a.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? "- " : "  ")}{field}: {source}");
        }

        if (a.Warnings.Count > 0)
        {
            b.AppendLine(markdown ? "\n## Warnings" : "Warnings:");
            foreach (var warning in a.Warnings)
            {
                b.AppendLine(CultureInfo.InvariantCulture, $"{(markdown ? "- " : "  ")}{warning}");
            }
        }

        return b.ToString().TrimEnd();
    }
}
