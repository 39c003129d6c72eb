using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsScraper;

/// <summary>
/// What NewsScraper tells OpenTelemetry (or any <see cref="ActivityListener"/> and <see cref="MeterListener"/>): an
/// activity per fetch and per extraction, and counters and durations of pages fetched, extracted and failed (by kind).
/// Subscribe with <c>AddSource(NewsScraperTelemetry.Name)</c> and <c>AddMeter(NewsScraperTelemetry.Name)</c>.
/// </summary>
public static class NewsScraperTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "NewsScraper";

    internal static readonly ActivitySource Source = new(Name, typeof(NewsScraperTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(NewsScraperTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> PagesFetched = Meter.CreateCounter<long>("newsscraper.pages.fetched", "{page}", "Pages fetched with a 2xx answer.");

    internal static readonly Counter<long> PagesExtracted = Meter.CreateCounter<long>("newsscraper.pages.extracted", "{page}", "Pages turned into a record.");

    internal static readonly Counter<long> PagesFailed = Meter.CreateCounter<long>("newsscraper.pages.failed", "{page}", "Pages that failed, by error kind (tag kind).");

    internal static readonly Histogram<double> FetchDuration = Meter.CreateHistogram<double>("newsscraper.fetch.duration", "s", "Time to fetch a page, redirects and retries included.");

    internal static readonly Histogram<double> ExtractionDuration = Meter.CreateHistogram<double>("newsscraper.extraction.duration", "s", "Time to parse a page and extract its record.");

    internal static void Failed(ScrapeErrorKind kind) =>
        PagesFailed.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
}
