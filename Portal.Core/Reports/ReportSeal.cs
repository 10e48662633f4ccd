using System.Text.Json;

namespace Portal.Core.Reports;

/// <summary>What of a report is sealed at rest, each under a context that names its report (or attachment) and field.</summary>
public enum SealedField { Identity, Content, PublicNote, StaffNote, AttachmentName }

/// <summary>
/// The one place a report's values are sealed and opened. It owns the contexts, so a value can only be opened as the
/// field of the report it was sealed for, and no caller spells one out. The contexts are part of what is stored: they never change.
/// </summary>
public sealed class ReportSeal(ReportCipher cipher)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] Seal(SealedField field, Guid id, byte[] plaintext) => cipher.Seal(plaintext, Context(field, id));

    public byte[] SealText(SealedField field, Guid id, string text) => cipher.SealText(text, Context(field, id));

    public string OpenText(SealedField field, Guid id, byte[] sealedValue) => cipher.OpenText(sealedValue, Context(field, id));

    public ReportContent OpenContent(Guid reportId, byte[] sealedValue) => OpenJson<ReportContent>(SealedField.Content, reportId, sealedValue);

    public ReporterIdentity OpenIdentity(Guid reportId, byte[] sealedValue) => OpenJson<ReporterIdentity>(SealedField.Identity, reportId, sealedValue);

    /// <summary>The value sealed again under the active key, or null when it already is (or there is none).</summary>
    public byte[]? Resealed(SealedField field, Guid id, byte[]? sealedValue)
    {
        if (sealedValue is null || ReportCipher.KeyIdOf(sealedValue) == cipher.ActiveKeyId) return null;
        var context = Context(field, id);
        return cipher.Seal(cipher.Open(sealedValue, context), context);
    }

    /// <summary>An attachment's bytes as a sealed stream, encrypted as it is read.</summary>
    public Stream SealAttachment(Guid attachmentId, Stream plaintext) => cipher.SealStream(plaintext, AttachmentContext(attachmentId));

    /// <summary>An attachment's plaintext, opened as it is read; the result owns <paramref name="sealedStream"/>.</summary>
    public Task<Stream> OpenAttachmentAsync(Guid attachmentId, Stream sealedStream, CancellationToken cancellationToken = default) =>
        cipher.OpenStreamAsync(sealedStream, AttachmentContext(attachmentId), cancellationToken);

    /// <summary>Whether a sealed attachment (read from its first bytes) is under the active key.</summary>
    public async Task<bool> IsUnderActiveKeyAsync(Stream sealedStream, CancellationToken cancellationToken = default) =>
        await ReportCipher.KeyIdOfAsync(sealedStream, cancellationToken) == cipher.ActiveKeyId;

    private T OpenJson<T>(SealedField field, Guid id, byte[] sealedValue) =>
        JsonSerializer.Deserialize<T>(cipher.Open(sealedValue, Context(field, id)), Json) ?? throw new InvalidDataException($"Empty sealed {typeof(T).Name}.");

    private static string Context(SealedField field, Guid id) => field switch
    {
        SealedField.Identity => $"report:{id:N}:identity",
        SealedField.Content => $"report:{id:N}:content",
        SealedField.PublicNote => $"report:{id:N}:public-note",
        SealedField.StaffNote => $"report:{id:N}:staff-note",
        SealedField.AttachmentName => $"attachment-name:{id:N}",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string AttachmentContext(Guid attachmentId) => $"attachment:{attachmentId:N}";
}
