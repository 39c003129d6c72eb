using System.Text;
using System.Text.Json;

namespace NewsScraper.Cli;

/// <summary>
/// What a stopped batch already wrote: the <c>source</c> of every whole JSON line of its output file. A last line cut
/// short by the stop (a kill, a crash, a reboot) is cut off the file, so that the resumed batch writes it again whole.
/// </summary>
internal static class Resume
{
    public static async Task<HashSet<string>> ReadDoneAsync(string path, CancellationToken cancellationToken)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return done;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var whole = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (whole < bytes.Length)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(whole);
        }

        foreach (var line in Encoding.UTF8.GetString(bytes, 0, whole).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var record = JsonDocument.Parse(line);
                if (record.RootElement.TryGetProperty("source", out var source) && source.GetString() is { } value)
                {
                    done.Add(value);
                }
            }
            catch (JsonException)
            {
                // Not one of this batch's lines (text output, a hand edit): it names no input.
            }
        }

        return done;
    }
}
