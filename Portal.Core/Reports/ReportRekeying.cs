using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Database;

namespace Portal.Core.Reports;

public sealed record RekeyResult(int Values, int Attachments);

/// <summary>
/// Finishes a key rotation: everything sealed under an older key is opened and sealed again under the
/// active one, so the old key can then be retired. Safe to stop and run again; each report is one commit.
/// </summary>
public sealed class ReportRekeying(PortalDb db, ReportSeal seal, [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs)
{
    public async Task<RekeyResult> RekeyAsync(CancellationToken cancellationToken = default)
    {
        var values = 0;
        var attachments = 0;
        var ids = await db.Reports.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var report = await db.Reports.Include(r => r.Events).Include(r => r.Attachments).SingleAsync(r => r.Id == id, cancellationToken);
            values += Reseal(SealedField.Identity, id, report.SealedIdentity, v => report.SealedIdentity = v);
            values += Reseal(SealedField.Content, id, report.SealedContent, v => report.SealedContent = v);
            foreach (var e in report.Events)
            {
                values += Reseal(SealedField.PublicNote, id, e.SealedPublicNote, v => e.SealedPublicNote = v);
                values += Reseal(SealedField.StaffNote, id, e.SealedStaffNote, v => e.SealedStaffNote = v);
            }
            foreach (var a in report.Attachments)
            {
                values += Reseal(SealedField.AttachmentName, a.Id, a.SealedName, v => a.SealedName = v);
                if (await ResealBlobAsync(a, cancellationToken)) attachments++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return new RekeyResult(values, attachments);
    }

    private int Reseal(SealedField field, Guid id, byte[]? sealedValue, Action<byte[]> store)
    {
        if (seal.Resealed(field, id, sealedValue) is not { } resealed) return 0;
        store(resealed);
        return 1;
    }

    private async Task<bool> ResealBlobAsync(ReportAttachment attachment, CancellationToken cancellationToken)
    {
        await using (var head = await blobs.OpenAsync(attachment.BlobName, cancellationToken))
            if (head is null || await seal.IsUnderActiveKeyAsync(head, cancellationToken)) return false;
        // Streamed through, one chunk in memory; an attachment in the older whole format comes out in the streamed one.
        await using var opened = await seal.OpenAttachmentAsync(attachment.Id, (await blobs.OpenAsync(attachment.BlobName, cancellationToken))!, cancellationToken);
        await using var resealed = seal.SealAttachment(attachment.Id, opened);
        await blobs.PutAsync(attachment.BlobName, resealed, cancellationToken);
        return true;
    }
}
