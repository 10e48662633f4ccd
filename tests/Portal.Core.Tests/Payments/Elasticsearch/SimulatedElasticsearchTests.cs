using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The payment index behaviours through the real Elasticsearch index and writer, against <see cref="SimulatedCluster"/>
/// (an in-memory simulation of the documented API, not a cluster): it proves the run/visibility logic, the window rule,
/// paging and aggregation handling give the embedded index's answers. A real cluster: <see cref="ElasticsearchPaymentIndexTests"/>.
/// </summary>
public sealed class SimulatedElasticsearchTests : PaymentIndexBehaviour
{
    private readonly SimulatedCluster _cluster = new();
    private static readonly ElasticsearchOptions Options = new() { Url = "http://simulated:9200", BulkBatchSize = 100 };

    protected override IPartitionStore OpenStore() => new ElasticsearchPartitionStore(new ElasticsearchClient(Options, _cluster), SampleData.Regions, TimeProvider.System);

    protected override IPaymentIndex OpenIndex(TimeProvider clock) => new ElasticsearchPaymentIndex(new ElasticsearchClient(Options, _cluster), SampleData.Funds, clock);

    [Fact]
    public void A_full_reindex_moves_the_alias_keeps_the_old_index_and_changes_no_answer()
    {
        var data = new SampleData(OpenStore);
        try
        {
            data.AddCounty(people: 40, months: 2);
            using var index = OpenIndex(TimeProvider.System);
            var before = index.Summarize("410221", null, null, SummaryGrouping.ChildRegion);
            using var client = new ElasticsearchClient(Options, _cluster);
            var admin = new PaymentIndexAdmin(client, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)));

            var result = admin.Reindex();

            Assert.Equal([result.NewIndex], admin.AliasedIndices());
            Assert.Contains(admin.Status().Indices, i => i.Name == result.OldIndex && !i.Aliased);
            Assert.True(index.Refresh()?.AllRegions);
            Assert.Equal(before, index.Summarize("410221", null, null, SummaryGrouping.ChildRegion));
            Assert.Equal(data.Rows.Count, index.Search(new PaymentQuery { RegionCode = "410221" }).TotalCount);
        }
        finally { data.Dispose(); }
    }

    [Fact]
    public void A_second_writer_is_refused_while_the_first_runs_and_welcome_after()
    {
        using (OpenStore())
        {
            var refused = Assert.Throws<Portal.Core.Ingest.ExportFileException>(OpenStore);
            Assert.Contains("es unlock", refused.Message);
        }
        using var next = OpenStore();
    }
}
