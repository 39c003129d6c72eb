using System.Diagnostics;
using System.Text;
using NewsScraper.Extraction;
using NewsScraper.Tests.Golden;
using NewsScraper.Tests.TestDoubles;

namespace NewsScraper.Tests.Robustness;

/// <summary>
/// A seeded, deterministic mutation fuzzer over the test project's saved pages (the reconstructed Devdiscourse fixtures and
/// a synthetic article): truncation, duplicated and deleted byte ranges, unbalanced tags, other encodings, injected JSON-LD
/// fragments and random bytes. No exception may escape and every case stays within its time budget. A failing case prints
/// its seed and mutation, so it replays.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Cases per CI run; set NEWSSCRAPER_FUZZ_CASES for a longer run.</summary>
    private static readonly int CaseCount = int.TryParse(Environment.GetEnvironmentVariable("NEWSSCRAPER_FUZZ_CASES"), out var n) ? n : 3_000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly string[] Fragments =
    [
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
        "<script type=\"application/ld+json\">[{\"@graph\":[{\"@type\":[\"NewsArticle\"],\"author\":[[[{\"name\":null}]]]}]}]</script>",
        "<script type=\"application/ld+json\">{\"datePublished\":\"9999-99-99T99:99\",\"author\":{\"@type\":\"Person\",\"name\":\"By By By\"}}</script>",
        "<script type=\"application/ld+json\">{\"headline\":\"&amp;&#x0;&#99999999;\",\"description\": bare text \" with quotes</script>",
        "<div><span><b><i><table><tr><td><p>", "</div></div></span></td></table>", "<h1>", "</h1>", "<article>", "<!--", "-->",
        "<meta charset=\"windows-1252\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
        "<time datetime=\"2025-02-30T25:61:00+99:00\">Feb 30, 2025</time>", "By ", "Updated: ", "NEW DELHI, Apr 23 (PTI) - ",
        "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)", "\0", "\uFFFD", "&",
    ];

    private static readonly ArticleExtractor Extractor = new();

    [Test]
    public async Task Extract_MutatedPages_NeverThrowAndStayWithinBudget()
    {
        var seeds = CorpusPage.All().Select(p => File.ReadAllBytes(p.SourcePath)).ToList();
        seeds.Add(Encoding.UTF8.GetBytes(Pages.Article("<title>Synthetic | Example</title>", "<h1>Synthetic story</h1><div class=\"byline\">By Jane Doe | May 30, 2025</div>" + Pages.Paragraphs(6))));
        Assert.That(seeds, Has.Count.GreaterThan(1));

        var random = new Random(20261126);
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < CaseCount; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var (bytes, mutation) = Mutate(seed, random);
            var watch = Stopwatch.StartNew();
            try
            {
                var article = await Extractor.ExtractAsync(WebPage.FromBytes(bytes, new Uri("https://www.devdiscourse.com/article/fuzz/" + i)));
                Assert.That(article, Is.Not.Null);
            }
            catch (Exception ex) when (ex is not AssertionException)
            {
                Assert.Fail($"case {i} ({mutation}): {ex}");
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            Assert.That(watch.Elapsed, Is.LessThan(Budget), $"case {i} ({mutation})");
        }

        TestContext.Out.WriteLine($"{CaseCount} cases, slowest {slowest.TotalMilliseconds:F0} ms");
    }

#pragma warning disable CA5394 // A seeded, reproducible fuzzer: not security.
    private static (byte[] Bytes, string Mutation) Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var steps = random.Next(1, 4);
        var names = new List<string>();
        for (var s = 0; s < steps; s++)
        {
            var at = random.Next(bytes.Count + 1);
            var length = Math.Min(random.Next(1, 2_000), bytes.Count - Math.Min(at, bytes.Count));
            switch (random.Next(8))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    names.Add($"truncate@{at}");
                    break;
                case 1:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    names.Add($"duplicate@{at}+{length}");
                    break;
                case 2:
                    bytes.RemoveRange(at, length);
                    names.Add($"delete@{at}+{length}");
                    break;
                case 3:
                    var tag = Fragments[random.Next(4, 11)];
                    for (var k = random.Next(1, 50); k > 0; k--)
                    {
                        bytes.InsertRange(Math.Min(bytes.Count, at + random.Next(200)), Encoding.UTF8.GetBytes(tag));
                    }

                    names.Add($"unbalance@{at}");
                    break;
                case 4:
                    var text = Encoding.UTF8.GetString([.. bytes]);
                    var encoding = random.Next(3) switch { 0 => Encoding.Unicode, 1 => Encoding.Latin1, _ => Encoding.GetEncoding("utf-32") };
                    bytes = [.. encoding.GetBytes(text)];
                    names.Add($"encode:{encoding.WebName}");
                    break;
                case 5:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                    names.Add($"inject@{at}");
                    break;
                case 6:
                    var noise = new byte[length];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    names.Add($"noise@{at}+{length}");
                    break;
                default:
                    for (var k = 0; k < length && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] = (byte)(bytes[at + k] ^ (1 << random.Next(8)));
                    }

                    names.Add($"bitflip@{at}+{length}");
                    break;
            }
        }

        return ([.. bytes], string.Join(",", names));
    }
#pragma warning restore CA5394
}
