using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>
/// The one place the ledger's own words and files are sealed and opened, with the reports' keys (<see cref="ReportCipher"/>): notes,
/// the reasons of identity requests, evidence files and their names. It owns the contexts, so each opens only as what it was sealed
/// for. The contexts are part of what is stored: they never change.
/// </summary>
public sealed class ClueSeal(ReportCipher cipher)
{
    public byte[] SealNote(long clueId, string note) => cipher.SealText(note, $"clue:{clueId}:note");

    public string OpenNote(long clueId, byte[] sealedNote) => cipher.OpenText(sealedNote, $"clue:{clueId}:note");

    public byte[] SealReason(long clueId, string reason) => cipher.SealText(reason, $"clue:{clueId}:identity-reason");

    public string OpenReason(long clueId, byte[] sealedReason) => cipher.OpenText(sealedReason, $"clue:{clueId}:identity-reason");

    public byte[] SealName(Guid evidenceId, string fileName) => cipher.SealText(fileName, NameContext(evidenceId));

    public string OpenName(Guid evidenceId, byte[] sealedName) => cipher.OpenText(sealedName, NameContext(evidenceId));

    /// <summary>An evidence file's bytes as a sealed stream, encrypted as it is read.</summary>
    public Stream SealFile(Guid evidenceId, Stream plaintext) => cipher.SealStream(plaintext, FileContext(evidenceId));

    /// <summary>An evidence file's plaintext, opened as it is read; the result owns <paramref name="sealedStream"/>.</summary>
    public Task<Stream> OpenFileAsync(Guid evidenceId, Stream sealedStream, CancellationToken cancellationToken = default) =>
        cipher.OpenStreamAsync(sealedStream, FileContext(evidenceId), cancellationToken);

    private static string NameContext(Guid evidenceId) => $"clue-evidence-name:{evidenceId:N}";

    private static string FileContext(Guid evidenceId) => $"clue-evidence:{evidenceId:N}";
}
