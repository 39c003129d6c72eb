using System.Buffers;
using System.Diagnostics;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsScraper.Extraction.Content;
using NewsScraper.Extraction.Fields;
using NewsScraper.Sites;

namespace NewsScraper.Extraction;

/// <summary>
/// The extraction pipeline: the page's bytes are decoded (byte order mark, Content-Type, meta, then UTF-8 or windows-1252)
/// and AngleSharp parses the text, the site profile is
/// resolved from the URL, then one small extractor per field runs in a fixed order, each trying its sources in turn
/// (profile, JSON-LD, meta, DOM, text patterns) and recording where its value came from.
/// </summary>
/// <remarks>
/// Order: site name, language, canonical URL; headline, summary; byline and authors; timestamps; article container;
/// images; disclaimers (which takes its notes out of the body); body; dateline (from the byline or the lead paragraph);
/// countries, tags, trending. Instances hold no per-page state and may be shared between threads.
/// </remarks>
public sealed class ArticleExtractor : IArticleExtractor
{
    private static readonly IConfiguration ParserConfiguration = Configuration.Default;

    private readonly SiteProfileResolver profiles;
    private readonly ExtractionLimits limits;

    /// <summary>Initializes a new instance of the <see cref="ArticleExtractor"/> class with the built-in site profiles.</summary>
    public ArticleExtractor()
        : this(SiteProfileResolver.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ArticleExtractor"/> class.</summary>
    /// <param name="profiles">The site profiles to use.</param>
    /// <param name="limits">The guard rails on size, nesting and time; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="profiles"/> is <see langword="null"/>.</exception>
    public ArticleExtractor(SiteProfileResolver profiles, ExtractionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        this.profiles = profiles;
        this.limits = limits ?? new ExtractionLimits();
    }

    /// <inheritdoc/>
    /// <exception cref="NewsScraperException">Thrown with <see cref="ScrapeErrorKind.Timeout"/> when the page takes longer than <see cref="ExtractionLimits.Timeout"/>.</exception>
    public async Task<NewsArticle> ExtractAsync(WebPage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        using var activity = NewsScraperTelemetry.Source.StartActivity("NewsScraper.Extract");
        activity?.SetTag("url.full", page.FinalUrl.AbsoluteUri);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var article = await ExtractAsync(page, timings: null, cancellationToken).ConfigureAwait(false);
            NewsScraperTelemetry.PagesExtracted.Add(1);
            activity?.SetTag("newsscraper.extractor", article.Extractor);
            return article;
        }
        catch (NewsScraperException ex)
        {
            NewsScraperTelemetry.Failed(ex.Kind);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Kind.ToString());
            throw;
        }
        finally
        {
            NewsScraperTelemetry.ExtractionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>
    /// Extracts a page and adds the time each stage took to <paramref name="timings"/>: "input" (size and nesting guard,
    /// decoding), "parse", then one entry per field.
    /// </summary>
    /// <remarks>The work is CPU-bound and done on the caller's thread: the task is complete when it is returned.</remarks>
    internal Task<NewsArticle> ExtractAsync(WebPage page, Dictionary<string, TimeSpan>? timings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            return Task.FromResult(Extract(page, timings, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<NewsArticle>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<NewsArticle>(ex);
        }
    }

    private NewsArticle Extract(WebPage page, Dictionary<string, TimeSpan>? timings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        cancellationToken.ThrowIfCancellationRequested();
        var cuts = new List<string>();
        var content = InputGuard.Prepare(page.Content, limits.MaxInputBytes, limits.MaxNestingDepth, cuts);
        using var deadline = new CancellationTokenSource(limits.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var (text, length, encoding) = PageDecoder.DecodeRented(content.Span, page.ContentType);
            try
            {
                Time(timings, "input", started);
                var parsing = Stopwatch.GetTimestamp();
                using var browsing = BrowsingContext.New(ParserConfiguration);
                using var document = Parse(new HtmlParser(new HtmlParserOptions(), browsing), text, length);
                if (encoding.Warning is { } warning)
                {
                    cuts.Add(warning);
                }

                linked.Token.ThrowIfCancellationRequested();
                Time(timings, "parse", parsing);
                var article = Extract(document, page, cuts, timings, () => Stopwatch.GetElapsedTime(started) > limits.Timeout ? deadline : null, linked.Token);
                return page.UserAgent is null && page.StatusCode == 200 && page.RequestedUrl == page.FinalUrl && page.ContentType is null
                    ? article
                    : article with
                    {
                        Fetch = new FetchInfo(page.RequestedUrl.AbsoluteUri, page.StatusCode, page.ContentType, page.UserAgent, page.FetchedAt),
                    };
            }
            finally
            {
                // The document reads its source buffer until it is disposed (above); the record holds strings only.
                ArrayPool<char>.Shared.Return(text);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new NewsScraperException(
                ScrapeErrorKind.Timeout,
                $"Extracting {page.FinalUrl} took longer than the {limits.Timeout.TotalSeconds:0.#} s limit",
                page.FinalUrl);
        }
    }

    /// <summary>Extracts the article of a saved page.</summary>
    /// <param name="html">The page's bytes.</param>
    /// <param name="url">The page's original address (picks the site profile and resolves relative links).</param>
    /// <param name="cancellationToken">The token that cancels the extraction.</param>
    /// <returns>The record.</returns>
    public Task<NewsArticle> ExtractAsync(ReadOnlyMemory<byte> html, Uri url, CancellationToken cancellationToken = default) =>
        ExtractAsync(WebPage.FromBytes(html, url), cancellationToken);

    private NewsArticle Extract(
        IDocument document,
        WebPage page,
        List<string> cuts,
        Dictionary<string, TimeSpan>? timings,
        Func<CancellationTokenSource?> expired,
        CancellationToken cancellationToken)
    {
        var url = page.FinalUrl;
        var (profile, copyOf) = ResolveProfile(document, url);
        var context = new ExtractionContext(document, url, profile, page.FetchedAt, linkBase: copyOf)
        {
            RelativeBase = page.FetchedAtIsKnown ? page.FetchedAt : null,
            CancellationToken = cancellationToken,
            Timings = timings,
            Expired = expired,
        };
        cuts.ForEach(context.Warn);
        if (copyOf is not null)
        {
            // A copy of a known site's page (a mirror, a cache, a local server): its links belong to the real site.
            context.Record("extractor", $"canonical-host:{copyOf.Host}");
        }

        // Each field is guarded: a field that fails is a warning and an empty value, never a lost record.
        var siteName = Guard(context, "siteName", () => PageInfoExtractor.SiteName(context), null);
        var language = Guard(context, "language", () => PageInfoExtractor.Language(context), null);
        var canonical = Guard(context, "canonicalUrl", () => PageInfoExtractor.CanonicalUrl(context), null);
        var headline = Guard(context, "headline", () => HeadlineExtractor.Extract(context, siteName), null);
        var summary = Guard(context, "summary", () => SummaryExtractor.Extract(context), null);
        var profileByline = Guard(context, "byline", () => ProfileByline.Find(context), null);
        var (authors, byline) = Guard(context, "authors", () => AuthorsExtractor.Extract(context, profileByline, siteName), ([], null));
        var timestamps = Guard(context, "timestamps", () => TimestampExtractor.Extract(context, profileByline), new ArticleTimestamps(null, null));
        cancellationToken.ThrowIfCancellationRequested();

        var content = Guard(context, "body", () => ContentLocator.Locate(context), ArticleContent.None);
        (authors, byline) = Guard(context, "authors", () => AuthorsExtractor.WithLeadByline(context, content, authors, byline, siteName), (authors, byline));
        var images = Guard(context, "images", () => ImagesExtractor.Extract(context, content.Container), []);
        var (disclaimers, notes) = Guard(context, "disclaimers", () => DisclaimerExtractor.Extract(context, content, images), ([], new HashSet<ContentBlock>()));
        var body = Guard(context, "body", () => BodyExtractor.Extract(context, content, notes, headline, summary, authors), ArticleBody.FromParagraphs([]));
        var dateline = Guard(context, "dateline", () => DatelineExtractor.Extract(context, profileByline, body.Paragraphs, byline, timestamps.Published), null);
        cancellationToken.ThrowIfCancellationRequested();

        var countries = Guard(context, "countries", () => TaxonomyExtractor.Countries(context), []);
        var tags = Guard(context, "tags", () => TaxonomyExtractor.Tags(context), []);
        var trending = Guard(context, "trending", () => TrendingExtractor.Extract(context), []);

        if (headline is null)
        {
            context.Warn("no headline was found");
        }

        return new NewsArticle
        {
            Url = url.AbsoluteUri,
            CanonicalUrl = canonical,
            SiteName = siteName,
            Language = language,
            Headline = headline,
            Summary = summary,
            Authors = authors,
            Byline = byline,
            Dateline = dateline,
            Timestamps = timestamps,
            Body = body,
            Disclaimers = disclaimers,
            Trending = trending,
            Images = images,
            Countries = countries,
            Tags = tags,
            Extractor = context.Profile.Name,
            Provenance = new Dictionary<string, string>(context.Provenance),
            Warnings = [.. context.Warnings],
        };
    }

    /// <summary>Runs one field's extractor; an exception other than cancellation becomes a warning and the fallback value.</summary>
    private static T Guard<T>(ExtractionContext context, string field, Func<T> extract, T fallback)
    {
        // The time limit is also checked by the clock between fields, not only by the timer (which a busy machine delays).
        context.Expired?.Invoke()?.Cancel();
        context.CancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        try
        {
            return extract();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            context.Warn($"{field}: extraction failed ({ex.GetType().Name}: {ex.Message})");
            return fallback;
        }
        finally
        {
            Time(context.Timings, field, started);
        }
    }

    private static void Time(Dictionary<string, TimeSpan>? timings, string stage, long started)
    {
        if (timings is not null)
        {
            timings[stage] = timings.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>
    /// Parses the first <paramref name="length"/> characters of a pooled buffer. A length of 0 would make AngleSharp parse
    /// the whole array, which may hold an earlier page: an empty page is parsed from an empty string.
    /// </summary>
    internal static IDocument Parse(HtmlParser parser, char[] buffer, int length) =>
        length == 0 ? parser.ParseDocument(string.Empty) : parser.ParseDocument(buffer, length);

    /// <summary>
    /// The profile of the page's host; when no profile knows the host (a mirror, a cache, a local copy), the profile of the
    /// host the page names as its canonical address.
    /// </summary>
    private (SiteProfile Profile, Uri? Canonical) ResolveProfile(IDocument document, Uri url)
    {
        var profile = profiles.Resolve(url);
        if (profile != SiteProfiles.Generic)
        {
            return (profile, null);
        }

        var head = document.Head;
        var canonical = head?.QuerySelector("link[rel='canonical'][href]")?.Attr("href")
            ?? head?.QuerySelector("meta[property='og:url'][content]")?.Attr("content");
        if (canonical is not null && Uri.TryCreate(url, canonical.Trim(), out var canonicalUrl) && canonicalUrl.Host != url.Host)
        {
            var byCanonical = profiles.Resolve(canonicalUrl);
            if (byCanonical != SiteProfiles.Generic)
            {
                return (byCanonical, canonicalUrl);
            }
        }

        return (profile, null);
    }
}
