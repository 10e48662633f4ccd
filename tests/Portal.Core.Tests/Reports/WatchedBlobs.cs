using System.Runtime.CompilerServices;
using Portal.Core.Blobs;
using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

/// <summary>An upload whose bytes are counted as each opened copy of it is read.</summary>
public sealed class CountedFile(string name, byte[] bytes)
{
    private ObservedStream? _latest;

    public byte[] Bytes => bytes;

    public IncomingFile Incoming => new(name, bytes.Length, Open);

    /// <summary>How much of the copy opened last has been read.</summary>
    public long ReadFromLatest => _latest?.BytesRead ?? 0;

    private Stream Open() => _latest = new ObservedStream(new MemoryStream(bytes, writable: false));

    /// <summary>A video of the given size: an MP4 header, then bytes that do not repeat.</summary>
    public static CountedFile Video(int size)
    {
        var bytes = new byte[size];
        new Random(12388).NextBytes(bytes);
        "\0\0\0\u0018ftypmp42"u8.CopyTo(bytes);
        return new CountedFile("现场录像.mp4", bytes);
    }
}

/// <summary>
/// The attachment store as it is, watched: how far an upload's source was read ahead of what reached storage
/// (a file held whole in memory shows as the whole file), and how many stored bytes were read back.
/// </summary>
public sealed class WatchedBlobs(IBlobStore inner, CountedFile source) : IBlobStore
{
    private long _readBack;

    public long MostReadAhead { get; private set; }

    public long ReadBack => Interlocked.Read(ref _readBack);

    public async Task PutAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        long stored = 0;
        var observed = new ObservedStream(content, read =>
        {
            stored += read;
            MostReadAhead = Math.Max(MostReadAhead, source.ReadFromLatest - stored);
        });
        await inner.PutAsync(name, observed, cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default) =>
        await inner.OpenAsync(name, cancellationToken) is { } stream ? new ObservedStream(stream, read => Interlocked.Add(ref _readBack, read)) : null;

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);

    public Task<int> RemoveUnfinishedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        inner.RemoveUnfinishedAsync(olderThan, cancellationToken);

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var blob in inner.ListAsync(prefix, cancellationToken)) yield return blob;
    }
}

/// <summary>A read-only stream that counts what is read from the stream inside it.</summary>
public sealed class ObservedStream(Stream inner, Action<int>? onRead = null) : ForwardReadStream
{
    public long BytesRead { get; private set; }

    private int Count(int read)
    {
        BytesRead += read;
        onRead?.Invoke(read);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
