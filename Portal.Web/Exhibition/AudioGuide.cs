using System.Globalization;
using Portal.Core.Exhibition;

namespace Portal.Web.Exhibition;

/// <summary>
/// An audio guide on an exhibit page: its player's id and the lines of its captions, shown in order under it as the
/// transcript. wwwroot/js/guide-transcript.js marks the line being read and plays from a tapped line.
/// </summary>
public sealed record AudioGuide(MediaItem Audio, string PlayerId, IReadOnlyList<CaptionCue> Lines)
{
    /// <summary>The guides of an exhibit whose captions have lines; a guide without them keeps the written transcript.</summary>
    public static IReadOnlyList<AudioGuide> Of(Exhibit exhibit, ExhibitionMediaStore media) => exhibit.Media
        .Where(m => m.ContentType.StartsWith("audio/", StringComparison.Ordinal) && m.Captions is not null)
        .Select((m, i) => new AudioGuide(m, $"guide-{i + 1}", media.CuesOf(m.Captions!)))
        .Where(g => g.Lines.Count > 0)
        .ToList();

    /// <summary>A line's start in seconds as a browser's TextTrackCue gives it, which the script matches the cue by.</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
