using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Reports;

/// <summary>
/// AES-256-GCM for everything a report must keep secret at rest: the reporter's identity, the account of
/// facts, notes and replies, attachments. A sealed value is
/// <c>version(1) · key-id length(1) · key id · nonce(12) · tag(16) · ciphertext</c>, so any configured key
/// opens it and the active key seals new ones. The context (report id and field) is authenticated, so a
/// value copied onto another report or field does not open. Attachments are sealed as a stream instead
/// (<see cref="SealedStreams"/>, version 2); those stored whole before it (version 1) still open.
/// </summary>
public sealed class ReportCipher
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public ReportCipher(IOptions<ReportSecretsOptions> options) : this(options.Value.KeyBytes(), options.Value.ActiveKeyId) { }

    public ReportCipher(Dictionary<string, byte[]> keys, string activeKeyId)
    {
        _keys = keys;
        _activeKeyId = activeKeyId;
        if (!_keys.ContainsKey(activeKeyId)) throw new ArgumentException("The active key is not among the keys.", nameof(activeKeyId));
    }

    public string ActiveKeyId => _activeKeyId;

    public byte[] Seal(ReadOnlySpan<byte> plaintext, string context)
    {
        var keyId = Encoding.ASCII.GetBytes(_activeKeyId);
        var header = 2 + keyId.Length;
        var sealedValue = new byte[header + NonceSize + TagSize + plaintext.Length];
        sealedValue[0] = Version;
        sealedValue[1] = (byte)keyId.Length;
        keyId.CopyTo(sealedValue.AsSpan(2));
        var nonce = sealedValue.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(header + NonceSize + TagSize), sealedValue.AsSpan(header + NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return sealedValue;
    }

    public byte[] Open(byte[] sealedValue, string context)
    {
        if (sealedValue.Length < 2 || sealedValue[0] != Version) throw new CryptographicException("Not a sealed value of a known version.");
        var keyId = KeyIdOf(sealedValue);
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"Sealed with key '{keyId}', which is not configured: add it back to Portal:Reports:Secrets:EncryptionKeys.");
        var header = 2 + sealedValue[1];
        var plaintext = new byte[sealedValue.Length - header - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(header, NonceSize), sealedValue.AsSpan(header + NonceSize + TagSize), sealedValue.AsSpan(header + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(context));
        return plaintext;
    }

    public byte[] SealText(string text, string context) => Seal(Encoding.UTF8.GetBytes(text), context);

    public string OpenText(byte[] sealedValue, string context) => Encoding.UTF8.GetString(Open(sealedValue, context));

    public static string KeyIdOf(byte[] sealedValue) => Encoding.ASCII.GetString(sealedValue, 2, sealedValue[1]);

    /// <summary>The plaintext as a sealed stream, encrypted chunk by chunk as it is read; disposing it does not dispose the plaintext.</summary>
    public Stream SealStream(Stream plaintext, string context)
    {
        var keyId = Encoding.ASCII.GetBytes(_activeKeyId);
        var header = new byte[2 + keyId.Length + SealedStreams.SaltSize];
        header[0] = SealedStreams.Version;
        header[1] = (byte)keyId.Length;
        keyId.CopyTo(header, 2);
        var salt = header.AsSpan(2 + keyId.Length);
        RandomNumberGenerator.Fill(salt);
        return new SealingStream(plaintext, SealedStreams.FileCipher(_keys[_activeKeyId], salt), header, Encoding.UTF8.GetBytes(context));
    }

    /// <summary>
    /// The plaintext of a sealed stream, opened chunk by chunk as it is read (a chunk that does not authenticate throws);
    /// a value of the older whole format is opened in memory. The returned stream owns <paramref name="sealedStream"/>.
    /// </summary>
    public async Task<Stream> OpenStreamAsync(Stream sealedStream, string context, CancellationToken cancellationToken = default) =>
        await OpenStreamAsync(sealedStream, context, useAsync: true, cancellationToken);

    /// <summary>As <see cref="OpenStreamAsync(Stream, string, CancellationToken)"/>, reading the header synchronously (a local file).</summary>
    public Stream OpenStream(Stream sealedStream, string context) =>
        OpenStreamAsync(sealedStream, context, useAsync: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>The key a sealed stream (either format) was sealed with, read from its first bytes.</summary>
    public static async Task<string> KeyIdOfAsync(Stream sealedStream, CancellationToken cancellationToken = default) =>
        (await ReadHeaderAsync(sealedStream, useAsync: true, cancellationToken)).KeyId;

    private async ValueTask<Stream> OpenStreamAsync(Stream sealedStream, string context, bool useAsync, CancellationToken cancellationToken)
    {
        var (version, keyId) = await ReadHeaderAsync(sealedStream, useAsync, cancellationToken);
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"Sealed with key '{keyId}', which is not configured: add it back to Portal:Reports:Secrets:EncryptionKeys.");
        if (version == Version)
        {
            using var whole = new MemoryStream();
            whole.Write([Version, (byte)keyId.Length]);
            whole.Write(Encoding.ASCII.GetBytes(keyId));
            using (sealedStream)
            {
                if (useAsync) await sealedStream.CopyToAsync(whole, cancellationToken);
                else sealedStream.CopyTo(whole);
            }
            return new MemoryStream(Open(whole.ToArray(), context), writable: false);
        }
        var salt = new byte[SealedStreams.SaltSize];
        await ReadExactlyAsync(sealedStream, salt, useAsync, cancellationToken);
        return new OpeningStream(sealedStream, SealedStreams.FileCipher(key, salt), Encoding.UTF8.GetBytes(context));
    }

    private static async ValueTask<(byte Version, string KeyId)> ReadHeaderAsync(Stream sealedStream, bool useAsync, CancellationToken cancellationToken)
    {
        var start = new byte[2];
        await ReadExactlyAsync(sealedStream, start, useAsync, cancellationToken);
        if (start[0] is not (Version or SealedStreams.Version)) throw new CryptographicException("Not a sealed value of a known version.");
        var keyId = new byte[start[1]];
        await ReadExactlyAsync(sealedStream, keyId, useAsync, cancellationToken);
        return (start[0], Encoding.ASCII.GetString(keyId));
    }

    private static async ValueTask ReadExactlyAsync(Stream stream, byte[] buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (await SealedStreams.FillAsync(stream, buffer, 0, useAsync, cancellationToken) < buffer.Length)
            throw new CryptographicException("The sealed value is cut short.");
    }
}
