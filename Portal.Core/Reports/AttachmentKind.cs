using System.IO.Compression;

namespace Portal.Core.Reports;

public enum AttachmentKind { Jpeg, Png, Pdf, Doc, Docx, Mp3, Mp4 }

/// <summary>Recognises an upload by its first bytes, never by its name: a renamed program is not a photo.</summary>
public static class AttachmentKinds
{
    public const string Allowed = "jpg、png、pdf、doc、docx、mp3、mp4";

    public static string Extension(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Jpeg => "jpg", AttachmentKind.Png => "png", AttachmentKind.Pdf => "pdf", AttachmentKind.Doc => "doc",
        AttachmentKind.Docx => "docx", AttachmentKind.Mp3 => "mp3", _ => "mp4",
    };

    public static string ContentType(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Jpeg => "image/jpeg", AttachmentKind.Png => "image/png", AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Doc => "application/msword", AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Mp3 => "audio/mpeg", _ => "video/mp4",
    };

    public static AttachmentKind? Detect(byte[] bytes) => Detect(() => new MemoryStream(bytes, writable: false));

    /// <summary>Reads the first bytes of the file, and for a zip its directory (opening the file again), never the whole file into memory.</summary>
    public static AttachmentKind? Detect(Func<Stream> open)
    {
        var head = new byte[12];
        int length;
        using (var stream = open()) length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> b = head.AsSpan(0, length);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return AttachmentKind.Jpeg;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return AttachmentKind.Png;
        if (b.StartsWith("%PDF-"u8)) return AttachmentKind.Pdf;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return AttachmentKind.Doc;
        if (b.StartsWith("PK\x03\x04"u8)) return IsWordDocument(open) ? AttachmentKind.Docx : null;
        if (b.Length >= 12 && b.Slice(4, 4).SequenceEqual("ftyp"u8)) return AttachmentKind.Mp4;
        if (b.StartsWith("ID3"u8) || (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0)) return AttachmentKind.Mp3;
        return null;
    }

    /// <summary>A .docx is a zip; only one with a Word document part inside counts, not any zip renamed.</summary>
    private static bool IsWordDocument(Func<Stream> open)
    {
        try
        {
            using var zip = new ZipArchive(open(), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
