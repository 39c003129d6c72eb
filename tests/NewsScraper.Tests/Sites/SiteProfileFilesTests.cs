using System.Reflection;
using NewsScraper.Sites;

namespace NewsScraper.Tests.Sites;

/// <summary>Site profiles as JSON files: the documented example is the built-in profile, and bad files say what is wrong where.</summary>
public sealed class SiteProfileFilesTests
{
    private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "profiles", "devdiscourse.json");

    [Test]
    public void DocumentedExample_IsTheBuiltInDevdiscourseProfile()
    {
        var builtIn = SiteProfileFiles.Serialize(SiteProfiles.Devdiscourse);
        if (Environment.GetEnvironmentVariable("NEWSSCRAPER_ACCEPT_GOLDEN") == "1")
        {
            var source = typeof(SiteProfileFilesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ProfilesSourceDir").Value!;
            File.WriteAllText(Path.Combine(source, "devdiscourse.json"), builtIn + Environment.NewLine);
            Assert.Pass("written");
        }

        var loaded = SiteProfileFiles.LoadFile(ExamplePath);

        Assert.That(SiteProfileFiles.Serialize(loaded), Is.EqualTo(builtIn));
    }

    [TestCase("""{ "name": "x", "hosts": ["example.com"], "headlineSelector": "h1[" }""", "$.headlineSelector: 'h1[' is not a valid CSS selector")]
    [TestCase("""{ "name": "x", "hosts": ["example.com"], "byline": { "selector": ".by", "publishedPattern": "(" } }""", "$.byline.publishedPattern: not a valid regular expression")]
    [TestCase("""{ "name": "x", "hosts": ["example.com"], "timeZone": "Mars/Olympus" }""", "$.timeZone: 'Mars/Olympus' is not a time zone")]
    [TestCase("""{ "name": "x", "hosts": [] }""", "$.hosts: needs at least one host")]
    [TestCase("""{ "name": "x", "hosts": ["example.com"], "headlineSelectr": "h1" }""", "headlineSelectr")]
    [TestCase("""{ "hosts": ["example.com"] }""", "name")]
    [TestCase("""{ "name": "x", "hosts": ["example.com"], """, "$")]
    public void LoadFile_BadProfile_NamesTheFileTheFieldAndTheProblem(string json, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<SiteProfileException>(() => SiteProfileFiles.LoadFile(path));

            Assert.That(error!.Message, Does.StartWith(path).And.Contain(expected));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task LoadDirectory_ProfileFromAFile_IsUsedForItsHost()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "example.json"), """
                { "name": "example", "hosts": ["news.example.com"], "headlineSelector": ".story-title", "timeZone": "Europe/Berlin" }
                """);
            var profiles = SiteProfileFiles.LoadDirectory(directory);
            var extractor = new NewsScraper.Extraction.ArticleExtractor(new SiteProfileResolver([.. profiles, .. SiteProfiles.BuiltIn]));
            var html = "<html><body><h1>Section front</h1><div class=\"story-title\">The title from the profile</div><p>Text of the story, long enough to be the body of the article here.</p></body></html>";

            var article = await extractor.ExtractAsync(System.Text.Encoding.UTF8.GetBytes(html), new Uri("https://news.example.com/a"));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(article.Extractor, Is.EqualTo("example"));
                Assert.That(article.Headline, Is.EqualTo("The title from the profile"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
