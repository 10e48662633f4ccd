using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Portal.Core.Reports;

/// <summary>
/// The streamed format of sealed attachments, so an upload or a download holds one chunk in memory, not the file:
/// <c>version(2) · key-id length(1) · key id · salt(32)</c>, then chunks of up to 64 KiB, each <c>ciphertext · tag(16)</c>.
/// Each file gets its own AES-256-GCM key (HKDF of the report key and the salt); a chunk's nonce is its index and
/// whether it is the last (the STREAM construction), and the context is authenticated with every chunk, so chunks
/// cannot be reordered, dropped, repeated, cut off at the end or moved to another attachment.
/// </summary>
internal static class SealedStreams
{
    public const byte Version = 2;
    public const int ChunkSize = 64 * 1024;
    public const int SaltSize = 32;
    public const int TagSize = 16;
    private const int NonceSize = 12;

    public static AesGcm FileCipher(byte[] reportKey, ReadOnlySpan<byte> salt) =>
        new(HKDF.DeriveKey(HashAlgorithmName.SHA256, reportKey, 32, salt.ToArray(), "portal attachment stream v2"u8.ToArray()), TagSize);

    public static byte[] Nonce(uint index, bool last)
    {
        var nonce = new byte[NonceSize];
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(7), index);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }

    /// <summary>Fills the buffer from <paramref name="offset"/> as far as the stream goes; returns how full it is.</summary>
    public static async ValueTask<int> FillAsync(Stream stream, byte[] buffer, int offset, bool useAsync, CancellationToken cancellationToken)
    {
        while (offset < buffer.Length)
        {
            var read = useAsync ? await stream.ReadAsync(buffer.AsMemory(offset), cancellationToken) : stream.Read(buffer, offset, buffer.Length - offset);
            if (read == 0) break;
            offset += read;
        }
        return offset;
    }
}

/// <summary>A read-only, forward-only stream that hands out one produced chunk at a time.</summary>
internal abstract class ChunkedReadStream : ForwardReadStream
{
    private byte[] _output = [];
    private int _start;
    private int _end;
    private bool _finished;

    /// <summary>The next chunk of output, or null after the last one.</summary>
    protected abstract ValueTask<ArraySegment<byte>?> NextAsync(bool useAsync, CancellationToken cancellationToken);

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        while (_start == _end)
        {
            if (_finished) return 0;
            if (await NextAsync(useAsync, cancellationToken) is not { } chunk) { _finished = true; return 0; }
            (_output, _start, _end) = (chunk.Array!, chunk.Offset, chunk.Offset + chunk.Count);
        }
        var count = Math.Min(buffer.Length, _end - _start);
        _output.AsMemory(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    // With useAsync false every await completes at once, so this does not block on anything asynchronous.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadCoreAsync(buffer.AsMemory(offset, count), useAsync: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, useAsync: true, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(buffer.AsMemory(offset, count), useAsync: true, cancellationToken).AsTask();
}

/// <summary>Reads plaintext, gives the sealed stream: the header, then each chunk as it is encrypted.</summary>
internal sealed class SealingStream(Stream plaintext, AesGcm aes, byte[] header, byte[] context) : ChunkedReadStream
{
    // One byte more than a chunk: whether it fills tells if more follows, so the last chunk is known when it is sealed.
    private readonly byte[] _input = new byte[SealedStreams.ChunkSize + 1];
    private readonly byte[] _output = new byte[SealedStreams.ChunkSize + SealedStreams.TagSize];
    private int _carried;
    private uint _index;
    private bool _headerSent;
    private bool _lastSent;

    protected override async ValueTask<ArraySegment<byte>?> NextAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (!_headerSent) { _headerSent = true; return header; }
        if (_lastSent) return null;
        var filled = await SealedStreams.FillAsync(plaintext, _input, _carried, useAsync, cancellationToken);
        var last = filled <= SealedStreams.ChunkSize;
        var length = last ? filled : SealedStreams.ChunkSize;
        aes.Encrypt(SealedStreams.Nonce(_index, last), _input.AsSpan(0, length), _output.AsSpan(0, length), _output.AsSpan(length, SealedStreams.TagSize), context);
        _index = checked(_index + 1);
        if (last) _lastSent = true;
        else { _input[0] = _input[SealedStreams.ChunkSize]; _carried = 1; }
        return new ArraySegment<byte>(_output, 0, length + SealedStreams.TagSize);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) aes.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Reads a sealed stream after its header, gives the plaintext one authenticated chunk at a time.</summary>
internal sealed class OpeningStream(Stream sealedChunks, AesGcm aes, byte[] context) : ChunkedReadStream
{
    private const int Segment = SealedStreams.ChunkSize + SealedStreams.TagSize;
    private readonly byte[] _input = new byte[Segment + 1];
    private readonly byte[] _output = new byte[SealedStreams.ChunkSize];
    private int _carried;
    private uint _index;
    private bool _lastOpened;

    protected override async ValueTask<ArraySegment<byte>?> NextAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (_lastOpened) return null;
        var filled = await SealedStreams.FillAsync(sealedChunks, _input, _carried, useAsync, cancellationToken);
        var last = filled <= Segment;
        var length = (last ? filled : Segment) - SealedStreams.TagSize;
        if (length < 0) throw new CryptographicException("The sealed attachment is cut short.");
        // A chunk out of place, altered, or taken for the last when it was not (a cut at a chunk boundary) fails its tag here.
        aes.Decrypt(SealedStreams.Nonce(_index, last), _input.AsSpan(0, length), _input.AsSpan(length, SealedStreams.TagSize), _output.AsSpan(0, length), context);
        _index = checked(_index + 1);
        if (last) _lastOpened = true;
        else { _input[0] = _input[Segment]; _carried = 1; }
        return new ArraySegment<byte>(_output, 0, length);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
            sealedChunks.Dispose();
        }
        base.Dispose(disposing);
    }
}
