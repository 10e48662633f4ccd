using System.Security.Cryptography;
using Portal.Core.Ingest;

namespace Portal.Core.Submissions;

/// <summary>A spooled upload: where it waits, its size and its SHA-256.</summary>
public sealed record SpooledFile(string Name, long Bytes, string Sha256);

/// <summary>
/// Uploads wait here for the worker, each in a folder of its own under the clerk's file name (the rejection report and
/// the messages name the file as the clerk knows it). Copying stops at the size limit; the worker deletes the file once done.
/// </summary>
public sealed class SubmissionSpool(string directory, long maxBytes)
{
    public async Task<SpooledFile> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = Path.Combine(Guid.NewGuid().ToString("N"), fileName);
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw new ExportFileException($"{fileName}：文件超过 {maxBytes / (1024 * 1024)} MB 的上限，未公开任何数据。请按乡镇或月份拆分后分别上传。");
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            Delete(name);
            throw;
        }
        return new SpooledFile(name, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public string PathOf(string name) => Path.Combine(directory, name);

    public void Delete(string name)
    {
        var folder = Path.GetDirectoryName(PathOf(name))!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The name as the clerk's computer gave it, made safe as a file name; only CSV and XLSX are taken.</summary>
    public static string? SafeName(string? uploaded)
    {
        var name = Path.GetFileName((uploaded ?? "").Replace('\\', '/')).Trim();
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        if (name.Length > 120) name = name[..100] + Path.GetExtension(name);
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? name : null;
    }
}
