using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Portal.Core.Blobs;

/// <summary>Blobs in one Azure Blob Storage container, created private if it is missing; the store never makes SAS links.</summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;

    public AzureBlobStore(string connectionString, string container)
    {
        _container = new BlobContainerClient(connectionString, BlobNames.CheckContainer(container));
        // None: no anonymous read of the container or its blobs. An existing container keeps its own setting.
        _container.CreateIfNotExists(PublicAccessType.None);
    }

    // Blocks of 4 MiB, two at a time: a stream that cannot seek (a sealed attachment) is buffered one block per upload,
    // not up to the SDK's 256 MiB single-shot size.
    private static readonly StorageTransferOptions Transfer = new() { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 2 };

    public async Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default) =>
        await BlobOf(name).UploadAsync(content, new BlobUploadOptions { TransferOptions = Transfer }, cancellationToken);

    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            // Seekable, read in chunks as it goes: media are served with ranges (audio and video seek) straight from it.
            return await BlobOf(name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        await BlobOf(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
        await foreach (var blob in _container.GetBlobsAsync(options, cancellationToken))
            yield return new BlobEntry(blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
    }

    /// <summary>An upload cut short leaves only uncommitted blocks, which Azure discards by itself after a week.</summary>
    public Task<int> RemoveUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0);

    private BlobClient BlobOf(string name) => _container.GetBlobClient(BlobNames.Check(name));
}
