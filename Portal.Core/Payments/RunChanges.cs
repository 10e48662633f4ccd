using Portal.Core.Ingest;

namespace Portal.Core.Payments;

/// <summary>What a sync run replaced so far: each partition's new hash and rows (none for a withdrawn one), and the counties awaiting the commit.</summary>
internal sealed class RunChanges
{
    private readonly Dictionary<PartitionKey, string?> _hashes = new();
    private readonly Dictionary<PartitionKey, PublishedPayment[]> _published = new();
    private readonly HashSet<string> _uncommittedCounties = new();

    public bool Replaced(PartitionKey key) => _hashes.ContainsKey(key);

    public string? HashOf(PartitionKey key) => _hashes.GetValueOrDefault(key);

    /// <summary>Counties changed since the last commit, in order; empty when there is nothing to commit.</summary>
    public IReadOnlyList<string> UncommittedCounties => _uncommittedCounties.Order(StringComparer.Ordinal).ToList();

    public void Record(IEnumerable<PartitionContent> replaced)
    {
        foreach (var partition in replaced)
        {
            _hashes[partition.Key] = partition.Hash;
            _uncommittedCounties.Add(partition.Key.VillageCode[..6]);
            _published[partition.Key] = partition.Published();
        }
    }

    /// <summary>A partition this run took off: nothing of it is published, neither what was committed nor what this run wrote.</summary>
    public void Withdrawn(PartitionKey key)
    {
        _hashes[key] = null;
        _published[key] = [];
        _uncommittedCounties.Add(key.VillageCode[..6]);
    }

    /// <summary>Payments this run published for these people in these periods.</summary>
    public IEnumerable<PublishedPayment> Published(IReadOnlySet<string> ownerKeys, IReadOnlySet<Period> periods) =>
        _published.Where(kv => periods.Contains(kv.Key.Period)).SelectMany(kv => kv.Value).Where(p => ownerKeys.Contains(p.OwnerKey));

    public void Committed() => _uncommittedCounties.Clear();

    /// <summary>Forgets the run: for a store whose committed view already holds it.</summary>
    public void Clear()
    {
        _hashes.Clear();
        _published.Clear();
        _uncommittedCounties.Clear();
    }
}
