using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsScraper.Cli;
using NewsScraper.Tests.Fetching;

namespace NewsScraper.Tests.Cli;

/// <summary>A batch killed mid-way (a real process kill) and resumed writes every input exactly once.</summary>
public sealed class ResumeTests
{
    private static string Article(int i) =>
        $"<html><head><title>Story {i}</title></head><body><article><h1>Story number {i} of the batch</h1>"
        + string.Concat(Enumerable.Range(1, 3).Select(p => $"<p>Paragraph {p} of story {i}: the council met on Tuesday, and members agreed, after a long debate, to fund the library.</p>"))
        + "</article></body></html>";

    /// <summary>The CLI as built with the solution (artifacts/bin/NewsScraper.Cli/&lt;configuration&gt;/NewsScraper.Cli.dll).</summary>
    private static string CliPath()
    {
        var testOutput = Path.GetDirectoryName(typeof(ResumeTests).Assembly.Location)!;
        var configuration = Path.GetFileName(testOutput);
        var path = Path.GetFullPath(Path.Combine(testOutput, "..", "..", "NewsScraper.Cli", configuration, "NewsScraper.Cli.dll"));
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first: the CLI is run as its own process", path);
    }

    private static Process Start(string cli, string arguments)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{cli}\" {arguments}") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    [Test]
    public async Task KilledBatch_Resumed_WritesEveryInputExactlyOnce()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/story/{i:int}", async (int i) =>
        {
            await Task.Delay(100);
            return Results.Text(Article(i), "text/html; charset=utf-8");
        }));
        var folder = Directory.CreateTempSubdirectory("newsscraper-resume").FullName;
        try
        {
            var inputs = Enumerable.Range(0, 60).Select(i => server.Url($"/story/{i}").AbsoluteUri).ToList();
            var list = Path.Combine(folder, "list.txt");
            var output = Path.Combine(folder, "out.jsonl");
            await File.WriteAllLinesAsync(list, inputs);
            var cli = CliPath();
            var arguments = $"\"{list}\" --output \"{output}\" --delay 0 --concurrency 2 --no-robots";

            // First run: killed once some lines are written.
            using (var first = Start(cli, arguments))
            {
                var deadline = Stopwatch.StartNew();
                while (deadline.Elapsed < TimeSpan.FromSeconds(60) && (!File.Exists(output) || File.ReadAllLines(output).Length < 10))
                {
                    await Task.Delay(50);
                }

                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            var written = File.ReadAllLines(output).Length;
            Assert.That(written, Is.InRange(10, inputs.Count - 1), "the kill came mid-batch");

            // A line cut short by a crash is dropped and written again.
            await File.AppendAllTextAsync(output, "{\"source\":\"" + inputs[^1] + "\",\"headl");

            using (var second = Start(cli, arguments + " --resume"))
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
                await second.WaitForExitAsync(timeout.Token);
                Assert.That(second.ExitCode, Is.Zero);
            }

            var sources = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(sources, Is.EquivalentTo(inputs), "every input exactly once");
                Assert.That(sources.Distinct().Count(), Is.EqualTo(sources.Count));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ReadDone_DropsALineCutShort_AndReadsTheSources()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "{\"source\":\"a.html\",\"headline\":\"A\"}\n{\"source\":\"b.html\",\"error\":{\"kind\":\"io\",\"message\":\"x\"}}\n{\"source\":\"c.ht");

            var done = await Resume.ReadDoneAsync(path, CancellationToken.None);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(done, Is.EquivalentTo(new[] { "a.html", "b.html" }));
                Assert.That(await File.ReadAllTextAsync(path), Does.EndWith("}}\n"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
