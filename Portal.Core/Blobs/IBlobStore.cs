namespace Portal.Core.Blobs;

/// <summary>One private container of blobs: report attachments, or exhibition media.</summary>
public interface IBlobStore
{
    /// <summary>Stores the blob, replacing one of the same name; when this returns the bytes are durable.</summary>
    Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The blob's bytes, or null when there is none of that name.</summary>
    Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every blob whose name starts with the prefix, for sweeping orphans.</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Removes what writes cut short (a killed process) left behind, last touched before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> RemoveUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}

public sealed record BlobEntry(string Name, long Length, DateTimeOffset LastModified);
