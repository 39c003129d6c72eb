using NewsScraper.Extraction.Fields;

namespace NewsScraper.Tests.Extraction.Fields;

public sealed class DatelineExtractorTests
{
    private static readonly DateTimeOffset Published = new(2025, 8, 25, 10, 0, 0, TimeSpan.FromHours(5.5));

    [TestCase("LONDON (Reuters) - Britain said on Monday that", "LONDON", "Reuters", "LONDON (Reuters) -")]
    [TestCase("LONDON, April 23 (Reuters) - Britain said on Monday that", "LONDON", "Reuters", "LONDON, April 23 (Reuters) -")]
    [TestCase("KYIV, Ukraine (AP) \u2014 Russian drones struck the city", "KYIV, Ukraine", "AP", "KYIV, Ukraine (AP) \u2014")]
    [TestCase("New Delhi, Aug 24 (IANS) The government on Sunday said", "New Delhi", "IANS", "New Delhi, Aug 24 (IANS)")]
    [TestCase("Chicago [US], November 21 (ANI): The city said", "Chicago [US]", "ANI", "Chicago [US], November 21 (ANI):")]
    [TestCase("WASHINGTON \u2014 The Senate voted on Tuesday", "WASHINGTON", null, "WASHINGTON \u2014")]
    [TestCase("ATLANTA -- A judge ruled on Friday", "ATLANTA", null, "ATLANTA --")]
    [TestCase("BEIJING, Nov. 3 (Xinhua) -- China's exports rose", "BEIJING", "Xinhua", "BEIJING, Nov. 3 (Xinhua) --")]
    [TestCase("SPRINGFIELD, Ill. (AP) \u2014 Lawmakers approved", "SPRINGFIELD, Ill.", "AP", "SPRINGFIELD, Ill. (AP) \u2014")]
    [TestCase("SHANGHAI: Chinese stocks fell on Monday", "SHANGHAI", null, "SHANGHAI:")]
    public void Parse_WireDateline_GivesLocationAgencyAndText(string paragraph, string location, string? agency, string text)
    {
        var dateline = DatelineExtractor.Parse(paragraph, Published);

        Assert.That(dateline, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dateline!.Location, Is.EqualTo(location));
            Assert.That(dateline.Agency, Is.EqualTo(agency));
            Assert.That(dateline.Text, Is.EqualTo(text));
        }
    }

    [Test]
    public void Parse_DatelineWithDate_TakesTheYearFromPublished()
    {
        var dateline = DatelineExtractor.Parse("New Delhi, Aug 24 (IANS) The government on Sunday said", Published);

        Assert.That(dateline!.Date, Is.EqualTo(new DateOnly(2025, 8, 24)));
    }

    [TestCase("By Jane Doe The council met on Tuesday")]
    [TestCase("The council met on Tuesday to discuss the budget.")]
    [TestCase("BREAKING: The council met on Tuesday")]
    [TestCase("UPDATED: The council met on Tuesday")]
    [TestCase("PUBLISHED: December 23, 2023 at 5:00 p.m. The council met on Tuesday")]
    [TestCase("Officials from the United States, Britain, European nations, and Ukraine are set to meet")]
    public void Parse_OrdinaryOpening_IsNotADateline(string paragraph)
    {
        Assert.That(DatelineExtractor.Parse(paragraph, Published), Is.Null);
    }
}
