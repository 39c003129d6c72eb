using System.Text.Json.Nodes;
using NewsScraper.Extraction.Sources;

namespace NewsScraper.Tests.Extraction.Sources;

public sealed class LenientJsonTests
{
    [Test]
    public void Parse_UnquotedDescription_RecoversTheOtherMembers()
    {
        // Devdiscourse's NewsArticle block: "description": followed by bare text with commas and an apostrophe.
        const string text = """
            { "@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "Harvard&#x27;s Legal Battle: &quot;Funding&quot; Freeze",
              "description": Officials from the US, Britain, and Ukraine's allies met, again, in London,
              "datePublished": "2025-04-23T13:20:00+00:00",
              "dateModified": "2025-04-23T13:25:00+00:00",
              "author": { "@type": "Person", "name": "Devdiscourse News Desk" },
              "publisher": { "@type": "Organization", "name": "Devdiscourse" } }
            """;

        var node = LenientJson.Parse(text) as JsonObject;

        Assert.That(node, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLdData.GetString(node, "headline"), Is.EqualTo("Harvard's Legal Battle: \"Funding\" Freeze"));
            Assert.That(JsonLdData.GetString(node, "description"), Is.EqualTo("Officials from the US, Britain, and Ukraine's allies met, again, in London"));
            Assert.That(JsonLdData.GetString(node, "datePublished"), Is.EqualTo("2025-04-23T13:20:00+00:00"));
            Assert.That(JsonLdData.GetString(node, "dateModified"), Is.EqualTo("2025-04-23T13:25:00+00:00"));
            Assert.That(JsonLdData.GetAgents(node, "author").Single().Name, Is.EqualTo("Devdiscourse News Desk"));
            Assert.That(JsonLdData.GetString(node, "publisher"), Is.EqualTo("Devdiscourse"));
        }
    }

    [Test]
    public void Parse_UnescapedQuotesTrailingCommasAndComments_AreTolerated()
    {
        const string text = """
            // leading comment
            {"headline": "He said "no" to the deal", "keywords": ["a", "b",], /* note */ "wordCount": 512,}
            """;

        var node = LenientJson.Parse(text) as JsonObject;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLdData.GetString(node, "headline"), Is.EqualTo("He said \"no\" to the deal"));
            Assert.That(JsonLdData.GetStrings(node, "keywords"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(JsonLdData.GetString(node, "wordCount"), Is.EqualTo("512"));
        }
    }

    [Test]
    public void Parse_NestedTenThousandDeep_DoesNotOverflowAndKeepsShallowMembers()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var text = "{\"headline\": \"Deep\", \"x\": " + deep + ", \"after\": \"kept\"}";

        var node = LenientJson.Parse(text) as JsonObject;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonLdData.GetString(node, "headline"), Is.EqualTo("Deep"));
            Assert.That(JsonLdData.GetString(node, "after"), Is.EqualTo("kept"));
        }
    }

    [TestCase("")]
    [TestCase("not json at all")]
    [TestCase("{")]
    [TestCase("{\"a\": ")]
    [TestCase("\"\"\"\"\"")]
    public void Parse_Garbage_ReturnsWithoutThrowing(string text)
    {
        Assert.DoesNotThrow(() => LenientJson.Parse(text));
    }
}
