using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Core.Payments.Lucene;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>Portal:Payments:Index:Provider picks the engine for the sites and the indexer alike.</summary>
public class PaymentIndexProviderTests
{
    private static IPaymentIndex Resolve(SampleData data, Dictionary<string, string?> settings)
    {
        settings["Portal:DataDirectory"] = data.DataDirectory;
        settings["Portal:ContentDirectory"] = Path.Combine(AppContext.BaseDirectory, "content");
        settings["Portal:Lookup:HmacKey"] = SampleData.HmacKey;
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging().AddPortalCore().AddPaymentIndex()
            .BuildServiceProvider();
        return services.GetRequiredService<IPaymentIndex>();
    }

    [Fact]
    public void The_sites_read_the_embedded_index_unless_told_otherwise()
    {
        using var data = new SampleData();
        using var index = Resolve(data, []);
        Assert.IsType<LucenePaymentIndex>(index);
    }

    [Fact]
    public async Task With_the_elasticsearch_provider_the_sites_read_the_cluster_and_start_even_while_it_is_down()
    {
        using var data = new SampleData();
        using var index = Resolve(data, new() { ["Portal:Payments:Index:Provider"] = "Elasticsearch", ["Portal:Elasticsearch:Url"] = "http://127.0.0.1:1" });
        Assert.IsType<ElasticsearchPaymentIndex>(index);
        Assert.Equal(0, (await index.SearchAsync(new PaymentQuery())).TotalCount);
        // The refresher's look fails (and is logged) until the cluster is back.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => index.RefreshAsync());
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_choices()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            PaymentIndexProvider.Create(new PaymentIndexOptions { Provider = "solr" }, new ElasticsearchOptions(), "/tmp/x"));
        Assert.Contains("lucene 或 elasticsearch", e.Message);
    }

    [Fact]
    public void A_benchmark_engine_never_shares_the_live_folder_or_alias()
    {
        var live = PaymentIndexProvider.Create(new PaymentIndexOptions { Provider = "elasticsearch" }, new ElasticsearchOptions { ApiKey = "k" }, "/data/payments-index");
        var bench = live.Elsewhere("/tmp/bench/payments-index", "-bench-1");
        Assert.Equal(("portal-payments-bench-1", "k", "/tmp/bench/payments-index"), (bench.Elasticsearch.Alias, bench.Elasticsearch.ApiKey, bench.LuceneDirectory));
        Assert.Equal("portal-payments", live.Elasticsearch.Alias);
    }
}
