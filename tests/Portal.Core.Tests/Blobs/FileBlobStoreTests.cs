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

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
