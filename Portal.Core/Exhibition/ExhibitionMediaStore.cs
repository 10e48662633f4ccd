using System.Collections.Concurrent;
using Portal.Core.Blobs;

namespace Portal.Core.Exhibition;

/// <summary>
/// The exhibition's media: what ships in content/exhibition/media, and what the press office uploads, which lives
/// in blob storage under <see cref="ExhibitionMedia.UploadFolder"/> (a local folder by default, Azure by configuration).
/// </summary>
public sealed class ExhibitionMediaStore(string bundledFolder, IBlobStore uploads)
{
    public const string Container = "exhibition-media";

    private readonly ConcurrentDictionary<string, ImageSize?> _sizes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<CaptionCue>> _cues = new(StringComparer.Ordinal);

    /// <summary>content/exhibition/media: served as static files.</summary>
    public string BundledFolder { get; } = bundledFolder;

    public IBlobStore Uploads { get; } = uploads;

    public async Task<Stream?> OpenAsync(string src, CancellationToken cancellationToken = default)
    {
        if (!ExhibitionMedia.IsInside(src)) return null;
        if (ExhibitionMedia.IsUpload(src)) return await Uploads.OpenAsync(src, cancellationToken);
        var path = Path.Combine(BundledFolder, src);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public async Task<bool> ExistsAsync(string src, CancellationToken cancellationToken = default)
    {
        await using var stream = await OpenAsync(src, cancellationToken);
        return stream is not null;
    }

    /// <summary>The picture's size as measured by <see cref="MeasureAsync"/>; null for what is not a picture or could not be read.</summary>
    public ImageSize? SizeOf(string src) => _sizes.GetValueOrDefault(src);

    /// <summary>Measures the pictures not measured before; media never change under their name (uploads are named by their hash).</summary>
    public async Task MeasureAsync(IEnumerable<MediaItem> media, CancellationToken cancellationToken = default)
    {
        foreach (var item in media.Where(m => m.ContentType.StartsWith("image/", StringComparison.Ordinal)).DistinctBy(m => m.Src))
        {
            if (_sizes.ContainsKey(item.Src)) continue;
            await using var stream = await OpenAsync(item.Src, cancellationToken);
            if (stream is null) continue;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            _sizes[item.Src] = ImageHeader.Read(copy, item.ContentType == "image/svg+xml");
        }
    }

    /// <summary>The lines of an audio guide's captions as read by <see cref="ReadGuideCaptionsAsync"/>; empty for captions that could not be read.</summary>
    public IReadOnlyList<CaptionCue> CuesOf(string captions) => _cues.GetValueOrDefault(captions, []);

    /// <summary>Reads the captions of the audio guides not read before, for the transcript shown line by line under the player.</summary>
    public async Task ReadGuideCaptionsAsync(IEnumerable<MediaItem> media, CancellationToken cancellationToken = default)
    {
        foreach (var captions in media.Where(m => m.ContentType.StartsWith("audio/", StringComparison.Ordinal)).Select(m => m.Captions).OfType<string>().Distinct())
        {
            if (_cues.ContainsKey(captions)) continue;
            await using var stream = await OpenAsync(captions, cancellationToken);
            if (stream is null) continue;
            using var reader = new StreamReader(stream);
            _cues[captions] = CaptionCues.Read(await reader.ReadToEndAsync(cancellationToken));
        }
    }

    /// <summary>Stores an accepted upload under a name made of its hash, and gives that name.</summary>
    public async Task<string> StoreAsync(CheckedMedia media, CancellationToken cancellationToken = default)
    {
        var src = media.Src;
        using var content = new MemoryStream(media.Bytes, writable: false);
        await Uploads.PutAsync(BlobNames.Check(src), content, cancellationToken);
        return src;
    }
}
