using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// Wire-format tests against Elasticsearch's documented REST API, not a cluster: a recording handler checks every request
/// the index, the writer and the reindex send (paths, NDJSON bulk lines, query DSL, aliases actions, the template) against
/// the shapes the API reference documents, and answers with responses shaped as its examples show. Whether a real cluster
/// accepts and answers them the same way is what <see cref="ElasticsearchPaymentIndexTests"/> proves when one is configured.
/// </summary>
public sealed class ElasticsearchWireFormatTests
{
    private const string Alias = "portal-payments";
    private static readonly Period May = new(2026, 5);
    private readonly RecordingHandler _cluster = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero));

    private ElasticsearchClient Client(Action<ElasticsearchOptions>? configure = null)
    {
        var options = new ElasticsearchOptions { Url = "http://es.test:9200", BulkBatchSize = 2 };
        configure?.Invoke(options);
        return new ElasticsearchClient(options, _cluster, _waits.Add);
    }

    private static string State(long sequence, params string[] counties) =>
        """{"_index":"portal-payments-20260601-000000000","_id":"portal-sync","_version":3,"_seq_no":7,"_primary_term":1,"found":true,"_source":{"type":"sync","sequence":"""
        + sequence + ""","counties":[""" + string.Join(",", counties.Select(c => $"\"{c}\"")) + """],"allRegions":false}}""";

    private static readonly ElasticsearchOptions Settings = new();

    /// <summary>An index or create answer as the API reference shows it, with the sequence number and primary term of the write.</summary>
    private static string Written(string id, long seqNo, string result = "created") =>
        $$"""{"_index":"portal-payments-20260601-000000000","_id":"{{id}}","_version":1,"result":"{{result}}","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":{{seqNo}},"_primary_term":1}""";

    private const string NotFoundDocument = """{"_index":"portal-payments-20260601-000000000","_id":"portal-sync","found":false}""";
    private const string NoSuchIndex = """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [portal-payments]"}],"type":"index_not_found_exception","reason":"no such index [portal-payments]","index":"portal-payments"},"status":404}""";
    private const string Acknowledged = """{"acknowledged":true}""";
    private const string ByQuery = """{"took":12,"timed_out":false,"total":0,"updated":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"failures":[]}""";

    /// <summary>A bulk answer as the API reference shows it: one item per action, in order, each with its status; 429s carry the rejection.</summary>
    private static string BulkAnswer(params int[] statuses)
    {
        var items = statuses.Select((status, i) => status < 300
            ? "{\"index\":{\"_index\":\"portal-payments-1\",\"_id\":\"" + i + "\",\"_version\":1,\"result\":\"created\",\"_shards\":{\"total\":2,\"successful\":1,\"failed\":0},\"_seq_no\":" + i + ",\"_primary_term\":1,\"status\":" + status + "}}"
            : "{\"index\":{\"_index\":\"portal-payments-1\",\"_id\":\"" + i + "\",\"status\":" + status + ",\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"rejected execution of coordinating operation\"}}}");
        return $$"""{"took":30,"errors":{{(statuses.Any(s => s >= 300) ? "true" : "false")}},"items":[{{string.Join(",", items)}}]}""";
    }

    /// <summary>What a writer opening on an index that exists is answered: template, alias, mapping update, lock (seq_no 11), the state, the clean-up.</summary>
    private void WriterOnAnExistingIndex(string state)
    {
        _cluster.On(HttpMethod.Put, "_index_template/", (200, Acknowledged));
        _cluster.On(HttpMethod.Get, $"_alias/{Alias}", (200, """{"portal-payments-20260601-000000000":{"aliases":{"portal-payments":{}}}}"""));
        _cluster.On(HttpMethod.Put, $"{Alias}/_mapping", (200, Acknowledged));
        _cluster.On(HttpMethod.Put, $"{Alias}/_create/", (201, Written("portal-sync-lock", 11)));
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, state));
        _cluster.On(HttpMethod.Post, $"{Alias}/_delete_by_query", (200, ByQuery));
        _cluster.On(HttpMethod.Post, $"{Alias}/_update_by_query", (200, ByQuery));
        _cluster.On(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock", (200, """{"result":"deleted"}"""));
    }

    /// <summary>What a run and its commit are answered: the published hashes, bulk, refresh, the state write and the renewal (seq_no 29).</summary>
    private void CommitAnswers(string hashes)
    {
        _cluster.On(HttpMethod.Post, $"{Alias}/_search", (200, hashes));
        _cluster.On(HttpMethod.Post, $"{Alias}/_bulk", (200, BulkAnswer(201, 201)));
        _cluster.On(HttpMethod.Post, $"{Alias}/_refresh", (200, """{"_shards":{"total":2,"successful":1,"failed":0}}"""));
        _cluster.On(HttpMethod.Put, $"{Alias}/_doc/portal-sync", (200, Written("portal-sync", 30, "updated")));
        _cluster.On(HttpMethod.Put, $"{Alias}/_doc/portal-sync-lock", (200, Written("portal-sync-lock", 29, "updated")));
    }

    private static BulkAction Doc(int n) => BulkAction.IndexDocument($"5-{n}", new JsonObject { ["type"] = "payment", ["name"] = "张*明", ["amount"] = 58000L + n });

    [Fact]
    public void Bulk_sends_an_action_line_and_a_source_line_per_document_as_ndjson_in_batches_of_the_configured_size()
    {
        _cluster.On(HttpMethod.Post, $"{Alias}/_bulk", (200, BulkAnswer(201, 201)));
        using var client = Client();

        client.Bulk([Doc(1), Doc(2), Doc(3)]);

        var requests = _cluster.All(HttpMethod.Post, $"{Alias}/_bulk");
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("application/x-ndjson", r.ContentType));
        Assert.All(requests, r => Assert.EndsWith("\n", r.Body));
        var lines = requests[0].Body!.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("""{"index":{"_id":"5-1"}}""", lines[0].ToJsonString());
        Assert.Equal("张*明", lines[1]["name"]!.GetValue<string>());
        Assert.Equal(58002L, lines[3]["amount"]!.GetValue<long>());
        Assert.Contains("\"张*明\"", requests[0].Body);
        Assert.Equal(2, requests[1].Body!.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Documents_the_cluster_refuses_with_429_are_sent_again_alone_after_a_back_off()
    {
        _cluster.On(HttpMethod.Post, $"{Alias}/_bulk", (200, BulkAnswer(201, 429)), (200, BulkAnswer(201)));
        using var client = Client();

        client.Bulk([Doc(1), Doc(2)]);

        var requests = _cluster.All(HttpMethod.Post, $"{Alias}/_bulk");
        Assert.Equal(2, requests.Count);
        Assert.Equal("""{"index":{"_id":"5-2"}}""", requests[1].Body!.Split('\n')[0]);
        Assert.Equal([TimeSpan.FromMilliseconds(500)], _waits);
    }

    [Fact]
    public void A_document_refused_for_another_reason_fails_the_sync_with_the_clusters_reason()
    {
        _cluster.On(HttpMethod.Post, $"{Alias}/_bulk", (200, """
            {"took":3,"errors":true,"items":[{"index":{"_index":"portal-payments-1","_id":"5-1","status":400,
             "error":{"type":"strict_dynamic_mapping_exception","reason":"mapping set to strict, dynamic introduction of [nme] within [_doc] is not allowed"}}}]}
            """));
        using var client = Client();

        var e = Assert.Throws<ElasticsearchException>(() => client.Bulk([Doc(1)]));

        Assert.Contains("strict_dynamic_mapping_exception", e.Message);
        Assert.Single(_cluster.Requests);
    }

    [Fact]
    public void Overloaded_and_failing_answers_are_retried_with_growing_back_off_and_client_errors_are_not()
    {
        _cluster.On(HttpMethod.Get, "_cluster/health", (429, """{"error":{"type":"es_rejected_execution_exception","reason":"rejected"},"status":429}"""),
            (503, """{"error":{"type":"cluster_block_exception","reason":"blocked"},"status":503}"""),
            (200, """{"cluster_name":"portal","status":"green","timed_out":false,"number_of_nodes":3,"number_of_data_nodes":3,"active_primary_shards":1,"active_shards":2,"relocating_shards":0,"initializing_shards":0,"unassigned_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":100.0}"""));
        _cluster.On(HttpMethod.Post, $"{Alias}/_search", (400, """{"error":{"root_cause":[{"type":"parsing_exception","reason":"unknown query [trem]"}],"type":"parsing_exception","reason":"unknown query [trem]"},"status":400}"""));
        using var client = Client();

        Assert.True(client.Health().Ready);
        var e = Assert.Throws<ElasticsearchException>(() => client.Send(HttpMethod.Post, $"{Alias}/_search", new JsonObject()));

        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], _waits);
        Assert.Equal(400, e.Status);
        Assert.Contains("parsing_exception: unknown query [trem]", e.Message);
        Assert.Single(_cluster.All(HttpMethod.Post, $"{Alias}/_search"));
    }

    [Theory]
    [InlineData("green", true)]
    [InlineData("yellow", true)]
    [InlineData("red", false)]
    public void A_green_or_yellow_cluster_is_ready_and_a_red_one_is_not(string status, bool ready)
    {
        _cluster.On(HttpMethod.Get, "_cluster/health", (200, $$"""{"cluster_name":"portal","status":"{{status}}","timed_out":false,"number_of_nodes":1}"""));
        using var client = Client();

        Assert.Equal(new ClusterHealth(status, ready), client.Health());
    }

    [Fact]
    public void An_api_key_is_sent_as_ApiKey_and_a_user_with_password_as_Basic()
    {
        _cluster.On(HttpMethod.Get, "_cluster/health", (200, """{"status":"green"}"""));
        using (var keyed = Client(o => { o.ApiKey = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="; o.Username = "ignored"; })) keyed.Health();
        using (var basic = Client(o => { o.Username = "portal"; o.Password = "s3cret"; })) basic.Health();

        Assert.Equal("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==", _cluster.Requests[0].Authorization);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("portal:s3cret")), _cluster.Requests[1].Authorization);
    }

    [Fact]
    public async Task A_village_search_asks_for_the_committed_run_inside_each_funds_window_and_reads_hits_and_the_sum()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, State(3, "410221")));
        _cluster.On(HttpMethod.Post, $"{Alias}/_search", (200, """
            {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":37,"relation":"eq"},"max_score":null,"hits":[
               {"_index":"portal-payments-1","_id":"3-0a1b2c3d4e5f60718293","_score":null,
                "_source":{"type":"payment","run":3,"id":"0a1b2c3d4e5f60718293","partition":"410221101201|rural-dibao|202605","owner":"k","fund":"rural-dibao","period":"2026-05",
                           "r1":"41","r2":"4102","r3":"410221","r4":"410221101","r5":"410221101201","name":"张*明","amount":58050,"dept":"杞县民政局","household":3,"paidOn":"2026-05-20"},
                "sort":[58050,"410221101201","张*明","0a1b2c3d4e5f60718293"]}]},
             "aggregations":{"amount":{"value":2146000.0}}}
            """));
        using var index = new ElasticsearchPaymentIndex(Client(), SampleData.Funds, _clock);

        var page = await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", Period = May, Sort = PaymentSort.AmountDesc, Page = 2, PageSize = 10 });

        var body = _cluster.Single(HttpMethod.Post, $"{Alias}/_search").Json;
        var clauses = body["query"]!["bool"]!.AsObject();
        var filter = clauses["filter"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.Contains("""{"term":{"type":"payment"}}""", filter);
        Assert.Contains("""{"range":{"run":{"lte":3}}}""", filter);
        Assert.Contains("""{"term":{"r5":"410221101201"}}""", filter);
        Assert.Contains("""{"term":{"period":"2026-05"}}""", filter);
        Assert.Equal("""[{"range":{"until":{"lte":3}}}]""", clauses["must_not"]!.ToJsonString());
        Assert.Equal(1, clauses["minimum_should_match"]!.GetValue<int>());
        var dibao = SampleData.Funds.ByCode("rural-dibao")!;
        Assert.Contains(clauses["should"]!.AsArray(), w => w!.ToJsonString() ==
            """{"bool":{"filter":[{"term":{"fund":"rural-dibao"}},{"range":{"period":{"gte":""" + $"\"{May.AddMonths(2 - dibao.PublicationMonths)}\"" + "}}}]}}");
        Assert.Equal(SampleData.Funds.All.Count, clauses["should"]!.AsArray().Count);
        Assert.Equal((10, 10, true), (body["from"]!.GetValue<int>(), body["size"]!.GetValue<int>(), body["track_total_hits"]!.GetValue<bool>()));
        Assert.Equal("""[{"amount":{"order":"desc"}},{"r5":{"order":"asc"}},{"name":{"order":"asc"}},{"id":{"order":"asc"}}]""", body["sort"]!.ToJsonString());
        Assert.Equal("""{"amount":{"sum":{"field":"amount"}}}""", body["aggs"]!.ToJsonString());

        Assert.Equal(37, page.TotalCount);
        Assert.Equal(21460m, page.TotalAmount);
        Assert.Equal(new PublicPayment("0a1b2c3d4e5f60718293", "张*明", "rural-dibao", "410221101201", May, 580.50m, 3, "杞县民政局", new DateOnly(2026, 5, 20)),
            Assert.Single(page.Items));
    }

    [Fact]
    public async Task A_place_name_search_first_finds_villages_by_phrase_on_the_rollups_then_their_payments()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, State(1)));
        _cluster.On(HttpMethod.Post, $"{Alias}/_search",
            (200, """{"took":1,"timed_out":false,"hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"villages":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"410221101203","doc_count":2}]}}}"""),
            (200, """{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]},"aggregations":{"amount":{"value":0.0}}}"""));
        using var index = new ElasticsearchPaymentIndex(Client(), SampleData.Funds, _clock);

        var page = await index.SearchAsync(new PaymentQuery { RegionCode = "410221", Name = "丁庄" });

        var (places, payments) = (_cluster.Requests[1].Json, _cluster.Requests[2].Json);
        var placeFilter = places["query"]!["bool"]!["filter"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.Contains("""{"term":{"type":"rollup"}}""", placeFilter);
        Assert.Contains("""{"match_phrase":{"place":"丁庄"}}""", places["query"]!["bool"]!["filter"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("""{"terms":{"field":"r5","size":500,"order":{"_key":"asc"}}}""", places["aggs"]!["villages"]!.ToJsonString());
        Assert.Equal(0, places["size"]!.GetValue<int>());
        var name = payments["query"]!["bool"]!["filter"]!.AsArray().Last()!["bool"]!;
        Assert.Equal("""[{"prefix":{"name":"\u4E01\u5E84"}},{"terms":{"r5":["410221101203"]}}]""", name["should"]!.ToJsonString());
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task Summaries_are_a_terms_aggregation_on_the_child_level_summing_the_rollups_count_and_amount()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, State(2)));
        _cluster.On(HttpMethod.Post, $"{Alias}/_search", (200, """
            {"took":3,"timed_out":false,"hits":{"total":{"value":40,"relation":"eq"},"max_score":null,"hits":[]},
             "aggregations":{"groups":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[
               {"key":"410221102","doc_count":12,"count":{"value":300.0},"amount":{"value":1.74E7}},
               {"key":"410221101","doc_count":28,"count":{"value":700.0},"amount":{"value":40600001.0}}]}}}
            """));
        using var index = new ElasticsearchPaymentIndex(Client(), SampleData.Funds, _clock);

        var totals = await index.SummarizeAsync("410221", "rural-dibao", May, SummaryGrouping.ChildRegion);

        var body = _cluster.Single(HttpMethod.Post, $"{Alias}/_search").Json;
        Assert.Equal(0, body["size"]!.GetValue<int>());
        Assert.Equal("""{"terms":{"field":"r4","size":10000},"aggs":{"count":{"sum":{"field":"count"}},"amount":{"sum":{"field":"amount"}}}}""", body["aggs"]!["groups"]!.ToJsonString());
        var filter = body["query"]!["bool"]!["filter"]!.AsArray().Select(c => c!.ToJsonString()).ToList();
        Assert.Contains("""{"term":{"type":"rollup"}}""", filter);
        Assert.Contains("""{"term":{"r3":"410221"}}""", filter);
        Assert.Single(body["query"]!["bool"]!["should"]!.AsArray());
        Assert.Equal([new PaymentTotal("410221101", 700, 406000.01m), new PaymentTotal("410221102", 300, 174000m)], totals);
    }

    [Fact]
    public async Task Refresh_reads_the_sync_state_document_and_reports_the_counties_of_the_next_commit()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, State(4, "410221")), (200, State(4, "410221")), (200, State(5, "410223")), (200, State(7, "410221")));
        using var index = new ElasticsearchPaymentIndex(Client(), SampleData.Funds, _clock);

        Assert.Null(await index.RefreshAsync());
        Assert.Equal(new IndexChange(["410223"], false), await index.RefreshAsync() is { } c ? c with { CountyCodes = c.CountyCodes.ToList() } : null, new ChangeComparer());
        Assert.True((await index.RefreshAsync())!.AllRegions);
    }

    [Fact]
    public async Task A_search_waits_on_the_cluster_without_a_thread_and_a_visitor_who_leaves_cancels_it_without_a_retry()
    {
        var cluster = new StallingSearches(State(4, "410221"));
        var client = new ElasticsearchClient(new ElasticsearchOptions { Url = "http://es.test:9200", Timeout = TimeSpan.FromHours(1) }, cluster, _waits.Add,
            ElasticsearchClient.ReaderAttempts);
        using var index = new ElasticsearchPaymentIndex(client, SampleData.Funds, _clock);
        using var leaving = new CancellationTokenSource();

        var search = index.SearchAsync(new PaymentQuery { RegionCode = "410221" }, leaving.Token);
        await cluster.SearchArrived.Task;
        Assert.False(search.IsCompleted);
        leaving.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        Assert.Equal(1, cluster.Searches);
        Assert.Empty(_waits);
    }

    /// <summary>Answers the state document at once and holds every search until its caller gives up.</summary>
    private sealed class StallingSearches(string state) : HttpMessageHandler
    {
        public TaskCompletionSource SearchArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Searches { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get) return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(state, Encoding.UTF8, "application/json") };
            Searches++;
            SearchArrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable: the delay ends only by cancellation");
        }
    }

    [Fact]
    public async Task Readiness_asks_the_cluster_every_time_though_the_pages_answers_are_cached()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (200, State(4, "410221")));
        _cluster.On(HttpMethod.Post, $"{Alias}/_search", (200, """{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"hits":[]},"aggregations":{"groups":{"buckets":[{"key":"2026-05","doc_count":1,"count":{"value":3.0},"amount":{"value":58000.0}}]}}}"""));
        _cluster.On(HttpMethod.Get, $"{Alias}/_count", (200, """{"count":1284,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}"""),
            (503, """{"error":{"type":"cluster_block_exception","reason":"blocked by: [SERVICE_UNAVAILABLE/2/no master];"},"status":503}"""));
        var sites = new ElasticsearchClient(new ElasticsearchOptions { Url = "http://es.test:9200" }, _cluster, _waits.Add, ElasticsearchClient.ReaderAttempts);
        using var index = new ElasticsearchPaymentIndex(sites, SampleData.Funds, _clock);
        var check = new Portal.Core.Operations.PaymentIndexCheck(index);

        Assert.Equal([May], await index.PeriodsAsync());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
        Assert.Equal([May], await index.PeriodsAsync());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);

        Assert.Single(_cluster.All(HttpMethod.Post, $"{Alias}/_search"));
        Assert.Equal(3, _cluster.All(HttpMethod.Get, $"{Alias}/_count").Count);
    }

    [Fact]
    public async Task Without_an_index_behind_the_alias_nothing_is_published_and_no_search_is_sent()
    {
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (404, NoSuchIndex));
        using var index = new ElasticsearchPaymentIndex(Client(), SampleData.Funds, _clock);

        Assert.Null(await index.RefreshAsync());
        Assert.Equal(0, (await index.SearchAsync(new PaymentQuery())).TotalCount);
        Assert.Empty(await index.PeriodsAsync());
        Assert.Empty(_cluster.All(HttpMethod.Post, $"{Alias}/_search"));
    }

    [Fact]
    public void Opening_a_writer_installs_the_template_makes_the_first_index_takes_the_lock_and_clears_what_a_failed_run_left()
    {
        _cluster.On(HttpMethod.Put, "_index_template/", (200, Acknowledged));
        _cluster.On(HttpMethod.Get, $"_alias/{Alias}", (404, """{"error":"alias [portal-payments] missing","status":404}"""));
        _cluster.On(HttpMethod.Put, Alias, (200, """{"acknowledged":true,"shards_acknowledged":true,"index":"portal-payments-20260615-020000000"}"""));
        _cluster.On(HttpMethod.Put, $"{Alias}/_create/", (201, """{"_index":"portal-payments-20260615-020000000","_id":"portal-sync-lock","_version":1,"result":"created","_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1}"""));
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync", (404, NotFoundDocument));
        _cluster.On(HttpMethod.Post, $"{Alias}/_delete_by_query", (200, ByQuery));
        _cluster.On(HttpMethod.Post, $"{Alias}/_update_by_query", (200, ByQuery));
        _cluster.On(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock", (200, """{"_index":"portal-payments-20260615-020000000","_id":"portal-sync-lock","_version":2,"result":"deleted","_seq_no":1,"_primary_term":1}"""));

        using (new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings)) { }

        var template = _cluster.Single(HttpMethod.Put, "_index_template/portal-payments");
        Assert.Equal(new PaymentIndexAdmin(Client(), _clock).Template().ToJsonString(), template.Json.ToJsonString());
        Assert.Equal("""{"aliases":{"portal-payments":{}}}""", _cluster.Single(HttpMethod.Put, "portal-payments-20260615-020000000").Body);
        var lockRequest = _cluster.Single(HttpMethod.Put, $"{Alias}/_create/portal-sync-lock?refresh=true").Json;
        Assert.Equal("lock", lockRequest["type"]!.GetValue<string>());
        Assert.Equal(("2026-06-15T02:00:00.0000000Z", "2026-06-15T02:05:00.0000000Z"),
            (lockRequest["acquiredAt"]!.GetValue<string>(), lockRequest["expiresAt"]!.GetValue<string>()));
        Assert.Equal("""{"query":{"bool":{"filter":[{"bool":{"should":[{"range":{"run":{"gt":0}}},{"range":{"until":{"lte":0}}}],"minimum_should_match":1}}]}}}""",
            _cluster.Single(HttpMethod.Post, $"{Alias}/_delete_by_query?refresh=true&conflicts=proceed").Body);
        var unmark = _cluster.Single(HttpMethod.Post, $"{Alias}/_update_by_query?refresh=true&conflicts=proceed").Json;
        Assert.Equal("""{"lang":"painless","source":"ctx._source.remove('until')","params":{}}""", unmark["script"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal($"{Alias}/_doc/portal-sync-lock?if_seq_no=0&if_primary_term=1&refresh=true", _cluster.Single(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock").Path);
        Assert.Empty(_cluster.All(HttpMethod.Put, $"{Alias}/_mapping"));
    }

    [Fact]
    public void A_corrected_partition_marks_the_old_documents_writes_the_new_run_and_the_commit_writes_the_state_document()
    {
        var village = SampleData.Regions.Find("410221101201")!;
        var dibao = SampleData.Funds.ByCode("rural-dibao")!;
        var payments = new[] { new ValidPayment(1, village, dibao, May, 600m, "owner-1", "张*明", 3, "杞县民政局", null) };
        WriterOnAnExistingIndex(State(4, "410221"));
        CommitAnswers("""
            {"took":1,"timed_out":false,"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[
              {"_index":"portal-payments-1","_id":"2-rollup-410221101201|rural-dibao|202605","_score":null,"_source":{"partition":"410221101201|rural-dibao|202605","hash":"an-older-hash"},"sort":["410221101201|rural-dibao|202605"]}]}}
            """);

        using (var store = new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings))
        {
            var replaced = store.Replace(payments);
            Assert.Equal([payments[0].Partition], replaced.Changed);
            store.Commit();
        }

        // A state document from before commit times were kept: every replaced document is old.
        Assert.Contains("""{"range":{"until":{"lte":4}}}""", _cluster.All(HttpMethod.Post, $"{Alias}/_delete_by_query")[0].Body);
        var hashes = _cluster.Single(HttpMethod.Post, $"{Alias}/_search").Json;
        Assert.Contains("""{"terms":{"partition":["410221101201|rural-dibao|202605"]}}""", hashes["query"]!["bool"]!["filter"]!.AsArray().Select(c => c!.ToJsonString()));
        Assert.Equal("""["partition","hash"]""", hashes["_source"]!.ToJsonString());
        Assert.Equal("""[{"partition":{"order":"asc"}}]""", hashes["sort"]!.ToJsonString());
        var mark = _cluster.All(HttpMethod.Post, $"{Alias}/_update_by_query")[1].Json;
        Assert.Equal("""{"lang":"painless","source":"ctx._source.until = params.run","params":{"run":5}}""", mark["script"]!.ToJsonString());
        // Documents a recent commit already replaced keep their mark: marking them again would show them to readers at that commit.
        Assert.Equal("""[{"terms":{"partition":["410221101201|rural-dibao|202605"]}},{"range":{"run":{"lte":4}}},{"bool":{"must_not":[{"exists":{"field":"until"}}]}}]""",
            mark["query"]!["bool"]!["filter"]!.ToJsonString());
        var lines = _cluster.Single(HttpMethod.Post, $"{Alias}/_bulk").Body!.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("5-", lines[0]!["index"]!["_id"]!.GetValue<string>());
        Assert.Equal((5L, 60000L, "410221101", "2026-05"), (lines[1]!["run"]!.GetValue<long>(), lines[1]!["amount"]!.GetValue<long>(), lines[1]!["r4"]!.GetValue<string>(), lines[1]!["period"]!.GetValue<string>()));
        Assert.Equal("5-rollup-410221101201|rural-dibao|202605", lines[2]!["index"]!["_id"]!.GetValue<string>());
        Assert.Equal(("rollup", 1L, 60000L), (lines[3]!["type"]!.GetValue<string>(), lines[3]!["count"]!.GetValue<long>(), lines[3]!["amount"]!.GetValue<long>()));
        var refresh = _cluster.Requests.FindIndex(r => r.Path.StartsWith($"{Alias}/_refresh", StringComparison.Ordinal));
        var commit = _cluster.Requests.FindIndex(r => r.Method == HttpMethod.Put && r.Path == $"{Alias}/_doc/portal-sync?refresh=true");
        Assert.True(refresh >= 0 && refresh < commit);
        Assert.Equal("""{"type":"sync","sequence":5,"counties":["410221"],"allRegions":false,"committedAt":"2026-06-15T02:00:00.0000000Z","commits":[]}""",
            _cluster.Requests[commit].Body);
        var renewal = _cluster.Requests.FindIndex(r => r.Path == $"{Alias}/_doc/portal-sync-lock?if_seq_no=11&if_primary_term=1&refresh=true");
        Assert.True(refresh < renewal && renewal < commit);
        Assert.Equal($"{Alias}/_doc/portal-sync-lock?if_seq_no=29&if_primary_term=1&refresh=true", _cluster.Single(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock").Path);
    }

    [Fact]
    public void A_withdrawal_marks_the_partitions_committed_documents_as_replaced_by_the_run_and_the_commit_names_its_county()
    {
        WriterOnAnExistingIndex(State(4, "410221"));
        CommitAnswers("""
            {"took":1,"timed_out":false,"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[
              {"_index":"portal-payments-1","_id":"2-rollup-410221101201|rural-dibao|202605","_score":null,"_source":{"partition":"410221101201|rural-dibao|202605","hash":"a-hash"},"sort":["410221101201|rural-dibao|202605"]}]}}
            """);

        using (var store = new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings))
        {
            Assert.True(store.Withdraw(new PartitionKey("410221101201", "rural-dibao", May)));
            store.Commit();
        }

        var asked = _cluster.Single(HttpMethod.Post, $"{Alias}/_search").Json;
        Assert.Contains("""{"terms":{"partition":["410221101201|rural-dibao|202605"]}}""", asked["query"]!["bool"]!["filter"]!.AsArray().Select(c => c!.ToJsonString()));
        var mark = _cluster.All(HttpMethod.Post, $"{Alias}/_update_by_query")[1];
        Assert.StartsWith($"{Alias}/_update_by_query?refresh=true&conflicts=proceed", mark.Path);
        Assert.Equal("""{"lang":"painless","source":"ctx._source.until = params.run","params":{"run":5}}""", mark.Json["script"]!.ToJsonString());
        Assert.Equal("""[{"term":{"partition":"410221101201|rural-dibao|202605"}},{"range":{"run":{"lte":4}}},{"bool":{"must_not":[{"exists":{"field":"until"}}]}}]""",
            mark.Json["query"]!["bool"]!["filter"]!.ToJsonString());
        Assert.Empty(_cluster.All(HttpMethod.Post, $"{Alias}/_bulk"));
        Assert.Equal("""{"type":"sync","sequence":5,"counties":["410221"],"allRegions":false,"committedAt":"2026-06-15T02:00:00.0000000Z","commits":[]}""",
            _cluster.Single(HttpMethod.Put, $"{Alias}/_doc/portal-sync?").Body);
    }

    [Fact]
    public void Withdrawing_a_partition_that_is_not_published_sends_no_write_and_commits_nothing()
    {
        WriterOnAnExistingIndex(State(4, "410221"));
        CommitAnswers("""{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");

        using (var store = new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings))
        {
            Assert.False(store.Withdraw(new PartitionKey("410221101201", "rural-dibao", May)));
            store.Commit();
        }

        Assert.Single(_cluster.All(HttpMethod.Post, $"{Alias}/_update_by_query")); // the writer's clean-up on opening only
        Assert.Empty(_cluster.All(HttpMethod.Put, $"{Alias}/_doc/portal-sync?"));
    }

    private void LockRoutes(string expiresAt)
    {
        _cluster.On(HttpMethod.Put, $"{Alias}/_create/", (409, """{"error":{"root_cause":[{"type":"version_conflict_engine_exception","reason":"[portal-sync-lock]: version conflict, document already exists (current version [3])","index_uuid":"UlI06z5_T4udCzy65Yq6Mg","shard":"0","index":"portal-payments-20260601-000000000"}],"type":"version_conflict_engine_exception","reason":"[portal-sync-lock]: version conflict, document already exists (current version [3])","index_uuid":"UlI06z5_T4udCzy65Yq6Mg","shard":"0","index":"portal-payments-20260601-000000000"},"status":409}"""));
        _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync-lock", (200, $$$"""
            {"_index":"portal-payments-20260601-000000000","_id":"portal-sync-lock","_version":3,"_seq_no":17,"_primary_term":2,"found":true,
             "_source":{"type":"lock","holder":"sync host-a pid 42","acquiredAt":"2026-06-15T01:40:00.0000000Z","expiresAt":"{{{expiresAt}}}"}}
            """));
    }

    [Fact]
    public void An_expired_lock_is_read_with_its_seq_no_and_primary_term_and_taken_over_by_a_write_conditional_on_them()
    {
        LockRoutes(expiresAt: "2026-06-15T01:59:59.0000000Z");
        _cluster.On(HttpMethod.Put, $"{Alias}/_doc/portal-sync-lock", (200, Written("portal-sync-lock", 18, "updated")));
        _cluster.On(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock", (200, """{"_index":"portal-payments-20260601-000000000","_id":"portal-sync-lock","_version":5,"result":"deleted","_seq_no":19,"_primary_term":2}"""));
        using var client = Client();

        using (new PaymentIndexAdmin(client, _clock).AcquireLock("sync host-b pid 7")) { }

        Assert.Equal($"{Alias}/_doc/portal-sync-lock", _cluster.Single(HttpMethod.Get, $"{Alias}/_doc/portal-sync-lock").Path);
        var takeover = _cluster.Single(HttpMethod.Put, $"{Alias}/_doc/portal-sync-lock");
        Assert.Equal($"{Alias}/_doc/portal-sync-lock?if_seq_no=17&if_primary_term=2&refresh=true", takeover.Path);
        var body = takeover.Json;
        Assert.Equal(["type", "holder", "token", "acquiredAt", "expiresAt"], body.Select(p => p.Key));
        Assert.Equal(("lock", "sync host-b pid 7", "2026-06-15T02:00:00.0000000Z", "2026-06-15T02:05:00.0000000Z"),
            (body["type"]!.GetValue<string>(), body["holder"]!.GetValue<string>(), body["acquiredAt"]!.GetValue<string>(), body["expiresAt"]!.GetValue<string>()));
        Assert.Matches("^[0-9a-f]{32}$", body["token"]!.GetValue<string>());
        // Released only if still the version this writer wrote (the takeover answered seq_no 18, primary term 1).
        Assert.Equal($"{Alias}/_doc/portal-sync-lock?if_seq_no=18&if_primary_term=1&refresh=true", _cluster.Single(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock").Path);
    }

    [Fact]
    public void A_renewal_retried_after_its_answer_was_lost_finds_its_own_write_and_keeps_the_lock()
    {
        _cluster.On(HttpMethod.Put, $"{Alias}/_create/", (201, Written("portal-sync-lock", 5)));
        _cluster.On(HttpMethod.Put, $"{Alias}/_doc/portal-sync-lock",
            (503, """{"error":{"type":"unavailable_shards_exception","reason":"primary shard is not active"},"status":503}"""),
            (409, """{"error":{"type":"version_conflict_engine_exception","reason":"[portal-sync-lock]: version conflict, required seqNo [5], primary term [1]. current document has seqNo [6] and primary term [1]"},"status":409}"""));
        const string Renewed = """
            {"_index":"portal-payments-20260601-000000000","_id":"portal-sync-lock","_version":2,"_seq_no":6,"_primary_term":1,"found":true,
             "_source":{"type":"lock","holder":"sync host-b pid 7","token":"TOKEN","acquiredAt":"2026-06-15T02:00:00.0000000Z","expiresAt":"2026-06-15T02:07:00.0000000Z"}}
            """;
        _cluster.On(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock", (200, """{"result":"deleted"}"""));
        using var client = Client();

        using (var held = new PaymentIndexAdmin(client, _clock).AcquireLock("sync host-b pid 7"))
        {
            // The renewal landed (with this writer's token) before its answer was lost.
            var token = _cluster.Single(HttpMethod.Put, $"{Alias}/_create/").Json["token"]!.GetValue<string>();
            _cluster.On(HttpMethod.Get, $"{Alias}/_doc/portal-sync-lock", (200, Renewed.Replace("TOKEN", token, StringComparison.Ordinal)));
            _clock.Advance(TimeSpan.FromMinutes(2));
            held.Renew();
        }

        Assert.Equal(2, _cluster.All(HttpMethod.Put, $"{Alias}/_doc/portal-sync-lock?if_seq_no=5&if_primary_term=1").Count);
        Assert.Equal($"{Alias}/_doc/portal-sync-lock?if_seq_no=6&if_primary_term=1&refresh=true", _cluster.Single(HttpMethod.Delete, $"{Alias}/_doc/portal-sync-lock").Path);
    }

    [Fact]
    public void A_lock_whose_lease_still_runs_is_refused_naming_its_holder_and_expiry_and_nothing_is_written()
    {
        LockRoutes(expiresAt: "2026-06-15T02:03:00.0000000Z");
        using var client = Client();

        var refused = Assert.Throws<ExportFileException>(() => new PaymentIndexAdmin(client, _clock).AcquireLock("sync host-b pid 7"));

        Assert.Contains("sync host-a pid 42，2026-06-15 01:40:00 UTC 取得，租约到 2026-06-15 02:03:00 UTC", refused.Message);
        Assert.Contains("es unlock", refused.Message);
        Assert.Empty(_cluster.All(HttpMethod.Put, $"{Alias}/_doc/"));
    }

    [Fact]
    public void A_writer_deletes_only_documents_replaced_by_commits_older_than_the_retention()
    {
        // Run 5 committed 10 s ago, run 4 30 s ago, run 3 five minutes ago: with a minute's retention, what 4 and 5 replaced stays.
        WriterOnAnExistingIndex("""
            {"_index":"portal-payments-20260601-000000000","_id":"portal-sync","_version":9,"_seq_no":10,"_primary_term":1,"found":true,
             "_source":{"type":"sync","sequence":5,"counties":["410221"],"allRegions":false,"committedAt":"2026-06-15T01:59:50.0000000Z",
                        "commits":[{"sequence":3,"committedAt":"2026-06-15T01:55:00.0000000Z"},{"sequence":4,"committedAt":"2026-06-15T01:59:30.0000000Z"}]}}
            """);

        using (new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings)) { }

        Assert.Equal("""{"query":{"bool":{"filter":[{"bool":{"should":[{"range":{"run":{"gt":5}}},{"range":{"until":{"lte":3}}}],"minimum_should_match":1}}]}}}""",
            _cluster.Single(HttpMethod.Post, $"{Alias}/_delete_by_query").Body);
        // An index made with an earlier template learns the fields added since.
        var mapping = _cluster.Single(HttpMethod.Put, $"{Alias}/_mapping").Json;
        Assert.Equal(["properties"], mapping.Select(p => p.Key));
        Assert.Equal("""{"type":"date"}""", mapping["properties"]!["expiresAt"]!.ToJsonString());
        Assert.Equal("""{"type":"object","enabled":false}""", mapping["properties"]!["commits"]!.ToJsonString());
    }

    [Fact]
    public void The_commit_keeps_the_last_hours_commit_times_in_the_state_document()
    {
        var village = SampleData.Regions.Find("410221101201")!;
        var payments = new[] { new ValidPayment(1, village, SampleData.Funds.ByCode("rural-dibao")!, May, 600m, "owner-1", "张*明", 3, "杞县民政局", null) };
        WriterOnAnExistingIndex("""
            {"_index":"portal-payments-20260601-000000000","_id":"portal-sync","_seq_no":10,"_primary_term":1,"found":true,
             "_source":{"type":"sync","sequence":5,"counties":["410221"],"allRegions":false,"committedAt":"2026-06-15T01:59:50.0000000Z",
                        "commits":[{"sequence":3,"committedAt":"2026-06-15T00:59:00.0000000Z"},{"sequence":4,"committedAt":"2026-06-15T01:30:00.0000000Z"}]}}
            """);
        CommitAnswers("""{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");

        using (var store = new ElasticsearchPartitionStore(Client(), SampleData.Regions, _clock, Settings))
        {
            store.Replace(payments);
            store.Commit();
        }

        // Run 3 is more than an hour old and leaves the history; 4 and 5 stay, 6 is this commit.
        var state = _cluster.Single(HttpMethod.Put, $"{Alias}/_doc/portal-sync?").Json;
        Assert.Equal((6L, "2026-06-15T02:00:00.0000000Z"), (state["sequence"]!.GetValue<long>(), state["committedAt"]!.GetValue<string>()));
        Assert.Equal("""[{"sequence":4,"committedAt":"2026-06-15T01:30:00.0000000Z"},{"sequence":5,"committedAt":"2026-06-15T01:59:50.0000000Z"}]""", state["commits"]!.ToJsonString());
    }

    [Fact]
    public void A_reindex_copies_what_readers_see_into_a_new_index_and_swaps_the_alias_in_one_aliases_call()
    {
        _cluster.On(HttpMethod.Get, $"_alias/{Alias}", (200, """{"portal-payments-20260601-000000000":{"aliases":{"portal-payments":{}}}}"""));
        _cluster.On(HttpMethod.Put, $"{Alias}/_mapping", (200, Acknowledged));
        _cluster.On(HttpMethod.Put, "portal-payments-20260601-000000000/_create/", (201, Written("portal-sync-lock", 40)));
        _cluster.On(HttpMethod.Put, "portal-payments-20260601-000000000/_doc/portal-sync-lock", (200, Written("portal-sync-lock", 41, "updated")));
        _cluster.On(HttpMethod.Put, "_index_template/", (200, Acknowledged));
        _cluster.On(HttpMethod.Get, "portal-payments-20260601-000000000/_doc/portal-sync", (200, State(9, "410221")));
        _cluster.On(HttpMethod.Put, "portal-payments-20260615-020000000", (200, """{"acknowledged":true,"shards_acknowledged":true,"index":"portal-payments-20260615-020000000"}"""));
        _cluster.On(HttpMethod.Put, "portal-payments-20260615-020000000/_doc/portal-sync", (201, """{"result":"created"}"""));
        _cluster.On(HttpMethod.Post, "_reindex", (200, """{"task":"oTUltX4IQMOUUVeiohTt8A:12345"}"""));
        _cluster.On(HttpMethod.Get, "_tasks/oTUltX4IQMOUUVeiohTt8A:12345",
            (200, """{"completed":false,"task":{"node":"oTUltX4IQMOUUVeiohTt8A","id":12345,"type":"transport","action":"indices:data/write/reindex","status":{"total":6154,"updated":0,"created":3500,"deleted":0,"batches":4,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0},"description":"reindex from [portal-payments-20260601-000000000] to [portal-payments-20260615-020000000]","start_time_in_millis":1781488800000,"running_time_in_nanos":1000000,"cancellable":true}}"""),
            (200, """{"completed":true,"task":{"node":"oTUltX4IQMOUUVeiohTt8A","id":12345,"action":"indices:data/write/reindex","status":{"total":6154,"created":6154}},"response":{"took":1800,"timed_out":false,"total":6154,"updated":0,"created":6154,"deleted":0,"batches":7,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled":"0s","throttled_millis":0,"requests_per_second":-1.0,"throttled_until":"0s","throttled_until_millis":0,"failures":[]}}"""));
        _cluster.On(HttpMethod.Post, "_aliases", (200, Acknowledged));
        _cluster.On(HttpMethod.Delete, "portal-payments-20260601-000000000/_doc/portal-sync-lock", (200, """{"result":"deleted"}"""));
        using var client = Client();

        var result = new PaymentIndexAdmin(client, _clock, _waits.Add).Reindex();

        Assert.Equal(new ReindexResult("portal-payments-20260601-000000000", "portal-payments-20260615-020000000", 6154), result);
        var reindex = _cluster.Single(HttpMethod.Post, "_reindex?wait_for_completion=false&refresh=true").Json;
        Assert.Equal("portal-payments-20260601-000000000", reindex["source"]!["index"]!.GetValue<string>());
        Assert.Equal("""{"index":"portal-payments-20260615-020000000","op_type":"create"}""", reindex["dest"]!.ToJsonString());
        Assert.Equal(2, reindex["source"]!["query"]!["bool"]!["should"]!.AsArray().Count);
        Assert.Contains("""{"range":{"run":{"lte":9}}}""", reindex["source"]!["query"]!.ToJsonString());
        Assert.Equal([TimeSpan.FromSeconds(2)], _waits);
        Assert.Equal("""{"type":"sync","sequence":10,"counties":[],"allRegions":true,"committedAt":"2026-06-15T02:00:00.0000000Z","commits":[]}""",
            _cluster.Single(HttpMethod.Put, "portal-payments-20260615-020000000/_doc/portal-sync").Body);
        var renewal = _cluster.Requests.FindIndex(r => r.Path == "portal-payments-20260601-000000000/_doc/portal-sync-lock?if_seq_no=40&if_primary_term=1&refresh=true");
        Assert.True(renewal >= 0 && renewal < _cluster.Requests.FindIndex(r => r.Path == "_aliases"));
        Assert.Equal("portal-payments-20260601-000000000/_doc/portal-sync-lock?if_seq_no=41&if_primary_term=1&refresh=true",
            _cluster.Single(HttpMethod.Delete, "portal-payments-20260601-000000000/_doc/portal-sync-lock").Path);
        Assert.Equal("""{"actions":[{"remove":{"index":"portal-payments-20260601-000000000","alias":"portal-payments"}},{"add":{"index":"portal-payments-20260615-020000000","alias":"portal-payments","is_write_index":true}}]}""",
            _cluster.Single(HttpMethod.Post, "_aliases").Body);
        var swap = _cluster.Requests.FindIndex(r => r.Path == "_aliases");
        Assert.True(swap > _cluster.Requests.FindIndex(r => r.Path.StartsWith("portal-payments-20260615-020000000/_doc/portal-sync", StringComparison.Ordinal)));
        Assert.Empty(_cluster.All(HttpMethod.Delete, "portal-payments-20260601-000000000?"));
    }

    [Fact]
    public void The_template_the_code_installs_is_the_file_in_deploy_and_uses_only_typeless_mappings_and_built_in_analysis()
    {
        using var client = Client();
        var installed = new PaymentIndexAdmin(client, _clock).Template();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "elasticsearch", "index-template.json")))!;

        Assert.Equal(file.ToJsonString(), installed.ToJsonString());
        var template = installed["template"]!;
        var mappings = template["mappings"]!.AsObject();
        Assert.Equal(["dynamic", "properties"], mappings.Select(p => p.Key));
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var fields = mappings["properties"]!.AsObject();
        foreach (var code in new[] { "r1", "r2", "r3", "r4", "r5", "fund", "period", "partition", "owner", "id", "type" })
            Assert.Equal("keyword", fields[code]!["type"]!.GetValue<string>());
        Assert.Equal("long", fields["amount"]!["type"]!.GetValue<string>());
        Assert.Equal("date", fields["paidOn"]!["type"]!.GetValue<string>());
        Assert.Equal("portal_cjk", fields["place"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("portal_cjk", fields["name"]!["fields"]!["text"]!["analyzer"]!.GetValue<string>());
        var analyzer = template["settings"]!["analysis"]!["analyzer"]!["portal_cjk"]!;
        Assert.Equal("standard", analyzer["tokenizer"]!.GetValue<string>());
        Assert.Equal(["cjk_width", "lowercase", "cjk_bigram"], analyzer["filter"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["portal-payments-*"], installed["index_patterns"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public void The_template_follows_a_renamed_alias()
    {
        using var client = Client(o => o.Alias = "county-a-payments");
        Assert.Equal("""["county-a-payments-*"]""", new PaymentIndexAdmin(client, _clock).Template()["index_patterns"]!.ToJsonString());
    }

    [Fact]
    public void The_ca_certificate_is_read_from_a_pem_or_a_der_file()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = new CertificateRequest("CN=Portal Test CA", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var dir = Directory.CreateTempSubdirectory("portal-ca-");
        try
        {
            var pem = Path.Combine(dir.FullName, "ca.crt");
            var der = Path.Combine(dir.FullName, "ca.der");
            File.WriteAllText(pem, ca.ExportCertificatePem());
            File.WriteAllBytes(der, ca.Export(X509ContentType.Cert));

            Assert.Equal(ca.Thumbprint, ElasticsearchClient.LoadCertificate(pem).Thumbprint);
            Assert.Equal(ca.Thumbprint, ElasticsearchClient.LoadCertificate(der).Thumbprint);
        }
        finally { dir.Delete(recursive: true); }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class ChangeComparer : IEqualityComparer<IndexChange?>
    {
        public bool Equals(IndexChange? x, IndexChange? y) => x is not null && y is not null && x.AllRegions == y.AllRegions && x.CountyCodes.SequenceEqual(y.CountyCodes);
        public int GetHashCode(IndexChange? obj) => 0;
    }
}
