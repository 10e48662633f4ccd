using Portal.Core.Ingest;

namespace Portal.Core.Payments;

/// <summary>Where validated payments are published: each partition (village × fund × period) is replaced whole; a commit makes a run's replacements visible at once.</summary>
public interface IPartitionStore : IDisposable
{
    PartitionReplacement Replace(IReadOnlyList<ValidPayment> payments, Action<int>? progress = null);

    /// <summary>What is published now (committed, or replaced earlier in this run) for these people in these periods.</summary>
    IReadOnlyList<PublishedPayment> Published(IReadOnlySet<string> ownerKeys, IReadOnlySet<Period> periods);

    /// <summary>Takes a partition off the index, as one step visible at the commit; false when nothing of it is published.</summary>
    bool Withdraw(PartitionKey partition);

    void Commit();
}

/// <summary>Partitions whose published content changed, and how many were already identical.</summary>
public sealed record PartitionReplacement(IReadOnlyList<PartitionKey> Changed, int Unchanged);

/// <summary>A published payment as the cross-file rules see it: whose (by lookup hash), which fund, when, where.</summary>
public sealed record PublishedPayment(string OwnerKey, string FundCode, Period Period, string VillageCode)
{
    public PartitionKey Partition => new(VillageCode, FundCode, Period);
}
