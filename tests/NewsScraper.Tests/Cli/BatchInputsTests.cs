using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsScraper.Cli;
using NewsScraper.Extraction;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Cli;

/// <summary>The CLI's batch on saved pages: list lines with the page's address, sources as given, the chosen format.</summary>
public sealed class BatchInputsTests
{
    private static string StoryPage(string title) => Pages.Article(string.Empty, $"<h1>{title}</h1>" + Pages.Paragraphs(4));

    private static async Task<(string Output, int ExitCode)> RunAsync(string folder, string list, params string[] args)
    {
        var listPath = Path.Combine(folder, "list.txt");
        await File.WriteAllTextAsync(listPath, list);
        await using var provider = TestServices.Build();
        var cli = CliOptions.Parse([listPath, .. args]);
        var inputs = await Batch.ReadInputsAsync(listPath, CancellationToken.None);
        var output = new StringWriter();
        var exitCode = await Batch.RunAsync(inputs, cli, provider.GetRequiredService<INewsScraper>(), provider.GetRequiredService<IArticleExtractor>(), output, CancellationToken.None);
        return (output.ToString(), exitCode);
    }

    [Test]
    public async Task ListLineWithPathTabUrl_ExtractsTheSavedPageWithItsAddress_AndKeepsTheSourceAsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("newsscraper-batch").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "pages"));
            await File.WriteAllTextAsync(Path.Combine(folder, "pages", "a.html"), StoryPage("Council funds new library"));
            await File.WriteAllTextAsync(Path.Combine(folder, "pages", "b.html"), StoryPage("Mayor opens the new bridge"));

            var (output, exitCode) = await RunAsync(folder, "pages/a.html\thttps://news.example.com/2024/03/05/council-funds-library\npages/b.html\n");

            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => l.GetProperty("source").GetString()!);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(exitCode, Is.Zero);
                Assert.That(lines.Keys, Is.EquivalentTo(new[] { "pages/a.html", "pages/b.html" }), "sources as written in the list");
                Assert.That(lines["pages/a.html"].GetProperty("url").GetString(), Is.EqualTo("https://news.example.com/2024/03/05/council-funds-library"));
                Assert.That(lines["pages/a.html"].GetProperty("timestamps").GetProperty("published").GetProperty("value").GetString(), Does.StartWith("2024-03-05"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("text", "==> pages/a.html <==")]
    [TestCase("markdown", "<!-- source: pages/a.html -->")]
    public async Task FormatInABatch_IsHonoured(string format, string heading)
    {
        var folder = Directory.CreateTempSubdirectory("newsscraper-batch").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "pages"));
            await File.WriteAllTextAsync(Path.Combine(folder, "pages", "a.html"), StoryPage("Council funds new library"));

            var (output, _) = await RunAsync(folder, "pages/a.html\npages/missing.html\n", "--format", format);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(output, Does.Contain(heading));
                Assert.That(output, Does.Contain("Council funds new library"));
                Assert.That(output, Does.Contain("error (io)"));
                Assert.That(output.TrimStart(), Does.Not.StartWith("{"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
