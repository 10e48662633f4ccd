using System.Security.Cryptography;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Reports;

/// <summary>Attachments sealed as a stream of 64 KiB chunks: what opens, and what is refused.</summary>
public sealed class SealedAttachmentStreamTests
{
    private const int Chunk = 64 * 1024;
    private const int SealedChunk = Chunk + 16;
    private static readonly ReportCipher Cipher = new(ReportSecrets.Keys, ReportSecrets.KeyId);

    [Theory]
    [InlineData(1)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(3 * Chunk)]
    [InlineData(20 * 1024 * 1024 - 7)]
    public async Task An_attachment_of_any_size_opens_to_the_same_bytes(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);

        var sealedBytes = await SealAsync(plaintext, "attachment:a");

        Assert.Equal(plaintext, await OpenAsync(sealedBytes, "attachment:a"));
        Assert.Equal(ReportSecrets.KeyId, ReportCipher.KeyIdOf(sealedBytes));
    }

    [Fact]
    public async Task An_altered_byte_in_any_chunk_is_refused()
    {
        var sealedBytes = await SealAsync(RandomNumberGenerator.GetBytes(3 * Chunk), "c");
        var header = sealedBytes.Length - 3 * SealedChunk;

        foreach (var at in new[] { header, header + SealedChunk + 100, sealedBytes.Length - 1 })
        {
            var altered = (byte[])sealedBytes.Clone();
            altered[at] ^= 1;
            await Assert.ThrowsAnyAsync<CryptographicException>(() => OpenAsync(altered, "c"));
        }
    }

    [Fact]
    public async Task A_stream_cut_short_is_refused_even_at_a_chunk_boundary()
    {
        var sealedBytes = await SealAsync(RandomNumberGenerator.GetBytes(3 * Chunk), "c");
        var header = sealedBytes.Length - 3 * SealedChunk;

        foreach (var length in new[] { header + 2 * SealedChunk, header + SealedChunk, header + SealedChunk + 500, header, sealedBytes.Length - 1 })
            await Assert.ThrowsAnyAsync<CryptographicException>(() => OpenAsync(sealedBytes[..length], "c"));
    }

    [Fact]
    public async Task Chunks_swapped_dropped_repeated_or_added_after_the_last_are_refused()
    {
        var sealedBytes = await SealAsync(RandomNumberGenerator.GetBytes(3 * Chunk), "c");
        var header = sealedBytes[..(sealedBytes.Length - 3 * SealedChunk)];
        byte[] ChunkAt(int i) => sealedBytes.AsSpan(header.Length + i * SealedChunk, SealedChunk).ToArray();

        byte[][] forgeries =
        [
            [.. header, .. ChunkAt(1), .. ChunkAt(0), .. ChunkAt(2)],
            [.. header, .. ChunkAt(0), .. ChunkAt(2)],
            [.. header, .. ChunkAt(0), .. ChunkAt(0), .. ChunkAt(1), .. ChunkAt(2)],
            [.. sealedBytes, .. ChunkAt(2)],
        ];

        foreach (var forged in forgeries)
            await Assert.ThrowsAnyAsync<CryptographicException>(() => OpenAsync(forged, "c"));
    }

    [Fact]
    public async Task An_attachment_moved_to_another_attachment_does_not_open()
    {
        var sealedBytes = await SealAsync(RandomNumberGenerator.GetBytes(1000), "attachment:a");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => OpenAsync(sealedBytes, "attachment:b"));
    }

    [Fact]
    public async Task An_attachment_sealed_whole_in_the_older_format_still_opens()
    {
        var plaintext = RandomNumberGenerator.GetBytes(3 * Chunk + 5);

        Assert.Equal(plaintext, await OpenAsync(Cipher.Seal(plaintext, "attachment:a"), "attachment:a"));
    }

    [Fact]
    public async Task Nothing_of_the_attachment_is_in_the_sealed_stream_in_the_clear()
    {
        var plaintext = new byte[2 * Chunk];
        Array.Fill(plaintext, (byte)'Q');

        var sealedBytes = await SealAsync(plaintext, "c");

        Assert.True(sealedBytes.AsSpan().IndexOf("QQQQQQQQ"u8) < 0);
    }

    private static async Task<byte[]> SealAsync(byte[] plaintext, string context)
    {
        await using var sealedStream = Cipher.SealStream(new MemoryStream(plaintext), context);
        using var sealedBytes = new MemoryStream();
        await sealedStream.CopyToAsync(sealedBytes);
        return sealedBytes.ToArray();
    }

    private static async Task<byte[]> OpenAsync(byte[] sealedBytes, string context)
    {
        await using var opened = await Cipher.OpenStreamAsync(new MemoryStream(sealedBytes), context);
        using var plaintext = new MemoryStream();
        await opened.CopyToAsync(plaintext);
        return plaintext.ToArray();
    }
}
