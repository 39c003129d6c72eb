using System.Text;
using NewsScraper.Extraction;

namespace NewsScraper.Tests.TestDoubles;

/// <summary>Builds synthetic pages and extracts them, for tests.</summary>
internal static class Pages
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly ArticleExtractor Extractor = new();

    public static Task<NewsArticle> ExtractAsync(string html, string url = "https://news.example.com/2025/05/30/story", DateTimeOffset? now = null) =>
        Extractor.ExtractAsync(WebPage.FromBytes(Encoding.UTF8.GetBytes(html), new Uri(url), now ?? Now));

    /// <summary>A plain article page with the given head and article markup.</summary>
    public static string Article(string head, string article, string extra = "") => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">{{head}}</head>
        <body>
          <nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
          <main><article>{{article}}</article></main>
          {{extra}}
          <footer><p>Copyright 2025 Example News. All rights reserved.</p></footer>
        </body></html>
        """;

    public static string Paragraphs(int count, string prefix = "Paragraph") =>
        string.Concat(Enumerable.Range(1, count).Select(i =>
            $"<p>{prefix} {i}: the council met on Tuesday to discuss the budget, and members agreed, after a long debate, to fund the new library.</p>"));
}
