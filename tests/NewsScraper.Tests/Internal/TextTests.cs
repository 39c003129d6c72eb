using System.Text;
using NewsScraper.Internal;

namespace NewsScraper.Tests.Internal;

/// <summary>Text.Normalize: white space collapsed, invisible characters dropped, NFC; tidy text returned without a copy.</summary>
public sealed class TextTests
{
    [TestCase("  a \t b\n\nc  ", "a b c")]
    [TestCase("a\u00A0\u00A0b", "a b")]
    [TestCase("zero\u200Bwidth\u00ADsoft\uFEFF", "zerowidthsoft")]
    [TestCase("e\u0301te\u0301", "\u00E9t\u00E9")]
    [TestCase("\u1100\u1161\u11A8", "\uAC01")]
    [TestCase("\u212B ngstr\u00F6m", "\u00C5 ngstr\u00F6m")]
    [TestCase("   ", "")]
    [TestCase("", "")]
    public void Normalize_Examples(string input, string expected)
    {
        Assert.That(Text.Normalize(input), Is.EqualTo(expected));
    }

    [Test]
    public void Normalize_TidyText_IsReturnedAsItIs()
    {
        const string tidy = "A tidy line of news text, with \u00E9, \u0416\u0443\u0440\u043D\u0430\u043B and \u65B0\u805E.";

        Assert.That(Text.Normalize(tidy), Is.SameAs(tidy));
    }

    [Test]
    public void Normalize_AgreesWithCollapsingThenIcuOnEveryBmpCharacter()
    {
        // Each BMP character (and supplementary characters and lone surrogates, which ICU refuses) between words, after a base letter and beside white space: the fast
        // paths must give exactly what collapsing white space and composing every string with ICU gives.
        var mismatches = new List<string>();
        for (var code = 0x20; code <= 0xFFFF; code++)
        {
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var c = ((char)code).ToString();
            foreach (var input in new[] { "a" + c + "b", "e" + c, c + " x", "x  " + c + "\u0301" })
            {
                if (Text.Normalize(input) != Reference(input))
                {
                    mismatches.Add($"U+{code:X4} in \"{input}\"");
                }
            }
        }

        foreach (var other in new[] { "\uD834\uDD5E text \uD869\uDEB2", "lone \uD800 surrogate", "e\u0301 lone \uDC00" })
        {
            if (Text.Normalize(other) != Reference(other))
            {
                mismatches.Add(other);
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    private static string Reference(string value)
    {
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        try
        {
            return builder.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return builder.ToString();
        }
    }
}
