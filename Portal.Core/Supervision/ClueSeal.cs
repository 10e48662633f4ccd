using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>
/// The one place the ledger's own words and files are sealed and opened, with the reports' keys (<see cref="ReportCipher"/>): notes,
/// the reasons of identity requests, evidence files and their names. It owns the contexts, so each opens only as what it was sealed
/// for. The contexts are part of what is stored: they never change.
/// </summary>
public sealed class ClueSeal(ReportCipher cipher)
{
    public byte[] SealNote(long clueId, string note) => cipher.SealText(note, NoteContext(clueId));

    public string OpenNote(long clueId, byte[] sealedNote) => cipher.OpenText(sealedNote, NoteContext(clueId));

    public byte[] SealReason(long clueId, string reason) => cipher.SealText(reason, ReasonContext(clueId));

    public string OpenReason(long clueId, byte[] sealedReason) => cipher.OpenText(sealedReason, ReasonContext(clueId));

    public byte[] SealName(Guid evidenceId, string fileName) => cipher.SealText(fileName, NameContext(evidenceId));

    public string OpenName(Guid evidenceId, byte[] sealedName) => cipher.OpenText(sealedName, NameContext(evidenceId));

    /// <summary>Each value sealed again under the active key, or null when it already is (or there is none): the last step of a key rotation.</summary>
    public byte[]? ResealedNote(long clueId, byte[]? sealedNote) => Resealed(NoteContext(clueId), sealedNote);

    public byte[]? ResealedReason(long clueId, byte[] sealedReason) => Resealed(ReasonContext(clueId), sealedReason);

    public byte[]? ResealedName(Guid evidenceId, byte[] sealedName) => Resealed(NameContext(evidenceId), sealedName);

    /// <summary>Whether a sealed evidence file (read from its first bytes) is under the active key.</summary>
    public async Task<bool> IsUnderActiveKeyAsync(Stream sealedStream, CancellationToken cancellationToken = default) =>
        await ReportCipher.KeyIdOfAsync(sealedStream, cancellationToken) == cipher.ActiveKeyId;

    /// <summary>An evidence file's bytes as a sealed stream, encrypted as it is read.</summary>
    public Stream SealFile(Guid evidenceId, Stream plaintext) => cipher.SealStream(plaintext, FileContext(evidenceId));

    /// <summary>An evidence file's plaintext, opened as it is read; the result owns <paramref name="sealedStream"/>.</summary>
    public Task<Stream> OpenFileAsync(Guid evidenceId, Stream sealedStream, CancellationToken cancellationToken = default) =>
        cipher.OpenStreamAsync(sealedStream, FileContext(evidenceId), cancellationToken);

    private byte[]? Resealed(string context, byte[]? sealedValue) =>
        sealedValue is null || ReportCipher.KeyIdOf(sealedValue) == cipher.ActiveKeyId ? null : cipher.Seal(cipher.Open(sealedValue, context), context);

    private static string NoteContext(long clueId) => $"clue:{clueId}:note";

    private static string ReasonContext(long clueId) => $"clue:{clueId}:identity-reason";

    private static string NameContext(Guid evidenceId) => $"clue-evidence-name:{evidenceId:N}";

    private static string FileContext(Guid evidenceId) => $"clue-evidence:{evidenceId:N}";
}
