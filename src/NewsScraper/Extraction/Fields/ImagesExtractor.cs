using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsScraper.Extraction.Sources;
using NewsScraper.Internal;

namespace NewsScraper.Extraction.Fields;

/// <summary>Images: the profile's figures; else the lead image of the meta tags and JSON-LD, then figures in the article.</summary>
internal static partial class ImagesExtractor
{
    private const int MaxImages = 30;

    public static IReadOnlyList<ArticleImage> Extract(ExtractionContext context, IElement? container)
    {
        var images = new List<ArticleImage>();
        var profile = context.Profile;
        foreach (var figure in context.SelectAll(profile.ImageSelector))
        {
            if (!Dom.IsHidden(figure) && FromFigure(context, figure, profile.ImageCaptionSelector) is { } image)
            {
                AddImage(image);
            }
        }

        if (images.Count > 0)
        {
            context.Record("images", $"selector:{profile.ImageSelector}");
            return images;
        }

        if (context.SelectFirst(profile.NoImageSelector) is not null)
        {
            context.Record("images", $"selector:{profile.NoImageSelector} (the page shows no image)");
            return images;
        }

        var sources = new List<string>();
        if (context.Meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src") is { } meta
            && context.Absolute(meta.Value) is { } metaUrl)
        {
            AddImage(new ArticleImage(metaUrl, Text.NullIfEmpty(context.Meta.First("og:image:alt")?.Value), null));
            sources.Add($"meta:{meta.Name}");
        }

        var ldImage = JsonLdData.GetString(context.JsonLd.Article, "image");
        if (context.Absolute(ldImage) is { } ldUrl && AddImage(new ArticleImage(ldUrl, null, null)))
        {
            sources.Add("json-ld:image");
        }

        if (container is not null)
        {
            foreach (var figure in container.QuerySelectorAll("figure"))
            {
                if (!Dom.IsHidden(figure) && FromFigure(context, figure, "figcaption") is { } image && AddImage(image))
                {
                    sources.Add("dom:figure");
                }
            }
        }

        if (sources.Count > 0)
        {
            context.Record("images", string.Join(", ", sources.Distinct()));
        }

        return images;

        bool AddImage(ArticleImage image)
        {
            if (images.Count >= MaxImages)
            {
                return false;
            }

            var index = images.FindIndex(i => i.Url == image.Url);
            if (index >= 0)
            {
                if (images[index].Caption is null && image.Caption is not null)
                {
                    images[index] = image;
                }

                return false;
            }

            images.Add(image);
            return true;
        }
    }

    private static ArticleImage? FromFigure(ExtractionContext context, IElement figure, string? captionSelector)
    {
        var img = figure.LocalName == "img" ? figure : figure.QuerySelector("img");
        var src = img is null ? null : FirstSource(img);
        if (context.Absolute(src) is not { } url)
        {
            return null;
        }

        string? caption = null;
        string? credit = null;
        if (context.SelectFirst(captionSelector, figure) is { } captionElement)
        {
            var creditElement = captionElement.QuerySelector(".credit, .caption-credit, .image-credit, [itemprop='copyrightHolder'], small");
            credit = creditElement is null ? null : Text.NullIfEmpty(Dom.VisibleText(creditElement));
            caption = Text.NullIfEmpty(Dom.VisibleText(captionElement));
            if (caption is not null && credit is not null && caption.EndsWith(credit, StringComparison.Ordinal) && caption.Length > credit.Length)
            {
                caption = caption[..^credit.Length].TrimEnd();
            }
        }

        if (caption is not null && credit is null && CreditRegex().Match(caption) is { Success: true } match)
        {
            credit = match.Groups["credit"].Value.Trim();
            caption = Text.NullIfEmpty(caption[..match.Index].TrimEnd(' ', '|', '-', '\u2013', '\u2014'));
        }

        if (caption is null && credit is null && img?.Attr("alt") is { } alt && Text.Normalize(alt) is { Length: > 20 } altText)
        {
            caption = altText;
        }

        return new ArticleImage(url, caption, credit);
    }

    private static string? FirstSource(IElement img)
    {
        foreach (var attribute in (string[])["src", "data-src", "data-original", "data-lazy-src", "data-url"])
        {
            var value = img.Attr(attribute);
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var srcset = img.Attr("srcset") ?? img.Attr("data-srcset");
        return srcset?.Split(',')[0].Trim().Split(' ')[0];
    }

    [GeneratedRegex(@"(?:\b(?:image|photo|picture|photograph)\s*)?(?:credits?|courtesy|source)\s*:\s*(?<credit>[^.]{2,80})\.?$|\((?<credit>[^()]{2,60}(?:/|Getty|Reuters|AFP|AP Photo|Shutterstock|EPA)[^()]{0,40})\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditRegex();
}
