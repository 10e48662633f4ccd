using System.IO.Compression;
using System.Text;
using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class AttachmentKindsTests
{
    public static TheoryData<string, byte[], AttachmentKind> Files => new()
    {
        { "photo", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], AttachmentKind.Jpeg },
        { "screenshot", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], AttachmentKind.Png },
        { "scan", Encoding.ASCII.GetBytes("%PDF-1.7\n"), AttachmentKind.Pdf },
        { "old word", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], AttachmentKind.Doc },
        { "word", Zip("[Content_Types].xml", "word/document.xml"), AttachmentKind.Docx },
        { "recording with tag", Encoding.ASCII.GetBytes("ID3\u0004\0\0\0\0\0\0"), AttachmentKind.Mp3 },
        { "recording", [0xFF, 0xFB, 0x90, 0x64], AttachmentKind.Mp3 },
        { "video", [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'], AttachmentKind.Mp4 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_allowed_kind_is_recognised_by_its_bytes(string what, byte[] bytes, AttachmentKind kind)
    {
        Assert.True(AttachmentKinds.Detect(bytes) == kind, what);
    }

    [Fact]
    public void A_program_renamed_to_look_like_a_photo_is_not_recognised()
    {
        Assert.Null(AttachmentKinds.Detect(Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode")));
        Assert.Null(AttachmentKinds.Detect(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")));
    }

    [Fact]
    public void A_zip_that_is_not_a_Word_document_is_not_a_docx()
    {
        Assert.Null(AttachmentKinds.Detect(Zip("readme.txt")));
        Assert.Null(AttachmentKinds.Detect([.. "PK\u0003\u0004"u8, 1, 2, 3]));
    }

    [Fact]
    public async Task Uploads_are_refused_when_too_many_too_large_empty_or_disguised()
    {
        IncomingFile File(string name, byte[] bytes, long? declared = null) => new(name, declared ?? bytes.Length, () => new MemoryStream(bytes));
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 1 };

        async Task<string?> Problem(params IncomingFile[] files)
        {
            var errors = new FieldErrors();
            await AttachmentUpload.CheckAsync(files, errors, CancellationToken.None);
            return errors.GetValueOrDefault("files");
        }

        Assert.Null(await Problem(File("a.jpg", jpeg)));
        Assert.Contains("最多上传 5 个附件（这次选了 6 个）", await Problem(Enumerable.Repeat(File("a.jpg", jpeg), 6).ToArray()));
        Assert.Contains("超过了每个 20 MB 的上限", await Problem(File("大视频.mp4", jpeg, declared: 21L * 1024 * 1024)));
        Assert.Contains("超过了每个 20 MB 的上限", await Problem(File("谎报大小.jpg", new byte[20 * 1024 * 1024 + 1], declared: 10)));
        Assert.Contains("空文件", await Problem(File("空.jpg", [])));
        Assert.Contains("“病毒.jpg”的内容不是允许的格式", await Problem(File(@"C:\fakepath\病毒.jpg", Encoding.ASCII.GetBytes("MZ\u0090\0"))));
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        return buffer.ToArray();
    }
}
