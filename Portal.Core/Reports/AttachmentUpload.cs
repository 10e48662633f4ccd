using System.Security.Cryptography;
using Portal.Core.Blobs;

namespace Portal.Core.Reports;

/// <summary>An upload read into memory and recognised; its bytes are sealed before they reach blob storage.</summary>
public sealed record CheckedFile(string FileName, AttachmentKind Kind, byte[] Bytes)
{
    public string Sha256 => Convert.ToHexString(SHA256.HashData(Bytes));
}

/// <summary>Checks uploads (count, size, kind by their bytes) and stores accepted ones sealed.</summary>
public static class AttachmentUpload
{
    public static async Task<List<CheckedFile>> CheckAsync(IReadOnlyList<IncomingFile> files, FieldErrors errors, CancellationToken cancellationToken)
    {
        var accepted = new List<CheckedFile>();
        if (files.Count > ReportLimits.MaxFiles)
        {
            errors["files"] = $"最多上传 {ReportLimits.MaxFiles} 个附件（这次选了 {files.Count} 个）。请挑选最重要的，或合并成一个 PDF。";
            return accepted;
        }
        foreach (var file in files)
        {
            var name = DisplayName(file.FileName);
            if (file.Length == 0) { errors["files"] = $"附件“{name}”是空文件，请重新选择。"; continue; }
            if (file.Length > ReportLimits.MaxFileBytes)
            {
                errors["files"] = $"附件“{name}”有 {file.Length / 1024.0 / 1024.0:0.#} MB，超过了每个 {ReportLimits.MaxFileBytes / 1024 / 1024} MB 的上限。请压缩或分段后再上传。";
                continue;
            }
            var bytes = await ReadAsync(file, ReportLimits.MaxFileBytes, cancellationToken);
            if (bytes is null)
            {
                errors["files"] = $"附件“{name}”超过了每个 {ReportLimits.MaxFileBytes / 1024 / 1024} MB 的上限。";
                continue;
            }
            if (AttachmentKinds.Detect(bytes) is not { } kind)
            {
                errors["files"] = $"附件“{name}”的内容不是允许的格式（{AttachmentKinds.Allowed}）。只改文件扩展名是不行的，请上传原始的照片、文档或录音录像。";
                continue;
            }
            accepted.Add(new CheckedFile(name, kind, bytes));
        }
        return accepted;
    }

    public static ReportAttachment Seal(ReportCipher cipher, Guid reportId, CheckedFile file, DateTime now, out byte[] sealedBytes)
    {
        var id = Guid.NewGuid();
        sealedBytes = cipher.Seal(file.Bytes, Context(id));
        return new ReportAttachment
        {
            Id = id, ReportId = reportId, BlobName = $"reports/{reportId:N}/{id:N}", Kind = file.Kind, Length = file.Bytes.Length,
            SealedName = cipher.SealText(file.FileName, NameContext(id)), AddedAt = now,
        };
    }

    public static async Task UploadAsync(IBlobStore blobs, IEnumerable<(ReportAttachment Record, byte[] Sealed)> attachments, CancellationToken cancellationToken)
    {
        foreach (var (record, sealedBytes) in attachments)
        {
            using var stream = new MemoryStream(sealedBytes, writable: false);
            await blobs.PutAsync(record.BlobName, stream, cancellationToken);
        }
    }

    public static async Task DeleteAsync(IBlobStore blobs, IEnumerable<ReportAttachment> attachments)
    {
        foreach (var record in attachments) await blobs.DeleteAsync(record.BlobName, CancellationToken.None);
    }

    public static string Context(Guid attachmentId) => $"attachment:{attachmentId:N}";

    public static string NameContext(Guid attachmentId) => $"attachment-name:{attachmentId:N}";

    /// <summary>The bytes, or null when the stream turns out longer than its declared length allowed.</summary>
    /// <summary>The file's bytes, or null when it turns out longer than the limit (its declared length is not trusted).</summary>
    public static async Task<byte[]?> ReadAsync(IncomingFile file, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = file.Open();
        using var buffer = new MemoryStream((int)Math.Min(file.Length, maxBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The file's own name without any path, cut to a sane length; used only inside messages and sealed records.</summary>
    public static string DisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "未命名文件" : name.Length > 100 ? name[..100] : name;
    }
}
