using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>
/// The ledger's part of a key rotation: notes, request reasons, evidence names and files sealed under an older key are sealed again
/// under the active one. Only a note's ciphertext changes in the append-only history (the database allows that column alone).
/// Safe to stop and run again; each clue is one commit.
/// </summary>
public sealed class ClueRekeying(PortalDb db, ClueSeal seal, [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs)
{
    public async Task<RekeyResult> RekeyAsync(CancellationToken cancellationToken = default)
    {
        var values = 0;
        var files = 0;
        var ids = await db.Clues.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            foreach (var step in await db.ClueEvents.Where(e => e.ClueId == id && e.SealedNote != null).ToListAsync(cancellationToken))
                if (seal.ResealedNote(id, step.SealedNote) is { } note) (step.SealedNote, values) = (note, values + 1);
            foreach (var request in await db.IdentityRequests.Where(r => r.ClueId == id).ToListAsync(cancellationToken))
                if (seal.ResealedReason(id, request.SealedReason) is { } reason) (request.SealedReason, values) = (reason, values + 1);
            foreach (var evidence in await db.ClueEvidence.Where(e => e.ClueId == id).ToListAsync(cancellationToken))
            {
                if (seal.ResealedName(evidence.Id, evidence.SealedName) is { } name) (evidence.SealedName, values) = (name, values + 1);
                if (await ResealFileAsync(evidence, cancellationToken)) files++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return new RekeyResult(values, files);
    }

    private async Task<bool> ResealFileAsync(ClueEvidence evidence, CancellationToken cancellationToken)
    {
        await using (var head = await blobs.OpenAsync(evidence.BlobName, cancellationToken))
            if (head is null || await seal.IsUnderActiveKeyAsync(head, cancellationToken)) return false;
        // Streamed through, one chunk in memory.
        await using var opened = await seal.OpenFileAsync(evidence.Id, (await blobs.OpenAsync(evidence.BlobName, cancellationToken))!, cancellationToken);
        await using var resealed = seal.SealFile(evidence.Id, opened);
        await blobs.PutAsync(evidence.BlobName, resealed, cancellationToken);
        return true;
    }
}
