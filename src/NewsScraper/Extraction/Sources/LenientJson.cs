using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsScraper.Extraction.Sources;

/// <summary>
/// A forgiving JSON reader for the JSON-LD that real pages print: it accepts unquoted values (Devdiscourse prints
/// <c>"description":</c> followed by bare text), unescaped quotes and control characters inside strings, trailing
/// commas, single-quoted strings, comments and HTML-entity-encoded strings. It never throws; what it cannot read it skips.
/// Nesting deeper than <see cref="MaxDepth"/> is dropped, so hostile input cannot overflow the stack.
/// </summary>
internal sealed class LenientJson
{
    /// <summary>The deepest nesting kept.</summary>
    public const int MaxDepth = 64;

    private readonly string text;
    private int position;

    private LenientJson(string text) => this.text = text;

    /// <summary>Parses one JSON value (object or array) out of <paramref name="text"/>; <see langword="null"/> when none.</summary>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new LenientJson(text);
        reader.SkipTrivia();

        // Some pages wrap the block in a CDATA marker or an HTML comment (whose own bracket is not the JSON's).
        foreach (var wrapper in (string[])["<![CDATA[", "<!--"])
        {
            if (text.AsSpan(reader.position).StartsWith(wrapper, StringComparison.Ordinal))
            {
                reader.position += wrapper.Length;
                reader.SkipTrivia();
            }
        }

        if (reader.position < text.Length && text[reader.position] is not ('{' or '['))
        {
            // Otherwise start at the first bracket.
            var start = text.IndexOfAny(['{', '['], reader.position);
            if (start < 0)
            {
                return null;
            }

            reader.position = start;
        }

        return reader.ReadValue(0, terminators: string.Empty);
    }

    private JsonNode? ReadValue(int depth, string terminators)
    {
        SkipTrivia();
        if (position >= text.Length)
        {
            return null;
        }

        var c = text[position];
        switch (c)
        {
            case '{':
                return depth >= MaxDepth ? SkipContainer() : ReadObject(depth + 1);
            case '[':
                return depth >= MaxDepth ? SkipContainer() : ReadArray(depth + 1);
            case '"':
            case '\'':
                return JsonValue.Create(ReadString(c));
            default:
                return ReadBare(terminators);
        }
    }

    private JsonObject ReadObject(int depth)
    {
        var result = new JsonObject();
        position++; // '{'
        while (true)
        {
            SkipTrivia();
            if (position >= text.Length)
            {
                return result;
            }

            var c = text[position];
            if (c == '}')
            {
                position++;
                return result;
            }

            if (c == ',')
            {
                position++;
                continue;
            }

            string key;
            if (c is '"' or '\'')
            {
                key = ReadString(c);
            }
            else
            {
                var start = position;
                while (position < text.Length && text[position] is not (':' or '}' or ','))
                {
                    position++;
                }

                key = text[start..position].Trim();
            }

            SkipTrivia();
            if (position < text.Length && text[position] == ':')
            {
                position++;
                var value = ReadValue(depth, terminators: "}");
                if (key.Length > 0)
                {
                    result[key] = value;
                }
            }
            else if (position < text.Length && text[position] != '}')
            {
                position++; // stray character: skip it
            }
        }
    }

    private JsonArray ReadArray(int depth)
    {
        var result = new JsonArray();
        position++; // '['
        while (true)
        {
            SkipTrivia();
            if (position >= text.Length)
            {
                return result;
            }

            var c = text[position];
            if (c == ']')
            {
                position++;
                return result;
            }

            if (c == ',')
            {
                position++;
                continue;
            }

            var before = position;
            var value = ReadValue(depth, terminators: "]");
            if (value is not null)
            {
                result.Add(value);
            }

            if (position == before)
            {
                position++; // guarantee progress
            }
        }
    }

    private string ReadString(char quote)
    {
        position++; // opening quote
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '\\' && position < text.Length)
            {
                var e = text[position++];
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when position + 4 <= text.Length
                        && int.TryParse(text.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        position += 4;
                        break;
                    default: builder.Append(e); break;
                }

                continue;
            }

            if (c == quote && IsEndOfString())
            {
                break;
            }

            builder.Append(c);
        }

        return WebUtility.HtmlDecode(builder.ToString());
    }

    /// <summary>A quote ends a string only when what follows could follow a string; otherwise it is an unescaped quote.</summary>
    private bool IsEndOfString()
    {
        var i = position;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i >= text.Length || text[i] is ',' or '}' or ']' or ':';
    }

    private JsonValue? ReadBare(string terminators)
    {
        var start = position;
        var end = FindBareEnd(terminators);
        position = end;
        var raw = text[start..end].Trim();
        if (raw.Length == 0)
        {
            return null;
        }

        switch (raw)
        {
            case "true": return JsonValue.Create(true);
            case "false": return JsonValue.Create(false);
            case "null": return null;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && raw.Length < 32)
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(WebUtility.HtmlDecode(raw));
    }

    /// <summary>
    /// The end of an unquoted value. In an array: the next comma or closing bracket. In an object: the next
    /// <c>, "key":</c> (a new member), a line break before a new member (a missing comma), or a closing brace followed
    /// only by white space and punctuation. Bare text may itself contain commas and quotes.
    /// </summary>
    private int FindBareEnd(string terminators)
    {
        var inArray = terminators == "]";
        for (var i = position; i < text.Length; i++)
        {
            var c = text[i];
            if (inArray)
            {
                if (c is ',' or ']')
                {
                    return i;
                }

                continue;
            }

            if ((c == ',' && (LooksLikeMemberStart(i + 1) || ClosesHere(i)))
                || (c == '}' && ClosesHere(i))
                || (c is '\n' or '\r' && LooksLikeMemberStart(i)))
            {
                return i;
            }
        }

        return text.Length;
    }

    private bool ClosesHere(int i)
    {
        var j = i + 1;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j >= text.Length || text[j] is ',' or '}' or ']';
    }

    private bool LooksLikeMemberStart(int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] is not ('"' or '\''))
        {
            return false;
        }

        var quote = text[i];
        var close = text.IndexOf(quote, i + 1);
        if (close < 0 || close - i > 80)
        {
            return false;
        }

        var j = close + 1;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j < text.Length && text[j] == ':';
    }

    private JsonNode? SkipContainer()
    {
        // Too deep: skip the balanced container without building it.
        var level = 0;
        var inString = false;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (inString)
            {
                if (c == '\\')
                {
                    position++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': level++; break;
                case '}' or ']':
                    level--;
                    if (level == 0)
                    {
                        position++;
                        return null;
                    }

                    break;
            }
        }

        return null;
    }

    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c))
            {
                position++;
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                var end = text.IndexOf('\n', position);
                position = end < 0 ? text.Length : end + 1;
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = end < 0 ? text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
