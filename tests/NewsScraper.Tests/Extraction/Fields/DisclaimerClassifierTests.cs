using NewsScraper.Extraction.Fields;

namespace NewsScraper.Tests.Extraction.Fields;

public sealed class DisclaimerClassifierTests
{
    [TestCase("(With inputs from agencies.)", DisclaimerKind.AgencyCredit)]
    [TestCase("This story will appear in the Dec. 16, 2023, issue of Billboard.", DisclaimerKind.Republished)]
    [TestCase("If you buy something through this post, the site may get a share of the sale.", DisclaimerKind.Sponsored)]
    [TestCase("Reporting by Pavel Polityuk; Editing by Kirsten Donovan", DisclaimerKind.AgencyCredit)]
    [TestCase("ESPN's Ramona Shelburne contributed to this story.", DisclaimerKind.AgencyCredit)]
    [TestCase("(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)", DisclaimerKind.Syndication)]
    [TestCase("This image is AI-generated and does not depict any real-life event or location. It is a fictional representation created for illustrative purposes only.", DisclaimerKind.ImageNotice)]
    [TestCase("Representative Image.", DisclaimerKind.ImageNotice)]
    [TestCase("Editor's note: This story was updated with comments from the mayor.", DisclaimerKind.EditorsNote)]
    [TestCase("A previous version of this story said that Parliament requires 45 days notice.", DisclaimerKind.Correction)]
    [TestCase("When you purchase through links on our site, we may earn an affiliate commission.", DisclaimerKind.Sponsored)]
    [TestCase("The views and opinions expressed in the article do not necessarily reflect those of Sputnik.", DisclaimerKind.Opinion)]
    [TestCase("This article originally appeared on VICE Belgium.", DisclaimerKind.Republished)]
    public void Classify_Note_GivesItsKind(string text, DisclaimerKind kind)
    {
        Assert.That(DisclaimerClassifier.Classify(text), Is.EqualTo(kind));
    }

    [TestCase("The council met on Tuesday to discuss the budget.")]
    [TestCase("This story was originally published December 22, 2023, 11:09 AM.")]
    [TestCase("Updated: Dec. 23, 2023")]
    [TestCase("Copyright 2024 Example News. All rights reserved.")]
    public void Classify_NotANote_ReturnsNull(string text)
    {
        Assert.That(DisclaimerClassifier.Classify(text), Is.Null);
    }
}
