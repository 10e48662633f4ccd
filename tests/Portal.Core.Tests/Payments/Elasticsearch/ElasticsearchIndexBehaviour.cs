using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The payment index behaviours through the Elasticsearch index and writer, plus what only that engine does (a full
/// reindex with an alias swap, one writer at a time). Run against a simulation always and a real cluster when there is one.
/// </summary>
public abstract class ElasticsearchIndexBehaviour : PaymentIndexBehaviour
{
    /// <summary>A client of this test's cluster and alias.</summary>
    protected abstract ElasticsearchClient NewClient();

    protected override IPartitionStore OpenStore() => new ElasticsearchPartitionStore(NewClient(), SampleData.Regions, TimeProvider.System);

    protected override IPaymentIndex OpenIndex(TimeProvider clock) => new ElasticsearchPaymentIndex(NewClient(), SampleData.Funds, clock);

    [Fact]
    public virtual async Task A_full_reindex_moves_the_alias_keeps_the_old_index_and_changes_no_answer()
    {
        using var data = new SampleData(OpenStore);
        data.AddCounty(people: 40, months: 2);
        using var index = OpenIndex(TimeProvider.System);
        var before = await index.SummarizeAsync("410221", null, null, SummaryGrouping.ChildRegion);
        using var client = NewClient();
        // A minute on, so the new index's name (its creation time) differs from the first one's.
        var admin = new PaymentIndexAdmin(client, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1)));

        var result = admin.Reindex();

        Assert.Equal([result.NewIndex], admin.AliasedIndices());
        Assert.Contains(admin.Status().Indices, i => i.Name == result.OldIndex && !i.Aliased);
        Assert.True((await index.RefreshAsync())?.AllRegions);
        Assert.Equal(before, await index.SummarizeAsync("410221", null, null, SummaryGrouping.ChildRegion));
        Assert.Equal(data.Rows.Count, (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).TotalCount);
    }

    [Fact]
    public virtual void A_second_writer_is_refused_while_the_first_runs_and_welcome_after()
    {
        using (OpenStore())
        {
            var refused = Assert.Throws<Portal.Core.Ingest.ExportFileException>(OpenStore);
            Assert.Contains("es unlock", refused.Message);
        }
        using var next = OpenStore();
    }
}
