using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;

namespace Portal.Core.Reports;

/// <summary>A file kept for the retry of a form, by its number in the hold and its own name.</summary>
public sealed record HeldFile(int Number, string FileName);

/// <summary>
/// The accepted uploads of a report form that came back with errors, kept so the reporter need not choose them again.
/// They are sealed under a key that exists only in the hold's token (a hidden field of the reporter's page), so the
/// store cannot read them; they live under reports/ with no attachment record, so <see cref="OrphanAttachmentSweeper"/>
/// removes a hold that is never used after Portal:Reports:OrphanBlobMinutes. A hold has at most
/// <see cref="ReportLimits.MaxFiles"/> files that passed <see cref="AttachmentUpload.CheckAsync"/>, so its size is bounded.
/// </summary>
public sealed class HeldUploads([FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs)
{
    private const int IdBytes = 16;
    private const int KeyBytes = 32;

    /// <summary>Seals the files into a new hold and returns its token; null when there is nothing to hold.</summary>
    public async Task<string?> HoldAsync(IReadOnlyList<CheckedFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return null;
        var secret = RandomNumberGenerator.GetBytes(IdBytes + KeyBytes);
        var (prefix, cipher) = Open(secret);
        for (var number = 0; number < files.Count && number < ReportLimits.MaxFiles; number++)
        {
            await using (var name = new MemoryStream(cipher.SealText(files[number].FileName, prefix + number + ".name")))
                await blobs.PutAsync(prefix + number + ".name", name, cancellationToken);
            await using var plaintext = files[number].Open();
            await using var sealedStream = cipher.SealStream(plaintext, prefix + number);
            await blobs.PutAsync(prefix + number, sealedStream, cancellationToken);
        }
        return Base64Url.EncodeToString(secret);
    }

    /// <summary>The files of a hold; none when the token is not one, or the hold was used or swept.</summary>
    public async Task<IReadOnlyList<HeldFile>> ListAsync(string? token, CancellationToken cancellationToken)
    {
        if (Secret(token) is not { } secret) return [];
        var (prefix, cipher) = Open(secret);
        var held = new List<HeldFile>();
        for (var number = 0; number < ReportLimits.MaxFiles; number++)
        {
            await using var name = await blobs.OpenAsync(prefix + number + ".name", cancellationToken);
            if (name is null) break;
            using var bytes = new MemoryStream();
            await name.CopyToAsync(bytes, cancellationToken);
            held.Add(new HeldFile(number, cipher.OpenText(bytes.ToArray(), prefix + number + ".name")));
        }
        return held;
    }

    /// <summary>A held file's plaintext, or null when it is gone.</summary>
    public async Task<Stream?> OpenAsync(string token, int number, CancellationToken cancellationToken)
    {
        if (Secret(token) is not { } secret) return null;
        var (prefix, cipher) = Open(secret);
        return await blobs.OpenAsync(prefix + number, cancellationToken) is { } sealedStream
            ? await cipher.OpenStreamAsync(sealedStream, prefix + number, cancellationToken)
            : null;
    }

    /// <summary>Deletes a hold once its files are filed or held again.</summary>
    public async Task ReleaseAsync(string? token)
    {
        if (Secret(token) is not { } secret) return;
        var (prefix, _) = Open(secret);
        for (var number = 0; number < ReportLimits.MaxFiles; number++)
        {
            await blobs.DeleteAsync(prefix + number + ".name", CancellationToken.None);
            await blobs.DeleteAsync(prefix + number, CancellationToken.None);
        }
    }

    private static (string Prefix, ReportCipher Cipher) Open(byte[] secret) =>
        ($"reports/held/{Convert.ToHexStringLower(secret.AsSpan(0, IdBytes))}/",
         new ReportCipher(new Dictionary<string, byte[]> { ["held"] = secret[IdBytes..] }, "held"));

    private static byte[]? Secret(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        try
        {
            var secret = Base64Url.DecodeFromChars(token);
            return secret.Length == IdBytes + KeyBytes ? secret : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
