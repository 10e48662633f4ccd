using System.Security.Cryptography;
using System.Text;
using Portal.Core.Reports;

namespace Portal.Core.Exhibition;

/// <summary>What an upload turned out to be, by its bytes.</summary>
public enum MediaKind { Png, Jpeg, WebP, Mp3, Mp4, Captions }

/// <summary>An upload that passed the checks, with the name it is stored under (its hash: the same file uploaded twice is stored once).</summary>
public sealed record CheckedMedia(MediaKind Kind, byte[] Bytes)
{
    public string Src => ExhibitionMedia.UploadFolder + Convert.ToHexString(SHA256.HashData(Bytes))[..24].ToLowerInvariant() + "." + MediaUpload.Extension(Kind);

    public string ContentType => MediaUpload.ContentType(Kind);
}

/// <summary>
/// Checks a press officer's upload: recognised by its bytes, never its name; pictures must be PNG, JPEG or WebP
/// of a sane size (no SVG: it can carry script); audio MP3, video MP4, captions WebVTT; each kind has a size limit.
/// </summary>
public static class MediaUpload
{
    public const long MaxImageBytes = 5 * 1024 * 1024;
    public const long MaxAudioBytes = 20 * 1024 * 1024;
    public const long MaxVideoBytes = 60 * 1024 * 1024;
    public const long MaxCaptionBytes = 256 * 1024;
    public const int MaxImagePixels = 8000;

    /// <summary>The largest upload of any kind, for the request body limit of the page that takes them.</summary>
    public const long MaxBytes = MaxVideoBytes;

    public static string Extension(MediaKind kind) => kind switch
    {
        MediaKind.Png => "png", MediaKind.Jpeg => "jpg", MediaKind.WebP => "webp", MediaKind.Mp3 => "mp3", MediaKind.Mp4 => "mp4", _ => "vtt",
    };

    public static string ContentType(MediaKind kind) => kind switch
    {
        MediaKind.Png => "image/png", MediaKind.Jpeg => "image/jpeg", MediaKind.WebP => "image/webp",
        MediaKind.Mp3 => "audio/mpeg", MediaKind.Mp4 => "video/mp4", _ => "text/vtt",
    };

    /// <summary>A picture, audio or video for an exhibit or a cover; the error is a sentence the officer can act on.</summary>
    public static async Task<(CheckedMedia? Media, string? Error)> CheckMediaAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        var name = AttachmentUpload.DisplayName(file.FileName);
        if (file.Length == 0) return (null, $"“{name}”是空文件，请重新选择。");
        var bytes = await AttachmentUpload.ReadAsync(file, MaxVideoBytes, cancellationToken);
        if (bytes is null) return (null, TooLarge(name, MaxVideoBytes, "视频"));
        var kind = Detect(bytes);
        if (kind is null && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("<svg"u8) >= 0)
            return (null, $"“{name}”是 SVG 图片。SVG 里可以藏脚本，后台不接受上传；请导出为 PNG 或 JPEG 后再上传。");
        if (kind is null) return (null, $"“{name}”的内容不是可用的格式（图片 PNG、JPEG、WebP，音频 MP3，视频 MP4）。只改扩展名是不行的，请上传原始文件。");
        var (limit, what) = kind switch
        {
            MediaKind.Mp3 => (MaxAudioBytes, "音频"),
            MediaKind.Mp4 => (MaxVideoBytes, "视频"),
            _ => (MaxImageBytes, "图片"),
        };
        if (bytes.Length > limit) return (null, TooLarge(name, limit, what));
        if (what == "图片")
        {
            using var stream = new MemoryStream(bytes, writable: false);
            if (ImageHeader.Read(stream, svg: false) is not { } size)
                return (null, $"“{name}”的图片数据不完整，读不出尺寸。请重新导出后再上传。");
            if (size.Width > MaxImagePixels || size.Height > MaxImagePixels)
                return (null, $"“{name}”有 {size.Width}×{size.Height} 像素，超过了 {MaxImagePixels} 像素的上限。请缩小后再上传（手机屏幕用 1600 像素宽就足够）。");
        }
        return (new CheckedMedia(kind.Value, bytes), null);
    }

    /// <summary>WebVTT captions for audio or video: UTF-8 text that starts with WEBVTT.</summary>
    public static async Task<(CheckedMedia? Media, string? Error)> CheckCaptionsAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        var name = AttachmentUpload.DisplayName(file.FileName);
        var bytes = await AttachmentUpload.ReadAsync(file, MaxCaptionBytes, cancellationToken);
        if (bytes is null) return (null, TooLarge(name, MaxCaptionBytes, "字幕"));
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"字幕“{name}”不是 UTF-8 编码的文本。请用记事本等工具另存为 UTF-8 后再上传。");
        }
        if (!text.TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal))
            return (null, $"字幕“{name}”不是 WebVTT 格式：文件第一行应为 WEBVTT。SRT 字幕可以用字幕软件转换为 .vtt。");
        return (new CheckedMedia(MediaKind.Captions, bytes), null);
    }

    private static MediaKind? Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> b = bytes;
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8)) return MediaKind.WebP;
        return AttachmentKinds.Detect(bytes) switch
        {
            AttachmentKind.Png => MediaKind.Png,
            AttachmentKind.Jpeg => MediaKind.Jpeg,
            AttachmentKind.Mp3 => MediaKind.Mp3,
            AttachmentKind.Mp4 => MediaKind.Mp4,
            _ => null,
        };
    }

    private static string TooLarge(string name, long limit, string what) =>
        $"“{name}”超过了{what}每个 {limit / 1024.0 / 1024.0:0.##} MB 的上限。请压缩后再上传。";
}
