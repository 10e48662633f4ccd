using Portal.Core.Blobs;

namespace Portal.Core.Tests.Blobs;

public sealed class FileBlobStoreTests : BlobStoreBehaviour, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-blobs-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IBlobStore StoreFor(string container) => new FileBlobStore(Path.Combine(_root, "blobs"), container);

    [Fact]
    public async Task Names_that_are_refused_write_nothing_outside_the_container()
    {
        var store = StoreFor(NewContainerName());

        await Assert.ThrowsAsync<ArgumentException>(() => Put(store, "../../escaped", Bytes(10)));

        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Temporary_files_of_writes_a_killed_process_cut_short_are_removed_when_the_store_starts_once_an_hour_old()
    {
        var container = NewContainerName();
        StoreFor(container);
        var folder = Directory.CreateDirectory(Path.Combine(_root, "blobs", container, "reports", "a")).FullName;
        var old = Path.Combine(folder, "b.partial-1");
        var recent = Path.Combine(folder, "c.partial-2");
        File.WriteAllBytes(old, []);
        File.WriteAllBytes(recent, []);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - FileBlobStore.UnfinishedAge - TimeSpan.FromMinutes(5));

        StoreFor(container);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
