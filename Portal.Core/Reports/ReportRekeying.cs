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
public sealed class ReportRekeying(PortalDb db, ReportCipher cipher, [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs)
{
    public async Task<RekeyResult> RekeyAsync(CancellationToken cancellationToken = default)
    {
        var values = 0;
        var attachments = 0;
        var ids = await db.Reports.AsNoTracking().Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var report = await db.Reports.Include(r => r.Events).Include(r => r.Attachments).SingleAsync(r => r.Id == id, cancellationToken);
            values += Reseal(report.SealedIdentity, ReportIntake.IdentityContext(id), v => report.SealedIdentity = v);
            values += Reseal(report.SealedContent, ReportIntake.ContentContext(id), v => report.SealedContent = v);
            foreach (var e in report.Events)
            {
                values += Reseal(e.SealedPublicNote, ReportIntake.PublicNoteContext(id), v => e.SealedPublicNote = v);
                values += Reseal(e.SealedStaffNote, ReportIntake.StaffNoteContext(id), v => e.SealedStaffNote = v);
            }
            foreach (var a in report.Attachments)
            {
                values += Reseal(a.SealedName, AttachmentUpload.NameContext(a.Id), v => a.SealedName = v);
                if (await ResealBlobAsync(a, cancellationToken)) attachments++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return new RekeyResult(values, attachments);
    }

    private int Reseal(byte[]? sealedValue, string context, Action<byte[]> store)
    {
        if (sealedValue is null || ReportCipher.KeyIdOf(sealedValue) == cipher.ActiveKeyId) return 0;
        store(cipher.Seal(cipher.Open(sealedValue, context), context));
        return 1;
    }

    private async Task<bool> ResealBlobAsync(ReportAttachment attachment, CancellationToken cancellationToken)
    {
        await using (var head = await blobs.OpenAsync(attachment.BlobName, cancellationToken))
            if (head is null || await ReportCipher.KeyIdOfAsync(head, cancellationToken) == cipher.ActiveKeyId) return false;
        // Streamed through, one chunk in memory; an attachment in the older whole format comes out in the streamed one.
        var context = AttachmentUpload.Context(attachment.Id);
        await using var opened = await cipher.OpenStreamAsync((await blobs.OpenAsync(attachment.BlobName, cancellationToken))!, context, cancellationToken);
        await using var resealed = cipher.SealStream(opened, context);
        await blobs.PutAsync(attachment.BlobName, resealed, cancellationToken);
        return true;
    }
}
