using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Core.Reports;

/// <summary>
/// The proof of filing on a receipt: receipt number, time and a digest of what was filed, signed with the
/// office's P-256 key. The digest covers a random salt, so it tells nothing about the content; the
/// signature lets anyone check, later and on a public page, that the office issued this receipt.
/// Token form: <c>JB20261123-7KQ4M2XZ.20261123T021502Z.digest.signature</c> (Base64url parts).
/// </summary>
public sealed class FilingProof : IDisposable
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";
    private readonly ECDsa _key;

    public FilingProof(IOptions<ReportSecretsOptions> options) : this(options.Value.SigningAlgorithm()) { }

    public FilingProof(ECDsa key) => _key = key;

    /// <summary>The office's public key, published on the verification page for anyone who wants to check offline.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public byte[] Sign(string receiptNumber, DateTime filedAt, byte[] digest)
    {
        lock (_key) return _key.SignData(Message(receiptNumber, filedAt, digest), HashAlgorithmName.SHA256);
    }

    public static string Token(string receiptNumber, DateTime filedAt, byte[] digest, byte[] signature) =>
        string.Join('.', receiptNumber, filedAt.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture), Base64Url.EncodeToString(digest), Base64Url.EncodeToString(signature));

    /// <summary>The parts of a token whose signature holds; null for anything else, garbled or forged.</summary>
    public ParsedProof? Verify(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 400) return null;
        var parts = string.Concat(token.Where(c => !char.IsWhiteSpace(c))).Split('.');
        if (parts.Length != 4 || parts[0].Length is 0 or > 32) return null;
        if (!DateTime.TryParseExact(parts[1], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var filedAt)) return null;
        byte[] digest, signature;
        try
        {
            digest = Base64Url.DecodeFromChars(parts[2]);
            signature = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            return null;
        }
        bool valid;
        lock (_key) valid = digest.Length == 32 && _key.VerifyData(Message(parts[0], filedAt, digest), signature, HashAlgorithmName.SHA256);
        return valid ? new ParsedProof(parts[0], filedAt, digest) : null;
    }

    private static byte[] Message(string receiptNumber, DateTime filedAt, byte[] digest) =>
        Encoding.UTF8.GetBytes($"portal-filing-proof-v1\n{receiptNumber}\n{filedAt.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture)}\n{Convert.ToHexString(digest)}");

    public void Dispose() => _key.Dispose();
}

public sealed record ParsedProof(string ReceiptNumber, DateTime FiledAt, byte[] Digest);
