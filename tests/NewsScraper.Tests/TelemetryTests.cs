using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsScraper.Fetching;
using NewsScraper.Tests.Fetching;

namespace NewsScraper.Tests;

/// <summary>Activities and metrics as an OpenTelemetry user would see them, through plain listeners.</summary>
[NonParallelizable]
public sealed class TelemetryTests
{
    [Test]
    public async Task Scrape_ReportsActivitiesAndCounters()
    {
        var activities = new List<string>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NewsScraperTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity.OperationName); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new Dictionary<string, long>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NewsScraperTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"/{t.Value}"));
            lock (measurements)
            {
                measurements[key] = measurements.GetValueOrDefault(key) + value;
            }
        });
        meterListener.Start();
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Text("<html><body><h1>A story title here</h1><p>Some text of the story.</p></body></html>", "text/html"));
            app.MapGet("/missing", () => Results.NotFound());
        });
        await using var scraper = NewsScraperClient.Create(o => o.MinDelayPerHost = TimeSpan.Zero);

        await scraper.ScrapeAsync(server.Url("/ok"));
        Assert.ThrowsAsync<HttpStatusException>(() => scraper.ScrapeAsync(server.Url("/missing")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(activities, Does.Contain("NewsScraper.Fetch").And.Contain("NewsScraper.Extract"));
            Assert.That(measurements.GetValueOrDefault("newsscraper.pages.fetched"), Is.GreaterThanOrEqualTo(1));
            Assert.That(measurements.GetValueOrDefault("newsscraper.pages.extracted"), Is.GreaterThanOrEqualTo(1));
            Assert.That(measurements.GetValueOrDefault("newsscraper.pages.failed/HttpStatus"), Is.GreaterThanOrEqualTo(1));
        }
    }
}
