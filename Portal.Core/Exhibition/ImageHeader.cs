using System.Buffers.Binary;
using System.Globalization;
using System.Xml;

namespace Portal.Core.Exhibition;

/// <summary>An image's intrinsic size in CSS pixels.</summary>
public readonly record struct ImageSize(int Width, int Height);

/// <summary>
/// Reads a picture's width and height from its header (PNG, JPEG, WebP) or its root element (SVG), so every
/// <c>&lt;img&gt;</c> reserves its space and the page does not jump while a slow phone loads it. Unknown formats give no size.
/// </summary>
public static class ImageHeader
{
    /// <summary>The size of the picture in a seekable stream; <paramref name="svg"/> says it is SVG text rather than a bitmap.</summary>
    public static ImageSize? Read(Stream file, bool svg)
    {
        try
        {
            if (svg) return Svg(file);
            Span<byte> head = stackalloc byte[32];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (read >= 24 && head[..8].SequenceEqual(PngSignature))
                return Positive(BinaryPrimitives.ReadInt32BigEndian(head[16..]), BinaryPrimitives.ReadInt32BigEndian(head[20..]));
            if (read >= 30 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP(head);
            if (read >= 2 && head[0] == 0xFF && head[1] == 0xD8) return Jpeg(file);
            return null;
        }
        catch (Exception e) when (e is IOException or XmlException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ImageSize? Positive(int width, int height) => width > 0 && height > 0 ? new ImageSize(width, height) : null;

    /// <summary>The root element's width and height in pixels, else its viewBox.</summary>
    private static ImageSize? Svg(Stream file)
    {
        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        if (reader.MoveToContent() != XmlNodeType.Element) return null;
        if (Pixels(reader.GetAttribute("width")) is { } width && Pixels(reader.GetAttribute("height")) is { } height) return Positive(width, height);
        var box = reader.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return box is { Length: 4 } && Number(box[2]) is { } w && Number(box[3]) is { } h ? Positive(w, h) : null;
    }

    private static int? Pixels(string? value) => value is null ? null : Number(value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value);

    private static int? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100_000 ? (int)Math.Round(n) : null;

    private static ImageSize? WebP(ReadOnlySpan<byte> head)
    {
        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return Positive(1 + (head[24] | head[25] << 8 | head[26] << 16), 1 + (head[27] | head[28] << 8 | head[29] << 16));
        if (chunk.SequenceEqual("VP8 "u8))
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Positive((int)(bits & 0x3FFF) + 1, (int)(bits >> 14 & 0x3FFF) + 1);
        }
        return null;
    }

    /// <summary>Walks the JPEG segments to the first start-of-frame, which holds the size.</summary>
    private static ImageSize? Jpeg(Stream file)
    {
        file.Position = 2;
        Span<byte> segment = stackalloc byte[9];
        while (file.ReadAtLeast(segment[..4], 4, throwOnEndOfStream: false) == 4)
        {
            if (segment[0] != 0xFF) return null;
            var marker = segment[1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]);
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                if (file.ReadAtLeast(segment[..5], 5, throwOnEndOfStream: false) < 5) return null;
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]));
            }
            if (length < 2) return null;
            file.Position += length - 2;
        }
        return null;
    }
}
