using System.IO.Compression;
using AngleSharp.Html.Parser;

// peer-consoles parse|parse-utf8|smartreader <directory>
// Reads every *.html and *.html.gz of the directory, one after the other, and either only parses it with AngleSharp (the
// parse floor: "parse" hands AngleSharp the bytes and lets it find the charset, as the benchmarks' floor does;
// "parse-utf8" decodes them as UTF-8 first, a lower floor that skips AngleSharp's charset sniffing and any restart of the
// parse it causes) or runs SmartReader on it; prints how many pages it read and a checksum so the work cannot be skipped.
if (args.Length != 2 || args[0] is not ("parse" or "parse-utf8" or "smartreader") || !Directory.Exists(args[1]))
{
    await Console.Error.WriteLineAsync("usage: NewsScraper.PeerConsoles parse|parse-utf8|smartreader <directory of *.html[.gz]>");
    return 2;
}

var parser = new HtmlParser();
var pages = 0;
long checksum = 0;
foreach (var path in Directory.EnumerateFiles(args[1]).Where(p => p.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
{
    var bytes = await File.ReadAllBytesAsync(path);
    if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        bytes = plain.ToArray();
    }

    if (args[0] == "parse")
    {
        using var document = parser.ParseDocument(new MemoryStream(bytes, writable: false));
        checksum += document.All.Length;
    }
    else if (args[0] == "parse-utf8")
    {
        using var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(bytes));
        checksum += document.All.Length;
    }
    else
    {
        var article = SmartReader.Reader.ParseArticle("https://example.com/" + Path.GetFileName(path), new MemoryStream(bytes, writable: false));
        checksum += article.TextContent?.Length ?? 0;
    }

    pages++;
}

Console.WriteLine($"{args[0]}: {pages} pages, checksum {checksum}");
return 0;
