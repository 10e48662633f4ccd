using System.Security.Cryptography;
using Portal.Core;
using Portal.Core.Reports;

namespace Portal.Hosting;

/// <summary>
/// Uploads kept in temporary files while one request is handled, sealed as they arrive under a key that lives only in
/// this object: an upload is never held whole in memory, its plaintext never reaches the disk, and what a killed process
/// leaves behind cannot be read by anyone. Disposing it deletes the files.
/// </summary>
public sealed class SealedSpool : IAsyncDisposable
{
    private const string Context = "upload";
    private readonly ReportCipher _cipher = new(new Dictionary<string, byte[]> { ["spool"] = RandomNumberGenerator.GetBytes(32) }, "spool");
    private readonly List<string> _paths = [];

    /// <summary>
    /// Spools one upload. Bytes past <paramref name="keepBytes"/> are counted but not kept: the file's length then tells
    /// that it is too large, and the rest of the request can still be read.
    /// </summary>
    public async Task<IncomingFile> AddAsync(string fileName, Stream content, long keepBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-upload-{Guid.NewGuid():N}");
        _paths.Add(path);
        var kept = new CountedStream(content, keepBytes);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        await using (var sealedStream = _cipher.SealStream(kept, Context))
            await sealedStream.CopyToAsync(file, cancellationToken);
        var length = kept.Count;
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0) length += read;
        return new IncomingFile(fileName, length, () => _cipher.OpenStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920), Context));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var path in _paths) File.Delete(path);
        _paths.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads at most <c>limit</c> + 1 bytes of the stream inside it, counting them.</summary>
    private sealed class CountedStream(Stream inner, long limit) : ForwardReadStream
    {
        public long Count { get; private set; }

        private int Room(int wanted) => (int)Math.Min(wanted, limit + 1 - Count);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, Room(count));
            Count += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken);
            Count += read;
            return read;
        }
    }
}
