using System.Security.Cryptography;
using Portal.Core.Blobs;

namespace Portal.Core.Reports;

/// <summary>An upload measured, hashed and recognised as it streamed past; its bytes are sealed on their way to blob storage.</summary>
public sealed record CheckedFile(string FileName, AttachmentKind Kind, long Length, string Sha256, Func<Stream> Open);

/// <summary>Checks uploads (count, size, kind by their bytes) and stores accepted ones sealed, never holding a whole file in memory.</summary>
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
            if (await MeasureAsync(file, ReportLimits.MaxFileBytes, cancellationToken) is not (var length, var sha256))
            {
                errors["files"] = $"附件“{name}”超过了每个 {ReportLimits.MaxFileBytes / 1024 / 1024} MB 的上限。";
                continue;
            }
            if (AttachmentKinds.Detect(file.Open) is not { } kind)
            {
                errors["files"] = $"附件“{name}”的内容不是允许的格式（{AttachmentKinds.Allowed}）。只改文件扩展名是不行的，请上传原始的照片、文档或录音录像。";
                continue;
            }
            accepted.Add(new CheckedFile(name, kind, length, sha256, file.Open));
        }
        return accepted;
    }

    /// <summary>The record of an accepted file: its sealed name and where its sealed bytes will be.</summary>
    public static ReportAttachment Record(ReportSeal seal, Guid reportId, CheckedFile file, DateTime now)
    {
        var id = Guid.NewGuid();
        return new ReportAttachment
        {
            Id = id, ReportId = reportId, BlobName = $"reports/{reportId:N}/{id:N}", Kind = file.Kind, Length = file.Length,
            SealedName = seal.SealText(SealedField.AttachmentName, id, file.FileName), AddedAt = now,
        };
    }

    /// <summary>Seals each file as it is copied into blob storage, one chunk in memory at a time.</summary>
    public static async Task UploadAsync(ReportSeal seal, IBlobStore blobs, IEnumerable<(ReportAttachment Record, CheckedFile File)> attachments, CancellationToken cancellationToken)
    {
        foreach (var (record, file) in attachments)
        {
            await using var plaintext = file.Open();
            await using var sealedStream = seal.SealAttachment(record.Id, plaintext);
            await blobs.PutAsync(record.BlobName, sealedStream, cancellationToken);
        }
    }

    public static async Task DeleteAsync(IBlobStore blobs, IEnumerable<ReportAttachment> attachments)
    {
        foreach (var record in attachments) await blobs.DeleteAsync(record.BlobName, CancellationToken.None);
    }

    /// <summary>The file's length and SHA-256, read as a stream; null when it turns out longer than the limit (its declared length is not trusted).</summary>
    private static async Task<(long Length, string Sha256)?> MeasureAsync(IncomingFile file, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = file.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes) return null;
            hash.AppendData(chunk, 0, read);
        }
        return (length, Convert.ToHexString(hash.GetHashAndReset()));
    }

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
