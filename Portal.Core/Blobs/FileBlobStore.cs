using System.Runtime.CompilerServices;

namespace Portal.Core.Blobs;

/// <summary>
/// Blobs as files in one folder per container; a blob is written to a temporary file, flushed to disk, then renamed into
/// place. Temporary files a killed process left behind are removed when the store starts, once they are an hour old.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private const string Unfinished = ".partial-";

    /// <summary>A write still going touches its file all the time; one untouched this long was cut short, even if another process shares the folder.</summary>
    public static readonly TimeSpan UnfinishedAge = TimeSpan.FromHours(1);

    private readonly string _folder;

    public FileBlobStore(string root, string container)
    {
        _folder = Path.Combine(Path.GetFullPath(root), BlobNames.CheckContainer(container));
        Directory.CreateDirectory(_folder);
        RemoveUnfinished(DateTimeOffset.UtcNow - UnfinishedAge);
    }

    public async Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + Unfinished + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        // File.Delete throws when the folder is missing too; the contract is that a missing blob is not an error.
        var path = PathOf(name);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetRelativePath(_folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (name.Contains(Unfinished, StringComparison.Ordinal) || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var info = new FileInfo(path);
            yield return new BlobEntry(name, info.Length, info.LastWriteTimeUtc);
        }
        await Task.CompletedTask;
    }

    public Task<int> RemoveUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        Task.FromResult(RemoveUnfinished(olderThan));

    private int RemoveUnfinished(DateTimeOffset olderThan)
    {
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + Unfinished + "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) >= olderThan.UtcDateTime) continue;
            File.Delete(path);
            removed++;
        }
        return removed;
    }

    private string PathOf(string name) => Path.Combine(_folder, BlobNames.Check(name).Replace('/', Path.DirectorySeparatorChar));
}
