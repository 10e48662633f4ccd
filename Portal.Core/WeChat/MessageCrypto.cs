using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.WeChat;

/// <summary>
/// Safe mode's message sealing: AES-256-CBC with the key Base64(EncodingAESKey + "="), the key's first 16 bytes as
/// IV, over random(16) + length(4, network order) + message + AppID, padded PKCS#7-style to a multiple of 32 bytes.
/// </summary>
public sealed class MessageCrypto
{
    public const int EncodingAesKeyLength = 43;
    private const int RandomLength = 16;
    private const int PaddingBlock = 32;

    private readonly byte[] _key;
    private readonly byte[] _appId;

    public MessageCrypto(string encodingAesKey, string appId)
    {
        _key = KeyOf(encodingAesKey) ?? throw new ArgumentException("EncodingAESKey 应为 43 位。", nameof(encodingAesKey));
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    public static bool IsValidKey(string? encodingAesKey) => KeyOf(encodingAesKey) is not null;

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    internal string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var length = RandomLength + 4 + body.Length + _appId.Length;
        var pad = PaddingBlock - length % PaddingBlock;
        var plain = new byte[length + pad];
        random[..RandomLength].CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain, RandomLength + 4);
        _appId.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The message, or null when the text was not sealed with this key for this AppID.</summary>
    public string? Decrypt(string? encrypted)
    {
        if (string.IsNullOrEmpty(encrypted)) return null;
        var sealedBytes = new byte[encrypted.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(encrypted, sealedBytes, out var count) || count < PaddingBlock || count % 16 != 0) return null;
        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(sealedBytes.AsSpan(0, count), _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PaddingBlock || pad > plain.Length - RandomLength - 4) return null;
        var content = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        if (length < 0 || length > content.Length - RandomLength - 4) return null;
        var message = content.Slice(RandomLength + 4, length);
        // The AppID closes the plaintext: a message sealed for another account is not ours to answer.
        if (!content[(RandomLength + 4 + length)..].SequenceEqual(_appId)) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[]? KeyOf(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: EncodingAesKeyLength }) return null;
        var key = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32 ? key[..32] : null;
    }
}
