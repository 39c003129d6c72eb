using NewsScraper.Cli;

namespace NewsScraper.Tests.Cli;

/// <summary>The sample CLI's command line, as System.CommandLine parses it.</summary>
public sealed class CliOptionsTests
{
    [Test]
    public void Parse_AllOptions_AreRead()
    {
        var cli = CliOptions.Parse(["urls.txt", "--format", "markdown", "--concurrency", "8", "--timeout", "2.5", "--delay", "0", "--no-robots", "--explain", "--profiles", "profiles", "-o", "out.jsonl", "--user-agent", "Bot/1"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Input, Is.EqualTo("urls.txt"));
            Assert.That(cli.Format, Is.EqualTo(OutputFormat.Markdown));
            Assert.That(cli.Concurrency, Is.EqualTo(8));
            Assert.That(cli.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(cli.Delay, Is.EqualTo(TimeSpan.Zero));
            Assert.That(cli.NoRobots && cli.Explain, Is.True);
            Assert.That(cli.Profiles, Is.EqualTo("profiles"));
            Assert.That(cli.Output, Is.EqualTo("out.jsonl"));
            Assert.That(cli.UserAgent, Is.EqualTo("Bot/1"));
        }
    }

    [TestCase(new[] { "--concurrency", "0" }, "--concurrency must be a number from 1 to 64")]
    [TestCase(new[] { "--timeout", "-1" }, "--timeout must be a number of seconds")]
    [TestCase(new[] { "page.html", "--url", "ftp://example.com/a" }, "--url needs an absolute http(s) URL")]
    [TestCase(new[] { "--format", "yaml" }, "yaml")]
    [TestCase(new[] { "--bogus" }, "--bogus")]
    [TestCase(new[] { "a.html", "b.html" }, "b.html")]
    public void Parse_UsageErrors_SayWhatIsWrong(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CliOptions.Parse(args));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Parse_NothingGiven_MeansTheBundledPage()
    {
        var cli = CliOptions.Parse([]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cli.Input, Is.Null);
            Assert.That(cli.Concurrency, Is.EqualTo(4));
        }
    }

    [Test]
    public async Task Help_NamesTheInstalledCommand()
    {
        using var output = new StringWriter();
        var parsed = CliOptions.CreateCommand().Parse(["--help"]);

        var code = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.Zero);
            Assert.That(output.ToString(), Does.Contain("Usage:" + Environment.NewLine + "  newsscraper [<input>] [options]"));
            Assert.That(output.ToString(), Does.Not.Contain("NewsScraper.Cli"));
        }
    }
}
