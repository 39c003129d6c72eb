using System.Text.Json;
using NewsScraper.Serialization;

namespace NewsScraper.Tests.Serialization;

public sealed class NewsArticleJsonTests
{
    [Test]
    public void Serialize_Record_UsesTheContractShape()
    {
        var article = new NewsArticle
        {
            Url = "https://example.com/a",
            Extractor = "generic",
            Timestamps = new ArticleTimestamps(new Timestamp(new DateTimeOffset(2025, 4, 23, 13, 20, 0, new TimeSpan(5, 30, 0)), "23-04-2025 13:20 IST", "x", false), null),
            Disclaimers = [new Disclaimer(DisclaimerKind.AgencyCredit, "(With inputs from agencies.)")],
        };

        using var json = JsonDocument.Parse(NewsArticleJson.Serialize(article));
        var root = json.RootElement;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("headline").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("timestamps").GetProperty("published").GetProperty("value").GetString(), Is.EqualTo("2025-04-23T13:20:00+05:30"));
            Assert.That(root.GetProperty("timestamps").GetProperty("updated").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("disclaimers")[0].GetProperty("kind").GetString(), Is.EqualTo("agency-credit"));
            Assert.That(root.GetProperty("body").GetProperty("paragraphs").GetArrayLength(), Is.Zero);
            Assert.That(root.GetProperty("timestamps").GetProperty("published").GetProperty("zoneAssumed").GetBoolean(), Is.False);
        }
    }

    [Test]
    public void Deserialize_SerializedRecord_RoundTrips()
    {
        var article = new NewsArticle { Url = "https://example.com/a", Extractor = "generic", Headline = "Caf\u00e9 \"quotes\" <b>", Tags = ["a"] };

        var back = NewsArticleJson.Deserialize(NewsArticleJson.Serialize(article))!;

        Assert.That(NewsArticleJson.Serialize(back), Is.EqualTo(NewsArticleJson.Serialize(article)));
    }
}
