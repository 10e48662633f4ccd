using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Ingest;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The index behind the alias: the template (deploy/elasticsearch/index-template.json, embedded), the first index, the
/// writers' lock, and a full reindex into a new index with an atomic alias swap that keeps the old index.
/// </summary>
public sealed class PaymentIndexAdmin(ElasticsearchClient client, TimeProvider clock, Action<TimeSpan>? sleep = null, TimeSpan? lockLease = null)
{
    public const string TemplateResource = "Portal.Core.Payments.Elasticsearch.index-template.json";
    private static readonly TimeSpan LongCall = TimeSpan.FromMinutes(10);
    private readonly Action<TimeSpan> _sleep = sleep ?? Thread.Sleep;
    private readonly TimeSpan _lease = lockLease ?? new ElasticsearchOptions().LockLease;

    /// <summary>The template as deploy/ holds it, for indices named after the alias.</summary>
    public JsonObject Template()
    {
        using var stream = typeof(PaymentIndexAdmin).Assembly.GetManifestResourceStream(TemplateResource)!;
        var template = JsonNode.Parse(stream)!.AsObject();
        template["index_patterns"] = new JsonArray(client.Alias + "-*");
        return template;
    }

    /// <summary>
    /// Installs the template (idempotent) and, on a new cluster, makes the first index behind the alias. An index made
    /// with an earlier template gets the fields added since (the update mapping API adds fields; unchanged ones are no-ops),
    /// as its strict mapping would refuse documents that carry them.
    /// </summary>
    public void EnsureIndex()
    {
        var template = Template();
        client.Send(HttpMethod.Put, $"_index_template/{client.Alias}", template);
        if (client.Send(HttpMethod.Get, $"_alias/{client.Alias}", null, notFoundIsNull: true) is null) CreateIndex(withAlias: true);
        else client.Send(HttpMethod.Put, $"{client.Alias}/_mapping", new JsonObject { ["properties"] = template["template"]!["mappings"]!["properties"]!.DeepClone() });
    }

    /// <summary>A new index named {alias}-{UTC time}; the template gives it settings and mappings.</summary>
    private string CreateIndex(bool withAlias)
    {
        var name = $"{client.Alias}-{clock.GetUtcNow().ToString("yyyyMMdd-HHmmssfff", CultureInfo.InvariantCulture)}";
        var body = new JsonObject();
        if (withAlias) body["aliases"] = new JsonObject { [client.Alias] = new JsonObject() };
        client.Send(HttpMethod.Put, name, body);
        return name;
    }

    /// <summary>Indices behind the alias (one, except in the instant of a swap).</summary>
    public IReadOnlyList<string> AliasedIndices() =>
        client.Send(HttpMethod.Get, $"_alias/{client.Alias}", null, notFoundIsNull: true) is { } answer
            ? answer.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Takes the writers' lock (see <see cref="WriterLock"/>); the caller renews it through what it returns and disposes it to release.</summary>
    public WriterLock AcquireLock(string holder, string? index = null) => WriterLock.Acquire(client, clock, _lease, holder, index);

    /// <summary>Removes the lock whoever holds it (<c>es unlock</c>); a writer that held it fails at its next renewal.</summary>
    public void ReleaseLock(string? index = null) =>
        client.Send(HttpMethod.Delete, $"{index ?? client.Alias}/_doc/{PaymentDocuments.LockId}?refresh=true", null, notFoundIsNull: true);

    /// <summary>
    /// Copies what the committed run publishes into a new index (made with the current template) by <c>_reindex</c>,
    /// then points the alias at it in one <c>_aliases</c> call. The old index stays until the operator deletes it.
    /// </summary>
    public ReindexResult Reindex()
    {
        var old = AliasedIndices() switch
        {
            [var single] => single,
            [] => throw new InvalidOperationException($"别名 {client.Alias} 不存在：还没有同步过数据。"),
            var many => throw new InvalidOperationException($"别名 {client.Alias} 指向多个索引（{string.Join("，", many)}），请先修正。"),
        };
        // The current template for the new index; the old one's mapping learns the lock's fields added since it was made.
        EnsureIndex();
        using var held = AcquireLock("reindex", old);
        var state = SyncState.Read(client, old) ?? SyncState.Nothing;
        var target = CreateIndex(withAlias: false);
        var task = client.Send(HttpMethod.Post, "_reindex?wait_for_completion=false&refresh=true", ReindexBody(old, target, state.Sequence))!.Value
            .GetProperty("task").GetString()!;
        var copied = WaitFor(task, held);
        // Renewed right before the swap: a reindex whose lock was taken over must not move the alias.
        held.Renew();
        // A new sequence with every region changed: the sites drop all cached pages once they see the new index.
        state.Next(state.Sequence + 1, [], allRegions: true, clock.GetUtcNow()).Write(client, target);
        client.Send(HttpMethod.Post, "_aliases", AliasSwap(old, target));
        return new ReindexResult(old, target, copied);
    }

    /// <summary>Only what readers can see: superseded and uncommitted documents and the lock are left behind.</summary>
    internal JsonObject ReindexBody(string source, string target, long sequence) => new()
    {
        ["source"] = new JsonObject
        {
            ["index"] = source,
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray(
                        IndexQueries.Visible(PaymentDocuments.PaymentType, sequence),
                        IndexQueries.Visible(PaymentDocuments.RollupType, sequence)),
                    ["minimum_should_match"] = 1,
                },
            },
        },
        ["dest"] = new JsonObject { ["index"] = target, ["op_type"] = "create" },
        // A run that died after marking documents leaves an `until` above the committed run; in the new index it would hide them.
        ["script"] = new JsonObject { ["lang"] = "painless", ["source"] = "ctx._source.remove('until')" },
    };

    internal JsonObject AliasSwap(string old, string target) => new()
    {
        ["actions"] = new JsonArray(
            new JsonObject { ["remove"] = new JsonObject { ["index"] = old, ["alias"] = client.Alias } },
            new JsonObject { ["add"] = new JsonObject { ["index"] = target, ["alias"] = client.Alias, ["is_write_index"] = true } }),
    };

    /// <summary>Polls the reindex task (a large index takes longer than any HTTP timeout) and returns the documents it created.</summary>
    private long WaitFor(string task, WriterLock held)
    {
        while (true)
        {
            held.EnsureHeld();
            var answer = client.Send(HttpMethod.Get, $"_tasks/{task}", null, timeout: LongCall)!.Value;
            if (answer.GetProperty("completed").GetBoolean())
            {
                if (answer.TryGetProperty("error", out var error)) throw new ElasticsearchException($"重建索引失败：{error}", 500);
                var response = answer.GetProperty("response");
                if (response.GetProperty("failures").GetArrayLength() > 0) throw new ElasticsearchException($"重建索引有失败的文档：{response.GetProperty("failures")}", 500);
                return response.GetProperty("created").GetInt64();
            }
            _sleep(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>What an operator needs to see: the alias, the indices by that name with their size, the committed run, any lock.</summary>
    public IndexStatus Status()
    {
        var aliased = AliasedIndices();
        var indices = client.Send(HttpMethod.Get, $"_cat/indices/{client.Alias}-*?format=json&h=index,health,docs.count,store.size", null, notFoundIsNull: true) is { } cat
            ? cat.EnumerateArray().Select(i => new IndexInfo(Text(i, "index"), Text(i, "health"), long.TryParse(Text(i, "docs.count"), out var n) ? n : 0,
                Text(i, "store.size"), aliased.Contains(Text(i, "index")))).OrderBy(i => i.Name, StringComparer.Ordinal).ToList()
            : [];
        var state = aliased.Count > 0 ? SyncState.Read(client) : null;
        var locked = aliased.Count > 0 ? WriterLock.Read(client, client.Alias)?.Lease : null;
        return new IndexStatus(client.Alias, client.Health(), indices, state?.Sequence, locked, locked?.Expired(clock.GetUtcNow()));
    }

    private static string Text(JsonElement e, string property) => e.TryGetProperty(property, out var v) ? v.ToString() : "";
}

public sealed record ReindexResult(string OldIndex, string NewIndex, long Documents);

public sealed record IndexInfo(string Name, string Health, long Documents, string Size, bool Aliased);

/// <param name="LockExpired">Whether the lock's lease has run out (the next writer takes it over); null when nobody holds it.</param>
public sealed record IndexStatus(string Alias, ClusterHealth Cluster, IReadOnlyList<IndexInfo> Indices, long? CommittedRun, LockLease? Lock, bool? LockExpired);
