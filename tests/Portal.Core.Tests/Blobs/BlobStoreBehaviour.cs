using System.Text;
using Portal.Core.Blobs;

namespace Portal.Core.Tests.Blobs;

/// <summary>
/// What every <see cref="IBlobStore"/> does, run against each store by a subclass; every test has a container of its own.
/// A store that needs a server overrides each test only to mark it with that server's attribute (see <see cref="AzureBlobStoreTests"/>).
/// </summary>
public abstract class BlobStoreBehaviour
{
    /// <summary>A store over the container, which may or may not exist yet.</summary>
    protected abstract IBlobStore StoreFor(string container);

    [Fact]
    public virtual async Task A_blob_put_is_read_back_byte_for_byte()
    {
        var store = StoreFor(NewContainerName());
        var text = Encoding.UTF8.GetBytes("举报材料 report attachment");
        var large = Bytes(3 * 1024 * 1024 + 17, seed: 1);

        await Put(store, "reports/2025/note.txt", text);
        await Put(store, "media/large.bin", large);

        Assert.Equal(text, await Read(store, "reports/2025/note.txt"));
        Assert.Equal(large, await Read(store, "media/large.bin"));
    }

    [Fact]
    public virtual async Task A_blob_put_again_replaces_the_old_bytes()
    {
        var store = StoreFor(NewContainerName());
        await Put(store, "reports/a.pdf", Bytes(1000, seed: 1));

        await Put(store, "reports/a.pdf", Bytes(10, seed: 2));

        Assert.Equal(Bytes(10, seed: 2), await Read(store, "reports/a.pdf"));
        var entry = Assert.Single(await List(store));
        Assert.Equal(("reports/a.pdf", 10L), (entry.Name, entry.Length));
    }

    [Fact]
    public virtual async Task Opening_a_blob_that_is_not_there_gives_null()
    {
        var store = StoreFor(NewContainerName());
        await Put(store, "reports/a.pdf", Bytes(10));

        Assert.Null(await store.OpenAsync("reports/b.pdf"));
        Assert.Null(await store.OpenAsync("reports"));
    }

    [Fact]
    public virtual async Task A_deleted_blob_is_gone_and_deleting_one_that_is_not_there_is_fine()
    {
        var store = StoreFor(NewContainerName());
        await Put(store, "reports/a.pdf", Bytes(10));
        await Put(store, "reports/b.pdf", Bytes(20));

        await store.DeleteAsync("reports/a.pdf");
        await store.DeleteAsync("reports/a.pdf");
        await store.DeleteAsync("reports/never-there.pdf");

        Assert.Null(await store.OpenAsync("reports/a.pdf"));
        Assert.Equal(["reports/b.pdf"], (await List(store)).Select(e => e.Name));
    }

    [Fact]
    public virtual async Task Listing_by_prefix_gives_exactly_the_blobs_under_it_with_their_lengths()
    {
        var store = StoreFor(NewContainerName());
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Put(store, "reports/2025/a.pdf", Bytes(3));
        await Put(store, "reports/2025/b.pdf", Bytes(5));
        await Put(store, "reports/2026/c.pdf", Bytes(7));
        await Put(store, "reports-old/d.pdf", Bytes(11));
        await Put(store, "media/e.jpg", Bytes(13));

        var in2025 = await List(store, "reports/2025/");

        Assert.Equal(new[] { ("reports/2025/a.pdf", 3L), ("reports/2025/b.pdf", 5L) }, in2025.Select(e => (e.Name, e.Length)));
        Assert.All(in2025, e => Assert.InRange(e.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal(["reports/2025/a.pdf", "reports/2025/b.pdf", "reports/2026/c.pdf"], (await List(store, "reports/")).Select(e => e.Name));
        Assert.Equal(5, (await List(store)).Count);
        Assert.Empty(await List(store, "nothing/"));
    }

    [Fact]
    public virtual async Task A_second_store_on_the_same_container_sees_the_same_blobs()
    {
        var container = NewContainerName();
        await Put(StoreFor(container), "reports/a.pdf", Bytes(10));

        Assert.Equal(Bytes(10), await Read(StoreFor(container), "reports/a.pdf"));
    }

    [Fact]
    public virtual async Task Names_that_could_escape_their_container_are_refused()
    {
        var store = StoreFor(NewContainerName());

        foreach (var name in new[] { "../x", "/abs", "a\\b", "reports/../../x", "" })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(name, new MemoryStream(Bytes(10))));
            await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(name));
            await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(name));
        }
        foreach (var container in new[] { "Reports", "../reports", "re", "a--b" })
            Assert.Throws<ArgumentException>(() => StoreFor(container));
        Assert.Empty(await List(store));
    }

    protected static string NewContainerName() => "test-" + Guid.NewGuid().ToString("N")[..20];

    protected static byte[] Bytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static Task Put(IBlobStore store, string name, byte[] bytes) => store.PutAsync(name, new MemoryStream(bytes));

    protected static async Task<byte[]?> Read(IBlobStore store, string name)
    {
        await using var stream = await store.OpenAsync(name);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>In name order, since stores list in their own order.</summary>
    protected static async Task<List<BlobEntry>> List(IBlobStore store, string prefix = "")
    {
        var entries = new List<BlobEntry>();
        await foreach (var entry in store.ListAsync(prefix))
            entries.Add(entry);
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }
}
