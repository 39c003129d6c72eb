using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsScraper.Orleans;

/// <summary>
/// The cluster's own instruments, under the library's Meter and ActivitySource name (<see cref="NewsScraperTelemetry.Name"/>),
/// so a listener of "NewsScraper" sees the cluster's work beside the fetches and extractions every silo records.
/// </summary>
internal static class NewsScraperClusterTelemetry
{
    internal static readonly ActivitySource Source = new(NewsScraperTelemetry.Name);

    internal static readonly Meter Meter = new(NewsScraperTelemetry.Name);

    internal static readonly Counter<long> RobotsFetched = Meter.CreateCounter<long>("newsscraper.cluster.robots.fetched", "{file}", "robots.txt files fetched by host grains (once per host for the cluster).");

    internal static readonly Histogram<double> RobotsDuration = Meter.CreateHistogram<double>("newsscraper.cluster.robots.duration", "s", "Time to fetch a host's robots.txt.");

    internal static readonly Histogram<double> TurnWait = Meter.CreateHistogram<double>("newsscraper.cluster.turn.wait", "s", "Time a fetch waited for its turn at its host's grain.");

    internal static readonly Counter<long> Resubmitted = Meter.CreateCounter<long>("newsscraper.cluster.resubmitted", "{input}", "Inputs sent again because the silo working on them was lost.");
}
