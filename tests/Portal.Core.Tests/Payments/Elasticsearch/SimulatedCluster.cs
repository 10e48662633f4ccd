using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// A simulation of the part of Elasticsearch's REST API the payment index uses, in memory, written from the API
/// reference: composable index templates (with <c>dynamic: strict</c> enforced, and the update mapping API adding fields),
/// indices and aliases, document GET/PUT/_create/DELETE with <c>_seq_no</c>/<c>_primary_term</c> and optimistic concurrency
/// control (<c>if_seq_no</c>/<c>if_primary_term</c>: 409 <c>version_conflict_engine_exception</c> on a stale or missing
/// document), _bulk, _search (bool/term/terms/range/prefix/match_phrase with CJK bigrams, match_none; sort, from/size,
/// search_after, _source filtering; sum and terms aggregations; exists), _delete_by_query, _update_by_query with the two
/// scripts the writer sends, _reindex as a task (done after <see cref="ReindexPolls"/> looks), _tasks, _aliases, _cat/indices and _cluster/health. Every write is searchable at
/// once (a real cluster refreshes every second), the harder case for readers that must not see an uncommitted run.
/// It is no substitute for a cluster: it runs the behaviour suite through the real client so the logic is exercised.
/// </summary>
internal sealed class SimulatedCluster : HttpMessageHandler
{
    private readonly System.Threading.Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _indices = new();
    private readonly Dictionary<string, HashSet<string>> _aliases = new();
    private readonly Dictionary<string, JsonObject> _templates = new();
    private readonly Dictionary<string, JsonObject> _mappings = new();
    private readonly Dictionary<string, JsonObject> _tasks = new();
    private readonly Dictionary<string, int> _pollsLeft = new();

    /// <summary>Each index's sequence number of its last operation; one primary, never failed over, so the primary term stays 1.</summary>
    private readonly Dictionary<string, long> _lastSeqNo = new();
    private readonly Dictionary<(string Index, string Id), long> _seqNos = new();
    private const long PrimaryTerm = 1;

    /// <summary>How many GET _tasks a reindex task answers before it reports itself completed.</summary>
    public int ReindexPolls { get; set; } = 1;

    /// <summary>Called with every request before the cluster handles it, outside its lock: a test can interleave another client's requests.</summary>
    public Action<HttpRequestMessage>? BeforeEachRequest { get; set; }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        BeforeEachRequest?.Invoke(request);
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
        var uri = request.RequestUri!;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')).Split('/');
        var query = HttpUtility.ParseQueryString(uri.Query);
        lock (_gate)
        {
            var (status, answer) = Route(request.Method, path, query, body);
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));

    private (int, JsonNode) Route(HttpMethod method, string[] path, System.Collections.Specialized.NameValueCollection query, string? body)
    {
        JsonObject Body() => JsonNode.Parse(body!)!.AsObject();
        switch (path)
        {
            case ["_cluster", "health"]: return (200, new JsonObject { ["cluster_name"] = "simulated", ["status"] = "green" });
            case ["_index_template", var name] when method == HttpMethod.Put: _templates[name] = Body(); return Ack();
            case ["_index_template", var name] when method == HttpMethod.Delete: _templates.Remove(name); return Ack();
            case ["_alias", var alias]:
                return _aliases.TryGetValue(alias, out var members) && members.Count > 0
                    ? (200, new JsonObject(members.Select(i => KeyValuePair.Create(i, (JsonNode?)new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } }))))
                    : (404, new JsonObject { ["error"] = $"alias [{alias}] missing", ["status"] = 404 });
            case ["_aliases"]:
                foreach (var action in Body()["actions"]!.AsArray().Select(a => a!.AsObject().Single()))
                {
                    var (index, alias) = (action.Value!["index"]!.GetValue<string>(), action.Value!["alias"]!.GetValue<string>());
                    if (action.Key == "add") Members(alias).Add(index); else Members(alias).Remove(index);
                }
                return Ack();
            case ["_reindex"]: return Reindex(Body());
            case ["_tasks", var task]:
                if (--_pollsLeft[task] > 0) return (200, new JsonObject { ["completed"] = false, ["task"] = new JsonObject { ["action"] = "indices:data/write/reindex" } });
                return (200, _tasks[task]);
            case ["_cat", "indices", var pattern]:
                return (200, new JsonArray(_indices.Where(i => Like(i.Key, pattern)).Select(i => (JsonNode)new JsonObject
                {
                    ["index"] = i.Key, ["health"] = "green", ["docs.count"] = i.Value.Count.ToString(), ["store.size"] = "1kb",
                }).ToArray()));
            case [var index] when method == HttpMethod.Put:
                if (_indices.ContainsKey(index)) return Error(400, "resource_already_exists_exception", $"index [{index}] already exists");
                _indices[index] = new();
                _mappings[index] = _templates.Values.Where(t => t["index_patterns"]!.AsArray().Any(p => Like(index, p!.GetValue<string>())))
                    .Select(t => t["template"]!["mappings"]!["properties"]!.AsObject()).FirstOrDefault() ?? new JsonObject();
                foreach (var alias in Body()["aliases"]?.AsObject() ?? []) Members(alias.Key).Add(index);
                return (200, new JsonObject { ["acknowledged"] = true, ["index"] = index });
            case [var index] when method == HttpMethod.Delete:
                _indices.Remove(index);
                foreach (var aliased in _aliases.Values) aliased.Remove(index);
                return Ack();
        }
        if (Resolve(path[0]) is not { } indices) return Error(404, "index_not_found_exception", $"no such index [{path[0]}]");
        switch (path[1..])
        {
            case ["_doc", var id] when method == HttpMethod.Get:
                var found = indices.Select(i => (Index: i, Doc: _indices[i].GetValueOrDefault(id))).FirstOrDefault(f => f.Doc is not null);
                return found.Doc is null
                    ? (404, new JsonObject { ["_index"] = indices[0], ["_id"] = id, ["found"] = false })
                    : (200, new JsonObject
                    {
                        ["_index"] = found.Index, ["_id"] = id, ["_seq_no"] = _seqNos[(found.Index, id)], ["_primary_term"] = PrimaryTerm,
                        ["found"] = true, ["_source"] = found.Doc.DeepClone(),
                    });
            case ["_doc", var id] when method == HttpMethod.Put:
                return Conflict(Single(indices), id, query) ?? Write(Single(indices), id, Body(), create: false);
            case ["_create", var id]: return Write(Single(indices), id, Body(), create: true);
            case ["_doc", var id] when method == HttpMethod.Delete:
                if (Conflict(Single(indices), id, query) is { } conflict) return conflict;
                return _indices[Single(indices)].Remove(id)
                    ? (200, new JsonObject { ["_index"] = Single(indices), ["_id"] = id, ["result"] = "deleted", ["_seq_no"] = NextSeqNo(Single(indices)), ["_primary_term"] = PrimaryTerm })
                    : (404, new JsonObject { ["result"] = "not_found" });
            case ["_mapping"] when method == HttpMethod.Put:
                foreach (var index in indices)
                    foreach (var (field, mapping) in Body()["properties"]!.AsObject())
                        if (!_mappings[index].ContainsKey(field)) _mappings[index][field] = mapping!.DeepClone();
                return Ack();
            case ["_refresh"]: return (200, new JsonObject { ["_shards"] = new JsonObject { ["failed"] = 0 } });
            case ["_bulk"]: return Bulk(Single(indices), body!);
            case ["_search"]: return (200, Search(indices, Body()));
            case ["_delete_by_query"]:
                var doomed = Matching(indices, Body()["query"]).ToList();
                foreach (var (index, id, _) in doomed) _indices[index].Remove(id);
                return (200, new JsonObject { ["deleted"] = doomed.Count, ["failures"] = new JsonArray() });
            case ["_update_by_query"]:
                var request = Body();
                var script = request["script"]!;
                var updated = Matching(indices, request["query"]).ToList();
                foreach (var (index, id, doc) in updated)
                {
                    _seqNos[(index, id)] = NextSeqNo(index);
                    switch (script["source"]!.GetValue<string>())
                    {
                        case "ctx._source.until = params.run": doc["until"] = script["params"]!["run"]!.GetValue<long>(); break;
                        case "ctx._source.remove('until')": doc.Remove("until"); break;
                        default: return Error(400, "script_exception", "unknown script");
                    }
                }
                return (200, new JsonObject { ["updated"] = updated.Count, ["failures"] = new JsonArray() });
        }
        return Error(400, "illegal_argument_exception", $"simulation has no {method} /{string.Join('/', path)}");
    }

    private HashSet<string> Members(string alias) => _aliases.TryGetValue(alias, out var m) ? m : _aliases[alias] = [];

    private List<string>? Resolve(string name) =>
        _aliases.TryGetValue(name, out var members) && members.Count > 0 ? members.Order().ToList() : _indices.ContainsKey(name) ? [name] : null;

    /// <summary>Writes through an alias need exactly one index behind it (or a write index).</summary>
    private static string Single(List<string> indices) => indices.Count == 1 ? indices[0] : throw new InvalidOperationException("alias has several indices and no write index");

    private static bool Like(string name, string pattern) => pattern.EndsWith('*') ? name.StartsWith(pattern[..^1], StringComparison.Ordinal) : name == pattern;

    private (int, JsonNode) Write(string index, string id, JsonObject doc, bool create)
    {
        if (create && _indices[index].ContainsKey(id)) return Error(409, "version_conflict_engine_exception", $"[{id}]: version conflict, document already exists");
        if (Unmapped(index, doc) is { } field) return Error(400, "strict_dynamic_mapping_exception", $"mapping set to strict, dynamic introduction of [{field}] within [_doc] is not allowed");
        var existed = _indices[index].ContainsKey(id);
        _indices[index][id] = doc;
        var seqNo = _seqNos[(index, id)] = NextSeqNo(index);
        return (existed ? 200 : 201, new JsonObject
        {
            ["_index"] = index, ["_id"] = id, ["result"] = existed ? "updated" : "created", ["_seq_no"] = seqNo, ["_primary_term"] = PrimaryTerm,
        });
    }

    /// <summary>Optimistic concurrency control: with if_seq_no and if_primary_term the write applies only to exactly that version of the document.</summary>
    private (int, JsonNode)? Conflict(string index, string id, System.Collections.Specialized.NameValueCollection query)
    {
        if (query["if_seq_no"] is not { } seqNo) return null;
        var term = query["if_primary_term"] ?? throw new InvalidOperationException("if_seq_no without if_primary_term");
        if (!_indices[index].ContainsKey(id))
            return Error(409, "version_conflict_engine_exception", $"[{id}]: version conflict, required seqNo [{seqNo}], primary term [{term}] but no document was found");
        var current = _seqNos[(index, id)];
        return current == long.Parse(seqNo) && PrimaryTerm == long.Parse(term)
            ? null
            : Error(409, "version_conflict_engine_exception", $"[{id}]: version conflict, required seqNo [{seqNo}], primary term [{term}]. current document has seqNo [{current}] and primary term [{PrimaryTerm}]");
    }

    private long NextSeqNo(string index) => _lastSeqNo[index] = _lastSeqNo.GetValueOrDefault(index, -1) + 1;

    private string? Unmapped(string index, JsonObject doc) => doc.Select(p => p.Key).FirstOrDefault(k => !_mappings[index].ContainsKey(k));

    private (int, JsonNode) Bulk(string index, string body)
    {
        var lines = body.Split('\n');
        if (lines[^1] != "") return Error(400, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]");
        var items = new JsonArray();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var action = JsonNode.Parse(lines[i])!.AsObject().Single();
            var id = action.Value!["_id"]!.GetValue<string>();
            if (action.Key == "delete")
            {
                var deleted = _indices[index].Remove(id);
                items.Add(new JsonObject { ["delete"] = new JsonObject { ["_id"] = id, ["status"] = deleted ? 200 : 404 } });
                continue;
            }
            var doc = JsonNode.Parse(lines[++i])!.AsObject();
            var (status, answer) = Write(index, id, doc, create: false);
            answer.AsObject()["status"] = status;
            items.Add(new JsonObject { ["index"] = answer });
        }
        return (200, new JsonObject { ["took"] = 1, ["errors"] = items.Any(i => i!.AsObject().Single().Value!["status"]!.GetValue<int>() >= 300), ["items"] = items });
    }

    private (int, JsonNode) Reindex(JsonObject request)
    {
        var source = request["source"]!["index"]!.GetValue<string>();
        var target = request["dest"]!["index"]!.GetValue<string>();
        var created = 0;
        foreach (var (_, id, doc) in Matching([source], request["source"]!["query"]).ToList())
        {
            var copy = doc.DeepClone().AsObject();
            if (request["script"]?["source"]?.GetValue<string>() == "ctx._source.remove('until')") copy.Remove("until");
            if (Write(target, id, copy, create: true).Item1 < 300) created++;
        }
        var task = "simulated:" + (_tasks.Count + 1);
        _pollsLeft[task] = ReindexPolls;
        _tasks[task] = new JsonObject { ["completed"] = true, ["response"] = new JsonObject { ["created"] = created, ["failures"] = new JsonArray() } };
        return (200, new JsonObject { ["task"] = task });
    }

    private IEnumerable<(string Index, string Id, JsonObject Doc)> Matching(IEnumerable<string> indices, JsonNode? query) =>
        indices.SelectMany(i => _indices[i].Select(d => (i, d.Key, d.Value))).Where(d => query is null || Matches(query, d.Item3));

    private JsonObject Search(List<string> indices, JsonObject request)
    {
        var hits = Matching(indices, request["query"]).ToList();
        var sort = request["sort"]?.AsArray().Select(s => s!.AsObject().Single()).Select(s => (Field: s.Key, Desc: s.Value!["order"]!.GetValue<string>() == "desc")).ToList() ?? [];
        var keyed = hits.Select(h => (Hit: h, Key: sort.Select(s => h.Doc[s.Field]?.DeepClone()).ToArray())).ToList();
        var order = Comparer<JsonNode?[]>.Create((a, b) =>
        {
            for (var i = 0; i < sort.Count; i++)
            {
                // Missing values sort last whatever the order, as Elasticsearch's default "missing": "_last".
                if (a[i] is null || b[i] is null) { if (a[i] is null != b[i] is null) return a[i] is null ? 1 : -1; continue; }
                var c = Compare(a[i], b[i]);
                if (c != 0) return sort[i].Desc ? -c : c;
            }
            return 0;
        });
        keyed.Sort((x, y) => order.Compare(x.Key, y.Key));
        if (request["search_after"] is JsonArray after)
        {
            var afterKey = after.Select(a => a?.DeepClone()).ToArray();
            keyed = keyed.Where(k => order.Compare(k.Key, afterKey) > 0).ToList();
        }
        var from = request["from"]?.GetValue<int>() ?? 0;
        var size = request["size"]?.GetValue<int>() ?? 10;
        var fields = request["_source"] is JsonArray wanted ? wanted.Select(f => f!.GetValue<string>()).ToHashSet() : null;
        var answer = new JsonObject
        {
            ["took"] = 1,
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = hits.Count, ["relation"] = "eq" },
                ["hits"] = new JsonArray(keyed.Skip(from).Take(size).Select(k => (JsonNode)new JsonObject
                {
                    ["_index"] = k.Hit.Index,
                    ["_id"] = k.Hit.Id,
                    ["_source"] = new JsonObject(k.Hit.Doc.Where(p => fields is null || fields.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
                    ["sort"] = new JsonArray(k.Key.Select(v => v?.DeepClone()).ToArray()),
                }).ToArray()),
            },
        };
        if (request["aggs"] is JsonObject aggs) answer["aggregations"] = Aggregate(aggs, hits.Select(h => h.Doc).ToList());
        return answer;
    }

    private static JsonObject Aggregate(JsonObject aggs, List<JsonObject> docs)
    {
        var result = new JsonObject();
        foreach (var (name, spec) in aggs)
        {
            if (spec!["sum"] is { } sum)
                result[name] = new JsonObject { ["value"] = docs.Sum(d => d[sum["field"]!.GetValue<string>()]?.GetValue<double>() ?? 0) };
            else if (spec["terms"] is { } terms)
            {
                var field = terms["field"]!.GetValue<string>();
                var groups = docs.Where(d => d[field] is not null).GroupBy(d => d[field]!.ToString()).ToList();
                var byKey = terms["order"]?["_key"]?.GetValue<string>() == "asc";
                var ordered = byKey ? groups.OrderBy(g => g.Key, StringComparer.Ordinal) : groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
                result[name] = new JsonObject
                {
                    ["buckets"] = new JsonArray(ordered.Take(terms["size"]?.GetValue<int>() ?? 10).Select(g =>
                    {
                        var bucket = new JsonObject { ["key"] = g.Key, ["doc_count"] = g.Count() };
                        if (spec["aggs"] is JsonObject sub) foreach (var (k, v) in Aggregate(sub, g.ToList()).ToList()) bucket[k] = v!.DeepClone();
                        return (JsonNode)bucket;
                    }).ToArray()),
                };
            }
        }
        return result;
    }

    private static bool Matches(JsonNode query, JsonObject doc)
    {
        var (kind, spec) = query.AsObject().Single();
        switch (kind)
        {
            case "match_none": return false;
            case "match_all": return true;
            case "exists": return doc[spec!["field"]!.GetValue<string>()] is not null;
            case "bool":
                var filters = Clauses(spec, "filter").Concat(Clauses(spec, "must"));
                var should = Clauses(spec, "should").ToList();
                var minimum = spec!["minimum_should_match"]?.GetValue<int>() ?? (spec["filter"] is null && spec["must"] is null && should.Count > 0 ? 1 : 0);
                return filters.All(q => Matches(q, doc)) && !Clauses(spec, "must_not").Any(q => Matches(q, doc)) && should.Count(q => Matches(q, doc)) >= minimum;
        }
        var (field, value) = spec!.AsObject().Single();
        var actual = doc[field];
        if (actual is null) return false;
        var values = actual is JsonArray array ? array.Select(a => a!).ToList() : [actual];
        return kind switch
        {
            "term" => values.Any(v => Compare(v, value) == 0),
            "terms" => values.Any(v => value!.AsArray().Any(t => Compare(v, t) == 0)),
            "prefix" => values.Any(v => v.GetValue<string>().StartsWith(value!.GetValue<string>(), StringComparison.Ordinal)),
            "range" => values.Any(v => value!.AsObject().All(r => r.Key switch
            {
                "gt" => Compare(v, r.Value) > 0, "gte" => Compare(v, r.Value) >= 0, "lt" => Compare(v, r.Value) < 0, "lte" => Compare(v, r.Value) <= 0,
                _ => throw new NotSupportedException(r.Key),
            })),
            "match_phrase" => Phrase(Bigrams(actual.GetValue<string>()), Bigrams(value!.GetValue<string>())),
            _ => throw new NotSupportedException("simulation has no query " + kind),
        };
    }

    private static IEnumerable<JsonNode> Clauses(JsonNode? spec, string occur) => spec?[occur] switch
    {
        JsonArray many => many.Select(c => c!),
        JsonObject one => [one],
        _ => [],
    };

    private static int Compare(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && x.TryGetValue<double>(out var m) && y.TryGetValue<double>(out var n)
            ? m.CompareTo(n)
            : string.CompareOrdinal(a?.ToString(), b?.ToString());

    /// <summary>The standard tokenizer splits ideographs one by one; cjk_bigram joins neighbours within a word (a lone one stays a unigram).</summary>
    private static List<string> Bigrams(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(w => w.Length == 1 ? [w] : Enumerable.Range(0, w.Length - 1).Select(i => w.Substring(i, 2))).ToList();

    private static bool Phrase(List<string> tokens, List<string> phrase) =>
        Enumerable.Range(0, Math.Max(0, tokens.Count - phrase.Count + 1)).Any(i => tokens.Skip(i).Take(phrase.Count).SequenceEqual(phrase));

    private static (int, JsonNode) Ack() => (200, new JsonObject { ["acknowledged"] = true });

    private static (int, JsonNode) Error(int status, string type, string reason) =>
        (status, new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["reason"] = reason }, ["status"] = status });
}
