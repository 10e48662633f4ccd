using Portal.Core.Blobs;
using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>An evidence file that passed the checks: its name for display, its kind by its bytes, its measured length.</summary>
public sealed record CheckedEvidence(string FileName, AttachmentKind Kind, long Length, Func<Stream> Open);

/// <summary>Checks evidence files against <see cref="ClueLimits"/> (count, size, kind by their bytes) and stores accepted ones sealed.</summary>
public static class ClueEvidenceFiles
{
    /// <summary>The accepted files, or the first problem as a sentence; a whole file is never held in memory.</summary>
    public static async Task<(List<CheckedEvidence> Files, string? Problem)> CheckAsync(IReadOnlyList<IncomingFile> files, int alreadyKept, CancellationToken cancellationToken)
    {
        if (files.Count > ClueLimits.MaxFilesPerStep)
            return ([], $"每次最多上传 {ClueLimits.MaxFilesPerStep} 个证明材料（这次选了 {files.Count} 个），可以合并成一个 PDF。");
        if (alreadyKept + files.Count > ClueLimits.MaxFilesPerClue)
            return ([], $"每条线索最多保存 {ClueLimits.MaxFilesPerClue} 个证明材料，已有 {alreadyKept} 个。请把材料合并成一个 PDF 再上传。");
        var accepted = new List<CheckedEvidence>();
        foreach (var file in files)
        {
            var name = AttachmentUpload.DisplayName(file.FileName);
            if (file.Length == 0) return ([], $"证明材料“{name}”是空文件，请重新选择。");
            var limit = $"证明材料“{name}”超过了每个 {ClueLimits.MaxFileBytes / 1024 / 1024} MB 的上限，请压缩或分成几份。";
            if (file.Length > ClueLimits.MaxFileBytes || await LengthAsync(file, cancellationToken) is not { } length) return ([], limit);
            if (AttachmentKinds.Detect(file.Open) is not { } kind || !ClueLimits.Allows(kind))
                return ([], $"证明材料“{name}”不是允许的格式（{ClueLimits.AllowedKinds}）。请上传扫描件、照片或文档的原件，只改扩展名是不行的。");
            accepted.Add(new CheckedEvidence(name, kind, length, file.Open));
        }
        return (accepted, null);
    }

    /// <summary>Seals each file into blob storage and returns its record; the caller adds the records to its step.</summary>
    public static async Task<List<ClueEvidence>> StoreAsync(ClueSeal seal, IBlobStore blobs, long clueId, IEnumerable<CheckedEvidence> files, DateTime now, CancellationToken cancellationToken)
    {
        var stored = new List<ClueEvidence>();
        foreach (var file in files)
        {
            var id = Guid.NewGuid();
            var record = new ClueEvidence
            {
                Id = id, ClueId = clueId, BlobName = $"clues/{clueId}/{id:N}", Kind = file.Kind, Length = file.Length,
                SealedName = seal.SealName(id, file.FileName), AddedAt = now,
            };
            await using (var plaintext = file.Open())
            await using (var sealedStream = seal.SealFile(id, plaintext))
                await blobs.PutAsync(record.BlobName, sealedStream, cancellationToken);
            stored.Add(record);
        }
        return stored;
    }

    /// <summary>Removes the blobs of a step that was not saved.</summary>
    public static async Task DeleteAsync(IBlobStore blobs, IEnumerable<ClueEvidence> evidence)
    {
        foreach (var record in evidence) await blobs.DeleteAsync(record.BlobName, CancellationToken.None);
    }

    /// <summary>The file's length as read, or null past the limit (its declared length is not trusted).</summary>
    private static async Task<long?> LengthAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.Open();
        var chunk = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            if ((length += read) > ClueLimits.MaxFileBytes) return null;
        return length;
    }
}
