using System.Security.Cryptography;
using Portal.Core.Blobs;
using Portal.Core.Ingest;

namespace Portal.Core.Submissions;

/// <summary>A spooled upload: its blob, its size and its SHA-256.</summary>
public sealed record SpooledFile(string Name, long Bytes, string Sha256);

/// <summary>
/// Uploads wait for the worker in blob storage (a folder, or Azure in a deployment of several instances), so that a worker
/// in any host can take a file uploaded to another. The copy stops at the size limit. The worker reads a local copy named
/// as the clerk named the file (the report and the messages name it so); both go once it is done.
/// </summary>
public sealed class SubmissionSpool(IBlobStore blobs, string workDirectory, long maxBytes)
{
    public const string Container = "submissions";

    /// <summary>Marks the refusal of a file over the limit, for an answer that says so by its status (413).</summary>
    public const string TooLargeMark = "MB 的上限";

    public async Task<SpooledFile> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = Guid.NewGuid().ToString("N") + Path.GetExtension(fileName).ToLowerInvariant();
        using var metered = new MeteredStream(content, maxBytes, fileName);
        try { await blobs.PutAsync(name, metered, cancellationToken); }
        catch
        {
            await blobs.DeleteAsync(name, CancellationToken.None);
            throw;
        }
        return new SpooledFile(name, metered.Count, Convert.ToHexStringLower(metered.Hash()));
    }

    /// <summary>A local copy for the reader, or null when the blob is gone.</summary>
    public async Task<string?> FetchAsync(string name, string fileName, CancellationToken cancellationToken)
    {
        await using var blob = await blobs.OpenAsync(name, cancellationToken);
        if (blob is null) return null;
        var path = Path.Combine(WorkFolder(name), fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await blob.CopyToAsync(file, cancellationToken);
        return path;
    }

    public async Task DeleteAsync(string name)
    {
        DropLocalCopy(name);
        await blobs.DeleteAsync(name, CancellationToken.None);
    }

    /// <summary>Removes the worker's copy only: the file waits in the queue for another turn.</summary>
    public void DropLocalCopy(string name)
    {
        var folder = WorkFolder(name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private string WorkFolder(string name) => Path.Combine(workDirectory, Path.GetFileNameWithoutExtension(BlobNames.Check(name)));

    /// <summary>The name as the clerk's computer gave it, made safe as a file name; only CSV and XLSX are taken.</summary>
    public static string? SafeName(string? uploaded)
    {
        var name = Path.GetFileName((uploaded ?? "").Replace('\\', '/')).Trim();
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        if (name.Length > 120) name = name[..100] + Path.GetExtension(name);
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? name : null;
    }

    /// <summary>Counts and hashes what passes; past the limit it refuses, so no more than the limit is ever stored.</summary>
    private sealed class MeteredStream(Stream inner, long limit, string fileName) : ForwardReadStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Count { get; private set; }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override int Read(byte[] buffer, int offset, int count) => Counted(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Counted(buffer.Span[..read]);
        }

        private int Counted(ReadOnlySpan<byte> read)
        {
            Count += read.Length;
            if (Count > limit)
                throw new ExportFileException($"{fileName}：文件超过 {limit / (1024 * 1024)} {TooLargeMark}，未公开任何数据。请按乡镇或月份拆分后分别上传。");
            _hash.AppendData(read);
            return read.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
