using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsScraper.Fetching;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Fetching;

/// <summary>The private-network guard, the non-DI entry point, and pages in legacy encodings (real bytes, written here).</summary>
public sealed class SafetyAndCharsetTests
{
    static SafetyAndCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public async Task Create_BlockPrivateNetworks_RefusesALoopbackHost()
    {
        await using var server = await LocalServer.StartAsync(app => app.MapGet("/page", () => Results.Text("<h1>Local</h1>", "text/html")));
        await using var guarded = NewsScraperClient.Create(o =>
        {
            o.BlockPrivateNetworks = true;
            o.MinDelayPerHost = TimeSpan.Zero;
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var open = NewsScraperClient.Create(o => o.MinDelayPerHost = TimeSpan.Zero);

        var error = Assert.ThrowsAsync<NewsScraperException>(() => guarded.ScrapeAsync(server.Url("/page")));
        var article = await open.ScrapeAsync(server.Url("/page"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Kind, Is.EqualTo(ScrapeErrorKind.BlockedAddress));
            Assert.That(article.Headline, Is.EqualTo("Local"));
        }
    }

    [TestCase("127.0.0.1", true)]
    [TestCase("10.1.2.3", true)]
    [TestCase("172.20.0.1", true)]
    [TestCase("192.168.1.1", true)]
    [TestCase("169.254.169.254", true)]
    [TestCase("100.64.0.1", true)]
    [TestCase("::1", true)]
    [TestCase("fe80::1", true)]
    [TestCase("fd00::1", true)]
    [TestCase("::ffff:10.0.0.1", true)]
    [TestCase("93.184.216.34", false)]
    [TestCase("2606:2800:220:1:248:1893:25c8:1946", false)]
    public void IsPrivate_Addresses(string address, bool expected)
    {
        Assert.That(AddressGuard.IsPrivate(IPAddress.Parse(address)), Is.EqualTo(expected));
    }

    [Test]
    public void Create_InvalidOptions_ThrowsAtCreation()
    {
        Assert.Throws<OptionsValidationException>(() => NewsScraperClient.Create(o => o.MaxConcurrencyPerHost = 0));
    }

    [TestCase("shift_jis", "\u65E5\u672C\u8A9E\u306E\u30CB\u30E5\u30FC\u30B9\u8A18\u4E8B")]
    [TestCase("gb18030", "\u4E2D\u6587\u65B0\u95FB\u62A5\u9053\u6807\u9898")]
    [TestCase("euc-kr", "\uD55C\uAD6D\uC5B4 \uB274\uC2A4 \uAE30\uC0AC \uC81C\uBAA9")]
    [TestCase("koi8-r", "\u0420\u0443\u0441\u0441\u043A\u0438\u0439 \u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A \u043D\u043E\u0432\u043E\u0441\u0442\u0438")]
    [TestCase("iso-8859-2", "\u017B\u00F3\u0142ta \u0142\u00F3d\u017A na \u015Bwi\u0119tej rzece")]
    [TestCase("windows-1252", "Caf\u00E9 society \u2013 r\u00E9sum\u00E9s")]
    public async Task Extract_LegacyEncodingDeclaredInMeta_IsDecoded(string charset, string headline)
    {
        var encoding = Encoding.GetEncoding(charset);
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"><title>{headline}</title></head><body><article><h1>{headline}</h1>{Pages.Paragraphs(3)}</article></body></html>";
        var bytes = encoding.GetBytes(html);
        Assert.That(bytes.Length, Is.Not.EqualTo(Encoding.UTF8.GetByteCount(html)), "the test page is not plain ASCII");

        var article = await new NewsScraper.Extraction.ArticleExtractor().ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://news.example.com/legacy"), Pages.Now));

        Assert.That(article.Headline, Is.EqualTo(headline));
    }

    [Test]
    public async Task Extract_HttpHeaderCharset_WinsOverTheMetaTag()
    {
        const string headline = "\u0420\u0443\u0441\u0441\u043A\u0438\u0439 \u0437\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A";
        var bytes = Encoding.GetEncoding("windows-1251").GetBytes($"<html><head><meta charset=\"iso-8859-1\"><title>{headline}</title></head><body><h1>{headline}</h1>{Pages.Paragraphs(2)}</body></html>");

        var article = await new NewsScraper.Extraction.ArticleExtractor().ExtractAsync(
            WebPage.FromBytes(bytes, new Uri("https://news.example.com/ru"), Pages.Now, "text/html; charset=windows-1251"));

        Assert.That(article.Headline, Is.EqualTo(headline));
    }
}
