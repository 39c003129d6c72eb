using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsScraper.Extraction;
using NewsScraper.Sites;

namespace NewsScraper.Tests.DependencyInjection;

/// <summary>The DI builder and configuration binding, as a host application uses them.</summary>
public sealed class NewsScraperBuilderTests
{
    [Test]
    public async Task AddSiteProfile_ProfileIsUsedForItsHost()
    {
        var services = new ServiceCollection();
        services.AddNewsScraper().AddSiteProfile(new SiteProfile { Name = "example", Hosts = ["news.example.com"], HeadlineSelector = ".story-title" });
        await using var provider = services.BuildServiceProvider();

        var article = await provider.GetRequiredService<IArticleExtractor>().ExtractAsync(NewsScraper.WebPage.FromBytes(
            System.Text.Encoding.UTF8.GetBytes("<html><body><h1>Front</h1><div class=\"story-title\">Profile title</div></body></html>"), new Uri("https://news.example.com/a")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Extractor, Is.EqualTo("example"));
            Assert.That(article.Headline, Is.EqualTo("Profile title"));
        }
    }

    [Test]
    public async Task AddNewsScraper_FromConfiguration_ReadsTheOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsScraper:UserAgent"] = "ConfiguredBot/2.0",
            ["NewsScraper:MaxConcurrencyPerHost"] = "5",
            ["NewsScraper:MinDelayPerHost"] = "00:00:02.5",
            ["NewsScraper:RespectRobotsTxt"] = "false",
            ["NewsScraper:Extraction:MaxNestingDepth"] = "500",
        }).Build();
        var services = new ServiceCollection();
        services.AddNewsScraper(configuration.GetSection("NewsScraper"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NewsScraperOptions>>().Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.UserAgent, Is.EqualTo("ConfiguredBot/2.0"));
            Assert.That(options.MaxConcurrencyPerHost, Is.EqualTo(5));
            Assert.That(options.MinDelayPerHost, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(options.RespectRobotsTxt, Is.False);
            Assert.That(options.Extraction.MaxNestingDepth, Is.EqualTo(500));
        }
    }

    [Test]
    public async Task AddNewsScraper_UnreadableConfigurationValue_NamesTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxRetries"] = "three" }).Build();
        var services = new ServiceCollection();
        services.AddNewsScraper(configuration);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => _ = provider.GetRequiredService<IOptions<NewsScraperOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("'MaxRetries' = 'three'"));
    }

    [Test]
    public void AddNewsScraper_ReturnsTheHttpClientBuilderToo()
    {
        var builder = new ServiceCollection().AddNewsScraper();

        Assert.That(builder.HttpClient.Name, Is.EqualTo(NewsScraperDefaults.HttpClientName));
    }
}
