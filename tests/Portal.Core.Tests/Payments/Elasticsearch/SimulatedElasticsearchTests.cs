using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Ingest;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The Elasticsearch behaviours against <see cref="SimulatedCluster"/> (an in-memory simulation of the documented API,
/// not a cluster): it proves the run/visibility logic, the window rule, paging and aggregation handling give the embedded
/// index's answers. Against a real cluster: <see cref="ElasticsearchPaymentIndexTests"/>. Below, what only the simulation
/// can stage: two writers interleaved request by request, a reindex task that runs for minutes, an index from an older template.
/// </summary>
public sealed class SimulatedElasticsearchTests : ElasticsearchIndexBehaviour
{
    private static readonly ElasticsearchOptions Options = new() { Url = "http://simulated:9200", BulkBatchSize = 100 };
    private readonly SimulatedCluster _cluster = new();

    protected override ElasticsearchClient NewClient() => new(Options, _cluster);

    [Fact]
    public void Of_two_writers_taking_over_the_same_expired_lock_exactly_one_wins()
    {
        var start = DateTimeOffset.UtcNow;
        using var killed = NewClient();
        new PaymentIndexAdmin(killed, new FakeTimeProvider(start)).EnsureIndex();
        var abandoned = new PaymentIndexAdmin(killed, new FakeTimeProvider(start)).AcquireLock("killed");
        var later = new FakeTimeProvider(start + Settings.LockLease + TimeSpan.FromSeconds(1));
        using var client = NewClient();
        WriterLock? rival = null;
        // Both have read the expired lock; the rival's takeover lands just before this writer's.
        _cluster.BeforeEachRequest = request =>
        {
            if (rival is not null || request.Method != HttpMethod.Put || !request.RequestUri!.Query.Contains("if_seq_no", StringComparison.Ordinal)) return;
            _cluster.BeforeEachRequest = null;
            rival = new PaymentIndexAdmin(client, later).AcquireLock("rival");
        };

        var refused = Assert.Throws<ExportFileException>(() => new PaymentIndexAdmin(client, later).AcquireLock("writer"));

        Assert.NotNull(rival);
        Assert.Contains("rival", refused.Message);
        Assert.Equal("rival", new PaymentIndexAdmin(client, later).Status().Lock!.Holder);
        rival.Dispose();
        abandoned.Dispose();
        Assert.Null(new PaymentIndexAdmin(client, later).Status().Lock);
    }

    [Fact]
    public void A_reindex_that_runs_longer_than_the_lease_renews_it_so_no_sync_takes_over()
    {
        using var data = new SampleData(OpenStore);
        data.AddCounty(people: 10, months: 1);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var refusals = new List<ExportFileException>();
        _cluster.ReindexPolls = 8;
        void Poll(TimeSpan wait)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            try { using (OpenStore(clock)) { } }
            catch (ExportFileException e) { refusals.Add(e); }
        }
        using var client = NewClient();

        var result = new PaymentIndexAdmin(client, clock, Poll, Settings.LockLease).Reindex();

        Assert.Equal(7, refusals.Count);
        Assert.All(refusals, r => Assert.Contains("reindex", r.Message));
        Assert.Equal([result.NewIndex], new PaymentIndexAdmin(client, clock).AliasedIndices());
    }

    [Fact]
    public void Status_shows_who_holds_the_lock_until_when_and_whether_it_has_expired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero));
        using var client = NewClient();
        var admin = new PaymentIndexAdmin(client, clock);
        admin.EnsureIndex();
        // Held by a writer that was killed: its clock, and so its renewals, stand still.
        using var held = new PaymentIndexAdmin(client, new FakeTimeProvider(clock.Start), lockLease: TimeSpan.FromMinutes(5)).AcquireLock("sync host-a pid 42");

        var status = admin.Status();
        clock.Advance(TimeSpan.FromMinutes(6));
        var later = admin.Status();

        Assert.Equal(new LockLease("sync host-a pid 42", clock.Start, clock.Start.AddMinutes(5)), status.Lock);
        Assert.Equal((false, true), (status.LockExpired, later.LockExpired));
        Assert.Equal("sync host-a pid 42，2026-06-15 02:00:00 UTC 取得，租约到 2026-06-15 02:05:00 UTC", status.Lock!.ToString());
    }

    [Fact]
    public async Task A_writer_on_an_index_made_with_an_earlier_template_adds_the_new_fields_to_its_mapping()
    {
        using var client = NewClient();
        var admin = new PaymentIndexAdmin(client, TimeProvider.System);
        var older = admin.Template();
        foreach (var added in new[] { "token", "expiresAt", "committedAt", "commits" }) older["template"]!["mappings"]!["properties"]!.AsObject().Remove(added);
        client.Send(HttpMethod.Put, $"_index_template/{client.Alias}", older);
        client.Send(HttpMethod.Put, $"{client.Alias}-old", new JsonObject { ["aliases"] = new JsonObject { [client.Alias] = new JsonObject() } });

        using (var store = OpenStore(TimeProvider.System))
        {
            store.Replace([new ValidPayment(1, SampleData.Regions.Find("410221101201")!, SampleData.Funds.ByCode("rural-dibao")!,
                Portal.Core.Payments.Period.Of(Today.GetUtcNow()), 600m, "owner-1", "张*明", 3, "杞县民政局", null)]);
            store.Commit();
        }

        using var index = OpenIndex(Today);
        Assert.Equal(1, (await index.SearchAsync(new Portal.Core.Payments.PaymentQuery { RegionCode = "410221101201" })).TotalCount);
    }
}
