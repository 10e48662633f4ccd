using Portal.Core.Ingest;

namespace Portal.Core.Payments;

/// <summary>Where validated payments are published: each partition (village × fund × period) is replaced whole; a commit makes a run's replacements visible at once.</summary>
public interface IPartitionStore : IDisposable
{
    PartitionReplacement Replace(IReadOnlyList<ValidPayment> payments, Action<int>? progress = null);

    void Commit();
}

/// <summary>Partitions whose published content changed, and how many were already identical.</summary>
public sealed record PartitionReplacement(IReadOnlyList<PartitionKey> Changed, int Unchanged);
