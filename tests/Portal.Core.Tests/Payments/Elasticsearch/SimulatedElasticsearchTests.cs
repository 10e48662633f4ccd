using Portal.Core.Payments.Elasticsearch;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The Elasticsearch behaviours against <see cref="SimulatedCluster"/> (an in-memory simulation of the documented API,
/// not a cluster): it proves the run/visibility logic, the window rule, paging and aggregation handling give the embedded
/// index's answers. Against a real cluster: <see cref="ElasticsearchPaymentIndexTests"/>.
/// </summary>
public sealed class SimulatedElasticsearchTests : ElasticsearchIndexBehaviour
{
    private static readonly ElasticsearchOptions Options = new() { Url = "http://simulated:9200", BulkBatchSize = 100 };
    private readonly SimulatedCluster _cluster = new();

    protected override ElasticsearchClient NewClient() => new(Options, _cluster);
}
