using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Core.Exhibition;

/// <summary>One line of a guide as its WebVTT captions time it, as plain text.</summary>
public sealed record CaptionCue(TimeSpan Start, TimeSpan End, string Text);

/// <summary>
/// Reads the cues of a WebVTT file as a browser would: blocks without a timing line (the header, NOTE, STYLE, REGION)
/// cues whose timing a browser would refuse or never show, and cues without text are skipped; cue tags (&lt;v 讲解员&gt;, &lt;b&gt;, timestamps) are
/// dropped and character references decoded, so the text is what a person hears; a cue's lines become one line.
/// </summary>
public static partial class CaptionCues
{
    public static IReadOnlyList<CaptionCue> Read(string webVtt)
    {
        var cues = new List<CaptionCue>();
        var lines = webVtt.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var block = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length > 0)
            {
                block.Add(line);
                continue;
            }
            if (Cue(block) is { } cue) cues.Add(cue);
            block.Clear();
        }
        return cues;
    }

    /// <summary>A block of lines between blank lines, as a cue; null for any other block.</summary>
    private static CaptionCue? Cue(List<string> block)
    {
        // A cue's timing is its first line, or its second after an identifier.
        var timing = block.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
        if (timing is < 0 or > 1 || Timing().Match(block[timing]) is not { Success: true } m) return null;
        if (Time(m, 1) is not { } start || Time(m, 5) is not { } end || end <= start) return null;
        var text = string.Join(" ", block.Skip(timing + 1).Select(Plain).Where(l => l.Length > 0));
        return text.Length > 0 ? new CaptionCue(start, end, text) : null;
    }

    /// <summary>The timestamp whose hours group is <paramref name="group"/>: [hh:]mm:ss.ttt, minutes and seconds under 60.</summary>
    private static TimeSpan? Time(Match m, int group)
    {
        int Part(int g) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var (minutes, seconds) = (Part(group + 1), Part(group + 2));
        return minutes > 59 || seconds > 59 ? null : new TimeSpan(0, Part(group), minutes, seconds, Part(group + 3));
    }

    private static string Plain(string line) => WebUtility.HtmlDecode(Tag().Replace(line, "")).Replace('\u00A0', ' ').Trim();

    [GeneratedRegex(@"^\s*(?:(\d{1,4}):)?(\d{2}):(\d{2})\.(\d{3})\s+-->\s+(?:(\d{1,4}):)?(\d{2}):(\d{2})\.(\d{3})(?:\s|$)")]
    private static partial Regex Timing();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
