using System.Text;
using NewsScraper.Extraction;

namespace NewsScraper.Tests.Extraction;

/// <summary>The encoding sniffing that runs before the parse: byte order mark, Content-Type, meta, then UTF-8 or windows-1252.</summary>
public sealed class PageDecoderTests
{
    private static readonly Encoding Western = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly Encoding Russian = CodePagesEncodingProvider.Instance.GetEncoding("koi8-r")!;

    /// <summary>The page's text as the extractor gets it: decoded into a pooled buffer (returned here), with its encoding.</summary>
    private static (string Text, PageEncoding Encoding) Decode(byte[] bytes, string? contentType)
    {
        var (buffer, length, encoding) = PageDecoder.DecodeRented(bytes, contentType);
        var text = new string(buffer, 0, length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return (text, encoding);
    }

    [Test]
    public void Decode_Utf8ByteOrderMark_WinsOverEverythingAndIsDropped()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<meta charset=koi8-r><p>Caf\u00E9</p>")];

        var decoded = Decode(bytes, "text/html; charset=windows-1252");

        Assert.That(decoded.Encoding.Source, Is.EqualTo("byte order mark"));
        Assert.That(decoded.Text, Is.EqualTo("<meta charset=koi8-r><p>Caf\u00E9</p>"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Decode_Utf16ByteOrderMarks(bool littleEndian)
    {
        var encoding = littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode;
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("<p>\u65E5\u672C</p>")];

        var decoded = Decode(bytes, contentType: null);

        Assert.That(decoded.Text, Is.EqualTo("<p>\u65E5\u672C</p>"));
        Assert.That(decoded.Encoding.Encoding.CodePage, Is.EqualTo(encoding.CodePage));
    }

    [Test]
    public void Decode_ContentTypeCharset_WinsOverTheMeta()
    {
        var bytes = Western.GetBytes("<meta charset=\"koi8-r\"><p>Caf\u00E9 \u20AC</p>");

        var decoded = Decode(bytes, "text/html;charset=\"ISO-8859-1\"");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded.Encoding.Source, Is.EqualTo("content-type"));

            // The standard's label table: ISO-8859-1 is windows-1252 (0x80 is the euro sign).
            Assert.That(decoded.Encoding.Encoding.WebName, Is.EqualTo("windows-1252"));
            Assert.That(decoded.Text, Does.Contain("Caf\u00E9 \u20AC"));
        }
    }

    [Test]
    public void Decode_UnknownContentTypeCharset_FallsThroughToTheMeta()
    {
        var bytes = Russian.GetBytes("<head><meta charset=koi8-r></head><p>\u041F\u0440\u0438\u0432\u0435\u0442</p>");

        var decoded = Decode(bytes, "text/html; charset=no-such-charset");

        Assert.That(decoded.Encoding.Source, Is.EqualTo("meta"));
        Assert.That(decoded.Text, Does.Contain("\u041F\u0440\u0438\u0432\u0435\u0442"));
    }

    [TestCase("<meta charset=\"koi8-r\">")]
    [TestCase("<meta charset='KOI8-R' />")]
    [TestCase("<META CHARSET=koi8-r>")]
    [TestCase("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">")]
    [TestCase("<meta content='text/html; charset=\"koi8-r\"' http-equiv='content-type'>")]
    public void Decode_MetaDeclarations(string meta)
    {
        var bytes = Russian.GetBytes($"<!DOCTYPE html><html><head>{meta}<title>\u041D\u043E\u0432\u043E\u0441\u0442\u0438</title></head></html>");

        var decoded = Decode(bytes, "text/html");

        Assert.That(decoded.Encoding.Source, Is.EqualTo("meta"));
        Assert.That(decoded.Text, Does.Contain("<title>\u041D\u043E\u0432\u043E\u0441\u0442\u0438</title>"));
    }

    [Test]
    public void Decode_SingleByteMetaOverValidUtf8_ReadsUtf8AndWarns()
    {
        var bytes = Encoding.UTF8.GetBytes("<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><h1>10 GB jetzt f\u00FCr nur 5,99 \u20AC</h1>");

        var decoded = Decode(bytes, contentType: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded.Text, Does.Contain("f\u00FCr nur 5,99 \u20AC"));
            Assert.That(decoded.Encoding.Source, Does.StartWith("utf-8 (the meta declared windows-1252"));
            Assert.That(decoded.Encoding.Warning, Does.Contain("declares windows-1252").And.Contain("read as UTF-8"));
        }
    }

    [Test]
    public void Decode_SingleByteMetaOverValidUtf8_TheHttpHeaderStillWins()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=iso-8859-1><p>f\u00FCr</p>");

        var decoded = Decode(bytes, "text/html; charset=iso-8859-1");

        Assert.That(decoded.Encoding.Source, Is.EqualTo("content-type"));
        Assert.That(decoded.Text, Does.Contain("f\u00C3\u00BCr"));
    }

    [Test]
    public void Decode_SingleByteMetaOverSingleBytePage_ReadsAsDeclaredWithoutWarning()
    {
        var decoded = Decode(Western.GetBytes("<meta charset=iso-8859-1><p>Caf\u00E9 cr\u00E8me</p>"), contentType: null);

        Assert.That(decoded.Encoding.Source, Is.EqualTo("meta"));
        Assert.That(decoded.Encoding.Warning, Is.Null);
        Assert.That(decoded.Text, Does.Contain("Caf\u00E9 cr\u00E8me"));
    }

    [Test]
    public void Decode_MetaWithoutHttpEquiv_ContentIsNotADeclaration()
    {
        var bytes = Western.GetBytes("<meta name=\"description\" content=\"charset=koi8-r\"><p>Caf\u00E9</p>");

        var decoded = Decode(bytes, contentType: null);

        Assert.That(decoded.Encoding.Source, Is.EqualTo("windows-1252 (undeclared)"));
    }

    [Test]
    public void Decode_MetaAfterALongHeadScript_IsFound()
    {
        // Past the standard's 1,024-byte prescan, as on pages that inline their scripts before the declaration.
        var script = $"<script>var config = \"{new string('x', 5000)}\"; document.write('<meta charset=\"utf-8\">');</script>";
        var bytes = Russian.GetBytes($"<html><head>{script}<!-- <meta charset=\"iso-8859-2\"> --><meta charset=\"koi8-r\"></head><p>\u0414\u0430</p></html>");

        var decoded = Decode(bytes, contentType: null);

        using (Assert.EnterMultipleScope())
        {
            // Neither the meta written by the script nor the one in the comment counts.
            Assert.That(decoded.Encoding.Encoding.WebName, Is.EqualTo("koi8-r"));
            Assert.That(decoded.Text, Does.Contain("<p>\u0414\u0430</p>"));
        }
    }

    [Test]
    public void Decode_MetaNamingUtf16_MeansUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"utf-16\"><p>na\u00EFve</p>");

        var decoded = Decode(bytes, contentType: null);

        Assert.That(decoded.Encoding.Encoding.CodePage, Is.EqualTo(Encoding.UTF8.CodePage));
        Assert.That(decoded.Text, Does.Contain("na\u00EFve"));
    }

    [Test]
    public void Decode_UndeclaredValidUtf8_IsUtf8EvenWhenCutInsideACharacter()
    {
        var full = Encoding.UTF8.GetBytes("<p>\u00C9t\u00E9 \u65E5</p>\u65E5");
        var cut = full[..^1];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Decode(full, null).Encoding.Source, Is.EqualTo("utf-8 (undeclared)"));
            Assert.That(Decode(cut, null).Encoding.Source, Is.EqualTo("utf-8 (undeclared)"));
            Assert.That(Decode(cut, null).Text, Does.StartWith("<p>\u00C9t\u00E9 \u65E5</p>"));
        }
    }

    [Test]
    public void Decode_UndeclaredLegacyBytes_AreWindows1252NotReplacementCharacters()
    {
        var bytes = Western.GetBytes("<h1>Caf\u00E9 \u2013 r\u00E9sum\u00E9</h1>");

        var decoded = Decode(bytes, contentType: null);

        Assert.That(decoded.Encoding.Source, Is.EqualTo("windows-1252 (undeclared)"));
        Assert.That(decoded.Text, Is.EqualTo("<h1>Caf\u00E9 \u2013 r\u00E9sum\u00E9</h1>"));
    }

    [TestCase("")]
    [TestCase("<")]
    [TestCase("<meta")]
    [TestCase("<meta charset=")]
    [TestCase("<meta charset=\"koi8-r")]
    [TestCase("<!--")]
    [TestCase("<script><meta charset=koi8-r>")]
    [TestCase("</>")]
    [TestCase("<meta http-equiv=content-type content=\"charset=\">")]
    public void Decode_BrokenMarkup_NeverThrows(string html)
    {
        Assert.That(() => Decode(Encoding.ASCII.GetBytes(html), "text/html; charset="), Throws.Nothing);
    }

    [Test]
    public async Task Extract_UndeclaredLegacyPage_ReadsTheTextAndSaysHow()
    {
        var bytes = Western.GetBytes(
            "<html><head><title>Caf\u00E9 owners fight r\u00E9sum\u00E9 fraud</title></head><body><article>" +
            "<h1>Caf\u00E9 owners fight r\u00E9sum\u00E9 fraud</h1>" +
            string.Concat(Enumerable.Repeat("<p>The na\u00EFve applicants wrote their r\u00E9sum\u00E9s in the caf\u00E9, and the owners found out later that week.</p>", 4)) +
            "</article></body></html>");

        var article = await new ArticleExtractor().ExtractAsync(bytes, new Uri("https://news.example/cafe"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(article.Headline, Is.EqualTo("Caf\u00E9 owners fight r\u00E9sum\u00E9 fraud"));
            Assert.That(article.Body.Text, Does.Contain("na\u00EFve applicants"));
            Assert.That(article.Warnings, Has.Some.Contains("read as windows-1252"));
        }
    }
}
