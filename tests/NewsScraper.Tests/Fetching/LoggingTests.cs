using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsScraper.Tests.Fetching;

/// <summary>What the scraper logs through ILogger, captured by a provider written for this test.</summary>
public sealed class LoggingTests
{
    [Test]
    public async Task Scrape_LogsFetchesFailuresAndRobotsRefusals()
    {
        var provider = new CapturingProvider();
        await using var server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private", "text/plain"));
            app.MapGet("/ok", () => Results.Text("<html><body><h1>A story title here</h1><p>Some text.</p></body></html>", "text/html"));
            app.MapGet("/missing", () => Results.NotFound());
        });
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        services.AddNewsScraper(o =>
        {
            o.MinDelayPerHost = TimeSpan.Zero;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var built = services.BuildServiceProvider();
        var scraper = built.GetRequiredService<INewsScraper>();

        await scraper.ScrapeAsync(server.Url("/ok"));
        await foreach (var _ in scraper.ScrapeManyAsync([server.Url("/missing"), server.Url("/private/a")]))
        {
        }

        var messages = provider.Messages.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(messages, Has.Some.Matches<(LogLevel Level, string Text)>(m => m.Level == LogLevel.Debug && m.Text.StartsWith("Fetched ", StringComparison.Ordinal) && m.Text.Contains("/ok", StringComparison.Ordinal)));
            Assert.That(messages, Has.Some.Matches<(LogLevel Level, string Text)>(m => m.Level == LogLevel.Warning && m.Text.Contains("/missing failed (HttpStatus)", StringComparison.Ordinal)));
            Assert.That(messages, Has.Some.Matches<(LogLevel Level, string Text)>(m => m.Level == LogLevel.Information && m.Text.Contains("robots.txt does not allow", StringComparison.Ordinal)));
            Assert.That(messages, Has.Some.Matches<(LogLevel Level, string Text)>(m => m.Text.StartsWith("Extracted ", StringComparison.Ordinal)));
        }
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("NewsScraper", StringComparison.Ordinal) ? new Capturing(Messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<(LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
