using System.Text.Json.Nodes;
using Portal.Core.Ingest;
using Portal.Core.Regions;
using static Portal.Core.Payments.Elasticsearch.IndexQueries;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// Publishes partitions to Elasticsearch with the embedded index's replace semantics.
/// Why runs and not an index per sync: a sync touches a few partitions of an index that may hold tens of millions of
/// payments, so copying the index per sync costs too much, and Elasticsearch has no multi-document transaction.
/// Instead each run (the committed sequence + 1) writes new documents tagged with its number and marks the documents
/// it replaces with <c>until</c> = its number; readers filter on the committed sequence (<see cref="IndexQueries.Visible"/>),
/// so until <see cref="Commit"/> rewrites the one <c>portal-sync</c> document they see only the old partitions, and after
/// it only the new ones. Replaced documents are deleted by a writer that opens once the commit that replaced them is
/// <see cref="ElasticsearchOptions.ReplacedRetention"/> old (the state document keeps recent commit times): readers re-read
/// the state every two seconds, so by then none is still asking for them; younger ones wait for a later writer. A run
/// that never committed is invisible, so what it left is deleted at once. One writer at a time holds the lease of the
/// <see cref="WriterLock"/>, renewed while it writes and right before its commit, so a writer that lost it commits nothing.
/// </summary>
public sealed class ElasticsearchPartitionStore : IPartitionStore
{
    private const int TermsPerQuery = 1_000;
    private static readonly TimeSpan LongCall = TimeSpan.FromMinutes(10);

    private readonly ElasticsearchClient _client;
    private readonly PaymentIndexAdmin _admin;
    private readonly RegionCatalog _regions;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _retention;
    private readonly RunChanges _run = new();
    private readonly WriterLock? _lock;
    private SyncState _state = SyncState.Nothing;

    public ElasticsearchPartitionStore(ElasticsearchClient client, RegionCatalog regions, TimeProvider clock, ElasticsearchOptions options)
    {
        _client = client;
        _regions = regions;
        _clock = clock;
        _retention = options.ReplacedRetention;
        _admin = new PaymentIndexAdmin(client, clock, lockLease: options.LockLease);
        try
        {
            _admin.EnsureIndex();
            _lock = _admin.AcquireLock($"sync {Environment.MachineName} pid {Environment.ProcessId}");
            _state = SyncState.Read(client) ?? SyncState.Nothing;
            CleanUp();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private long Committed => _state.Sequence;

    private long Run => Committed + 1;

    private WriterLock Lock => _lock!;

    public PartitionReplacement Replace(IReadOnlyList<ValidPayment> payments, Action<int>? progress = null)
    {
        Lock.EnsureHeld();
        var groups = PartitionContent.Of(payments);
        var published = PublishedHashes(groups.Select(g => g.Key).ToList());
        var changed = groups.Where(g => published.GetValueOrDefault(g.Key) != g.Hash).ToList();

        // Written earlier in this run: simply gone. Committed: marked as replaced by this run, still visible until the commit.
        var rewritten = changed.Where(g => _run.Replaced(g.Key)).Select(g => g.Key.ToString()).ToList();
        foreach (var chunk in rewritten.Chunk(TermsPerQuery))
            DeleteWhere(Terms("partition", chunk), Term("run", Run));
        var superseded = changed.Where(g => !_run.Replaced(g.Key) && published.ContainsKey(g.Key)).Select(g => g.Key.ToString()).ToList();
        foreach (var chunk in superseded.Chunk(TermsPerQuery))
            UpdateWhere("ctx._source.until = params.run", new JsonObject { ["run"] = Run }, Terms("partition", chunk), Range("run", "lte", Committed), NotReplaced);

        var written = 0;
        _client.Bulk(changed.SelectMany(group => Documents(group, () =>
        {
            written += group.Rows.Count;
            if (written / 10_000 != (written - group.Rows.Count) / 10_000) progress?.Invoke(written);
        })));
        _run.Record(changed);
        progress?.Invoke(written);
        return new PartitionReplacement(changed.Select(g => g.Key).ToList(), groups.Count - changed.Count);
    }

    /// <summary>Like a replacement by nothing: committed documents are marked as replaced by this run, this run's own are deleted.</summary>
    public bool Withdraw(PartitionKey partition)
    {
        Lock.EnsureHeld();
        if (!PublishedHashes([partition]).ContainsKey(partition)) return false;
        var key = partition.ToString();
        if (_run.Replaced(partition)) DeleteWhere(Term("partition", key), Term("run", Run));
        else UpdateWhere("ctx._source.until = params.run", new JsonObject { ["run"] = Run }, Term("partition", key), Range("run", "lte", Committed), NotReplaced);
        _run.Withdrawn(partition);
        return true;
    }

    private IEnumerable<BulkAction> Documents(PartitionContent group, Action written)
    {
        // Per partition, so a writer that lost its lock mid-bulk stops at the next one.
        Lock.EnsureHeld();
        var key = group.Key.ToString();
        var path = _regions.Path(group.Rows[0].Village);
        foreach (var p in group.Rows)
            yield return BulkAction.IndexDocument(PaymentDocuments.DocumentId(Run, PaymentIndexRules.PublicId(p)), PaymentDocuments.Payment(Run, key, p, path));
        yield return BulkAction.IndexDocument(PaymentDocuments.RollupId(Run, key), PaymentDocuments.Rollup(Run, key, group.Rows, path, group.Hash));
        written();
    }

    /// <summary>Makes the run visible to every reader at once by writing the state document; the next run starts after it.</summary>
    public void Commit()
    {
        var counties = _run.UncommittedCounties;
        if (counties.Count == 0) return;
        _client.Send(HttpMethod.Post, $"{_client.Alias}/_refresh", null);
        // Renewed right before the state is written: a writer whose lock was taken over fails here and commits nothing.
        Lock.Renew();
        var next = _state.Next(Run, counties, allRegions: false, _clock.GetUtcNow());
        next.Write(_client);
        _state = next;
        _run.Clear();
    }

    public IReadOnlyList<PublishedPayment> Published(IReadOnlySet<string> ownerKeys, IReadOnlySet<Period> periods)
    {
        var found = _run.Published(ownerKeys, periods).ToList();
        if (ownerKeys.Count == 0 || periods.Count == 0) return found;
        foreach (var owners in ownerKeys.Chunk(TermsPerQuery))
        {
            var query = Visible(PaymentDocuments.PaymentType, Committed, Terms("owner", owners), Terms("period", periods.Select(p => p.ToString())));
            foreach (var source in Scan(query, ["owner", "fund", "period", "r5"], ["partition", "id"]))
            {
                var payment = new PublishedPayment(source.GetProperty("owner").GetString()!, source.GetProperty("fund").GetString()!,
                    PaymentDocuments.ParsePeriod(source.GetProperty("period").GetString()), source.GetProperty("r5").GetString()!);
                // Partitions replaced in this run no longer hold what was committed.
                if (!_run.Replaced(payment.Partition)) found.Add(payment);
            }
        }
        return found;
    }

    /// <summary>The content hash each partition has now: as replaced in this run, else as last committed (absent if never published).</summary>
    private Dictionary<PartitionKey, string> PublishedHashes(IReadOnlyList<PartitionKey> keys)
    {
        var hashes = keys.Where(k => _run.HashOf(k) is not null).ToDictionary(k => k, k => _run.HashOf(k)!);
        var byName = keys.Where(k => !_run.Replaced(k)).ToDictionary(k => k.ToString());
        foreach (var chunk in byName.Keys.Chunk(TermsPerQuery))
            foreach (var source in Scan(Visible(PaymentDocuments.RollupType, Committed, Terms("partition", chunk)), ["partition", "hash"], ["partition"]))
                hashes[byName[source.GetProperty("partition").GetString()!]] = source.GetProperty("hash").GetString()!;
        return hashes;
    }

    /// <summary>Every match, page by page with <c>search_after</c> on fields unique among visible documents (no deep from/size).</summary>
    private IEnumerable<System.Text.Json.JsonElement> Scan(JsonObject query, string[] fields, string[] uniqueOrder)
    {
        JsonArray? after = null;
        while (true)
        {
            var body = new JsonObject
            {
                ["query"] = query.DeepClone(),
                ["size"] = 5_000,
                ["_source"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()),
                ["sort"] = new JsonArray(uniqueOrder.Select(f => (JsonNode)Sort(f, "asc")).ToArray()),
            };
            if (after is not null) body["search_after"] = after;
            var hits = _client.Send(HttpMethod.Post, $"{_client.Alias}/_search", body, timeout: LongCall)!.Value.GetProperty("hits").GetProperty("hits");
            foreach (var hit in hits.EnumerateArray()) yield return hit.GetProperty("_source");
            if (hits.GetArrayLength() < 5_000) yield break;
            after = JsonNode.Parse(hits[hits.GetArrayLength() - 1].GetProperty("sort").GetRawText())!.AsArray();
        }
    }

    /// <summary>
    /// What a run that never committed left (its documents, its marks), and documents replaced by commits older than
    /// the retention: a writer starts from what the committed run publishes plus what recent commits replaced.
    /// </summary>
    private void CleanUp()
    {
        var kept = _state.OldestKept(_clock.GetUtcNow(), _retention);
        DeleteWhere(new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(Range("run", "gt", Committed), Range("until", "lte", kept - 1)),
                ["minimum_should_match"] = 1,
            },
        });
        UpdateWhere("ctx._source.remove('until')", null, Range("until", "gt", Committed));
    }

    /// <summary>Not already replaced by a commit: marking those again would make them visible to readers at that commit.</summary>
    private static JsonObject NotReplaced => new() { ["bool"] = new JsonObject { ["must_not"] = new JsonArray(new JsonObject { ["exists"] = new JsonObject { ["field"] = "until" } }) } };

    private void DeleteWhere(params JsonNode[] filter) =>
        _client.Send(HttpMethod.Post, $"{_client.Alias}/_delete_by_query?refresh=true&conflicts=proceed",
            new JsonObject { ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(filter) } } }, timeout: LongCall);

    /// <summary>The script's text is fixed and its values are parameters, so the cluster compiles it once.</summary>
    private void UpdateWhere(string script, JsonObject? parameters, params JsonNode[] filter) =>
        _client.Send(HttpMethod.Post, $"{_client.Alias}/_update_by_query?refresh=true&conflicts=proceed", new JsonObject
        {
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = new JsonArray(filter) } },
            ["script"] = new JsonObject { ["lang"] = "painless", ["source"] = script, ["params"] = parameters ?? new JsonObject() },
        }, timeout: LongCall);

    /// <summary>A run that is not committed is rolled back now (or, if the cluster is gone, by the next writer's clean-up).</summary>
    public void Dispose()
    {
        try
        {
            // A writer that lost its lock leaves its run to the next writer: cleaning now could delete the new holder's run.
            if (_run.UncommittedCounties.Count > 0 && _lock!.StillHeld()) CleanUp();
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException) { }
        try { _lock?.Dispose(); }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException) { }
        _client.Dispose();
    }
}
