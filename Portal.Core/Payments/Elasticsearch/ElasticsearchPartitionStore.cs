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
/// it only the new ones. Replaced documents are deleted when the next writer opens: readers re-read the state every
/// two seconds, so only one that has not looked since the last commit could still be asking for them.
/// </summary>
public sealed class ElasticsearchPartitionStore : IPartitionStore
{
    private const int TermsPerQuery = 1_000;
    private static readonly TimeSpan LongCall = TimeSpan.FromMinutes(10);

    private readonly ElasticsearchClient _client;
    private readonly PaymentIndexAdmin _admin;
    private readonly RegionCatalog _regions;
    private readonly RunChanges _run = new();
    private long _committed;
    private bool _locked;

    public ElasticsearchPartitionStore(ElasticsearchClient client, RegionCatalog regions, TimeProvider clock)
    {
        _client = client;
        _regions = regions;
        _admin = new PaymentIndexAdmin(client, clock);
        try
        {
            _admin.EnsureIndex();
            _admin.AcquireLock($"sync {Environment.MachineName} pid {Environment.ProcessId}");
            _locked = true;
            _committed = SyncState.Read(client)?.Sequence ?? 0;
            CleanUp();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private long Run => _committed + 1;

    public PartitionReplacement Replace(IReadOnlyList<ValidPayment> payments, Action<int>? progress = null)
    {
        var groups = PartitionContent.Of(payments);
        var published = PublishedHashes(groups.Select(g => g.Key).ToList());
        var changed = groups.Where(g => published.GetValueOrDefault(g.Key) != g.Hash).ToList();

        // Written earlier in this run: simply gone. Committed: marked as replaced by this run, still visible until the commit.
        var rewritten = changed.Where(g => _run.Replaced(g.Key)).Select(g => g.Key.ToString()).ToList();
        foreach (var chunk in rewritten.Chunk(TermsPerQuery))
            DeleteWhere(Terms("partition", chunk), Term("run", Run));
        var superseded = changed.Where(g => !_run.Replaced(g.Key) && published.ContainsKey(g.Key)).Select(g => g.Key.ToString()).ToList();
        foreach (var chunk in superseded.Chunk(TermsPerQuery))
            UpdateWhere("ctx._source.until = params.run", new JsonObject { ["run"] = Run }, Terms("partition", chunk), Range("run", "lte", _committed));

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

    private IEnumerable<BulkAction> Documents(PartitionContent group, Action written)
    {
        var key = group.Key.ToString();
        var path = _regions.Path(group.Rows[0].Village);
        foreach (var p in group.Rows)
            yield return BulkAction.IndexDocument(PaymentDocuments.DocumentId(Run, PaymentDocuments.PublicId(p)), PaymentDocuments.Payment(Run, key, p, path));
        yield return BulkAction.IndexDocument(PaymentDocuments.RollupId(Run, key), PaymentDocuments.Rollup(Run, key, group.Rows, path, group.Hash));
        written();
    }

    /// <summary>Makes the run visible to every reader at once by writing the state document; the next run starts after it.</summary>
    public void Commit()
    {
        var counties = _run.UncommittedCounties;
        if (counties.Count == 0) return;
        _client.Send(HttpMethod.Post, $"{_client.Alias}/_refresh", null);
        new SyncState(Run, counties, AllRegions: false).Write(_client);
        _committed = Run;
        _run.Clear();
    }

    public IReadOnlyList<PublishedPayment> Published(IReadOnlySet<string> ownerKeys, IReadOnlySet<Period> periods)
    {
        var found = _run.Published(ownerKeys, periods).ToList();
        if (ownerKeys.Count == 0 || periods.Count == 0) return found;
        foreach (var owners in ownerKeys.Chunk(TermsPerQuery))
        {
            var query = Visible(PaymentDocuments.PaymentType, _committed, Terms("owner", owners), Terms("period", periods.Select(p => p.ToString())));
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
        var hashes = keys.Where(_run.Replaced).ToDictionary(k => k, k => _run.HashOf(k)!);
        var byName = keys.Where(k => !_run.Replaced(k)).ToDictionary(k => k.ToString());
        foreach (var chunk in byName.Keys.Chunk(TermsPerQuery))
            foreach (var source in Scan(Visible(PaymentDocuments.RollupType, _committed, Terms("partition", chunk)), ["partition", "hash"], ["partition"]))
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
    /// What a run that never committed left (its documents, its marks), and documents replaced by commits that readers
    /// have long picked up: a writer starts from exactly what the committed run publishes.
    /// </summary>
    private void CleanUp()
    {
        DeleteWhere(new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["should"] = new JsonArray(Range("run", "gt", _committed), Range("until", "lte", _committed)),
                ["minimum_should_match"] = 1,
            },
        });
        UpdateWhere("ctx._source.remove('until')", null, Range("until", "gt", _committed));
    }

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
            if (_run.UncommittedCounties.Count > 0) CleanUp();
            if (_locked) _admin.ReleaseLock();
            _locked = false;
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException) { }
        _client.Dispose();
    }
}
