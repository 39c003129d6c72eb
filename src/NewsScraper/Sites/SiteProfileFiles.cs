using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;

namespace NewsScraper.Sites;

/// <summary>A site profile file that cannot be used; the message names the file, the field and the problem.</summary>
public sealed class SiteProfileException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SiteProfileException"/> class.</summary>
    public SiteProfileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SiteProfileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public SiteProfileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SiteProfileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SiteProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Site profiles as JSON files a user writes without code: the properties of <see cref="SiteProfile"/> in camelCase
/// (see <c>docs/profiles/devdiscourse.json</c>, the built-in profile written out). Unknown fields, missing required ones,
/// invalid CSS selectors, invalid regular expressions and unknown time zones are errors that name the file and the field.
/// </summary>
public static class SiteProfileFiles
{
    /// <summary>Reads every <c>*.json</c> file of a directory, in name order.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The profiles.</returns>
    /// <exception cref="SiteProfileException">Thrown when a file cannot be used.</exception>
    public static IReadOnlyList<SiteProfile> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SiteProfileException($"{directory}: no such directory of site profiles");
        }

        return [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(LoadFile)];
    }

    /// <summary>Reads one profile file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="SiteProfileException">Thrown when the file cannot be used.</exception>
    public static SiteProfile LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SiteProfileException($"{path}: {ex.Message}", ex);
        }

        SiteProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize(json, SiteProfileJsonContext.Default.SiteProfile);
        }
        catch (JsonException ex)
        {
            throw new SiteProfileException($"{path}: {ex.Path ?? "$"}: {ex.Message}", ex);
        }

        if (profile is null)
        {
            throw new SiteProfileException($"{path}: $: the file holds no profile");
        }

        profile = WithEmptyLists(profile);
        Validate(path, profile);
        return profile;
    }

    /// <summary>Writes a profile as the JSON a profile file holds.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The JSON text, indented.</returns>
    public static string Serialize(SiteProfile profile) => JsonSerializer.Serialize(profile, SiteProfileJsonContext.Default.SiteProfile);

    /// <summary>Lists a file leaves out are empty, not null (the deserializer does not run the property initializers).</summary>
    private static SiteProfile WithEmptyLists(SiteProfile profile)
    {
        IReadOnlyList<string>? dateFormats = profile.DateFormats, removeSelectors = profile.RemoveSelectors;
        IReadOnlyList<TrendingModuleRule>? trending = profile.TrendingModules;
        var byline = profile.Byline;
        if (byline is not null)
        {
            IReadOnlyList<string>? prefixes = byline.PersonLinkPrefixes, agencies = byline.Agencies;
            byline = byline with { PersonLinkPrefixes = prefixes ?? [], Agencies = agencies ?? [] };
        }

        return profile with
        {
            DateFormats = dateFormats ?? [],
            RemoveSelectors = removeSelectors ?? [],
            TrendingModules = trending ?? [],
            Byline = byline,
        };
    }

    private static void Validate(string path, SiteProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.Name))
        {
            Fail("$.name", "must not be empty");
        }

        if (profile.Hosts.Count == 0 || profile.Hosts.Any(string.IsNullOrWhiteSpace))
        {
            Fail("$.hosts", "needs at least one host, and no empty ones");
        }

        if (profile.TimeZone is { } zone && Internal.TimeZones.FindZone(zone) is null)
        {
            Fail("$.timeZone", $"'{zone}' is not a time zone this system knows (use an IANA name such as Asia/Kolkata)");
        }

        Selector("$.headlineSelector", profile.HeadlineSelector);
        Selector("$.summarySelector", profile.SummarySelector);
        Selector("$.bodySelector", profile.BodySelector);
        Selector("$.imageSelector", profile.ImageSelector);
        Selector("$.imageCaptionSelector", profile.ImageCaptionSelector);
        Selector("$.noImageSelector", profile.NoImageSelector);
        Selector("$.countriesSelector", profile.CountriesSelector);
        Selector("$.tagsSelector", profile.TagsSelector);
        for (var i = 0; i < profile.RemoveSelectors.Count; i++)
        {
            Selector($"$.removeSelectors[{i}]", profile.RemoveSelectors[i]);
        }

        Pattern("$.summaryRejectPattern", profile.SummaryRejectPattern);
        if (profile.Byline is { } byline)
        {
            Selector("$.byline.selector", byline.Selector);
            Selector("$.byline.dividerSelector", byline.DividerSelector);
            Selector("$.byline.authorLinkSelector", byline.AuthorLinkSelector);
            Selector("$.byline.datelineSelector", byline.DatelineSelector);
            Pattern("$.byline.publishedPattern", byline.PublishedPattern);
            Pattern("$.byline.updatedPattern", byline.UpdatedPattern);
        }

        for (var i = 0; i < profile.TrendingModules.Count; i++)
        {
            var module = profile.TrendingModules[i];
            Selector($"$.trendingModules[{i}].moduleSelector", module.ModuleSelector);
            Selector($"$.trendingModules[{i}].headingSelector", module.HeadingSelector);
            Selector($"$.trendingModules[{i}].itemSelector", module.ItemSelector);
            Selector($"$.trendingModules[{i}].linkSelector", module.LinkSelector);
            Selector($"$.trendingModules[{i}].rankSelector", module.RankSelector);
            Selector($"$.trendingModules[{i}].categorySelector", module.CategorySelector);
            Pattern($"$.trendingModules[{i}].headingPattern", module.HeadingPattern);
        }

        void Selector(string field, string? selector)
        {
            if (selector is not null && new CssSelectorParser().ParseSelector(selector) is null)
            {
                Fail(field, $"'{selector}' is not a valid CSS selector");
            }
        }

        void Pattern(string field, string? pattern)
        {
            if (pattern is null)
            {
                return;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException ex)
            {
                Fail(field, $"not a valid regular expression ({ex.Message})");
            }
        }

        void Fail(string field, string problem) => throw new SiteProfileException($"{path}: {field}: {problem}");
    }
}

/// <summary>The source-generated JSON shape of profile files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SiteProfile))]
internal sealed partial class SiteProfileJsonContext : JsonSerializerContext;
