using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Payments;

namespace Portal.Core.Supervision;

/// <summary>
/// Keeps <see cref="PaymentSubject"/> in step with what is published: after a sync commits, each partition it changed holds
/// exactly that file's payments, and a withdrawn partition holds none. Then the rules run on the partitions changed.
/// Called where the publication ledger records the same events, after the index has committed them.
/// </summary>
public sealed class PaymentSubjects(PortalDb db, ClueFinder clues)
{
    private static readonly string[] Columns =
        ["CountyCode", "VillageCode", "FundCode", "Period", "PaymentId", "PersonKey", "MaskedName", "Amount", "Department", "SourceFile", "SourceRow", "SealedIdentity"];

    /// <summary>
    /// Replaces the subjects of the partitions the syncs changed, in one transaction, then runs the rules once on all of
    /// them; null when no partition changed. A partition two files changed holds the later file's payments, as the index does.
    /// </summary>
    public async Task<ClueRun?> RecordSyncAsync(IReadOnlyCollection<FileSyncResult> results, CancellationToken cancellationToken = default)
    {
        var changed = results.Where(r => r.Replacement is { Changed.Count: > 0 }).ToList();
        if (changed.Count == 0) return null;
        await BulkInsert.InTransactionAsync(db, async () =>
        {
            foreach (var result in changed)
            {
                var partitions = result.Replacement!.Changed.ToHashSet();
                var file = Clip(result.Validation.FileName, 260);
                await DeleteAsync(partitions, cancellationToken);
                await BulkInsert.RunAsync(db, "payment_subjects", Columns, result.Validation.Payments.Where(p => partitions.Contains(p.Partition)),
                    p => Values(p, file), cancellationToken);
            }
        }, cancellationToken);
        return await clues.RunAsync(ClueScope.Of(changed.SelectMany(r => r.Replacement!.Changed).ToHashSet()), cancellationToken);
    }

    /// <summary>A withdrawn partition is no longer paid as published: its subjects go. Clues found on it stay in the ledger.</summary>
    public async Task RecordWithdrawalAsync(PartitionKey key, CancellationToken cancellationToken = default) =>
        await DeleteAsync([key], cancellationToken);

    private async Task DeleteAsync(IEnumerable<PartitionKey> partitions, CancellationToken cancellationToken)
    {
        // One statement per fund and month, each a range on the (village, fund, period) index.
        foreach (var group in partitions.GroupBy(k => (k.FundCode, k.Period.Value)))
        {
            var villages = group.Select(k => k.VillageCode).ToList();
            await db.PaymentSubjects.Where(s => s.FundCode == group.Key.FundCode && s.Period == group.Key.Value && villages.Contains(s.VillageCode))
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    private static object?[] Values(ValidPayment p, string file) =>
    [
        p.Village.Code[..6], p.Village.Code, p.Fund.Code, p.Period.Value, PaymentIndexRules.PublicId(p), p.PersonKey, Clip(p.MaskedName, 20), p.Amount,
        Clip(p.Department, 50), file, p.RowNumber, p.SealedIdentity,
    ];

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
