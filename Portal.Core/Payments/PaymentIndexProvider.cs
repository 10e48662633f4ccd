using Microsoft.Extensions.Configuration;
using Portal.Core.Funds;
using Portal.Core.Payments.Elasticsearch;
using Portal.Core.Payments.Lucene;
using Portal.Core.Regions;

namespace Portal.Core.Payments;

/// <summary><c>Portal:Payments:Index</c>: which engine holds the payment index.</summary>
public sealed class PaymentIndexOptions
{
    public const string Section = "Portal:Payments:Index";
    public const string Lucene = "lucene";
    public const string Elasticsearch = "elasticsearch";

    /// <summary><c>lucene</c> (embedded, in the data folder) or <c>elasticsearch</c> (a cluster, see <see cref="ElasticsearchOptions"/>).</summary>
    public string Provider { get; set; } = Lucene;
}

/// <summary>Opens the index the sites read and the store the indexer writes, on the engine the configuration names: one place for both.</summary>
public sealed record PaymentIndexProvider(string Provider, string LuceneDirectory, ElasticsearchOptions Elasticsearch)
{
    public bool IsElasticsearch => Provider.Equals(PaymentIndexOptions.Elasticsearch, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the index is, for people: the folder, or the cluster and alias.</summary>
    public string Location => IsElasticsearch ? $"{Elasticsearch.Url} alias {Elasticsearch.Alias}" : LuceneDirectory;

    public static PaymentIndexProvider From(IConfiguration configuration, PortalOptions portal) => Create(
        configuration.GetSection(PaymentIndexOptions.Section).Get<PaymentIndexOptions>() ?? new PaymentIndexOptions(),
        configuration.GetSection(ElasticsearchOptions.Section).Get<ElasticsearchOptions>() ?? new ElasticsearchOptions(),
        portal.PaymentIndexDirectory);

    public static PaymentIndexProvider Create(PaymentIndexOptions index, ElasticsearchOptions elasticsearch, string luceneDirectory)
    {
        var provider = index.Provider.Trim().ToLowerInvariant();
        if (provider is not (PaymentIndexOptions.Lucene or PaymentIndexOptions.Elasticsearch))
            throw new InvalidOperationException($"{PaymentIndexOptions.Section}:Provider 只能是 lucene 或 elasticsearch，现在是“{index.Provider}”。");
        return new PaymentIndexProvider(provider, luceneDirectory, elasticsearch);
    }

    /// <summary>The same engine elsewhere: another Lucene folder and another Elasticsearch alias (for a benchmark that must not touch the live index).</summary>
    public PaymentIndexProvider Elsewhere(string luceneDirectory, string aliasSuffix) =>
        this with { LuceneDirectory = luceneDirectory, Elasticsearch = CopyOf(Elasticsearch, Elasticsearch.Alias + aliasSuffix) };

    public IPartitionStore OpenStore(RegionCatalog regions, TimeProvider clock) => IsElasticsearch
        ? new ElasticsearchPartitionStore(new ElasticsearchClient(Elasticsearch), regions, clock, Elasticsearch)
        : new LucenePaymentWriter(LuceneDirectory, regions);

    /// <summary>The caller owns (and disposes) what this returns.</summary>
    public IPaymentIndex OpenIndex(FundCatalog funds, TimeProvider clock) => IsElasticsearch
        ? new ElasticsearchPaymentIndex(new ElasticsearchClient(Elasticsearch, attempts: ElasticsearchClient.ReaderAttempts), funds, clock)
        : new LucenePaymentIndex(LuceneDirectory, funds, clock);

    private static ElasticsearchOptions CopyOf(ElasticsearchOptions o, string alias) => new()
    {
        Url = o.Url, ApiKey = o.ApiKey, Username = o.Username, Password = o.Password, CaCertificatePath = o.CaCertificatePath,
        Alias = alias, Timeout = o.Timeout, BulkBatchSize = o.BulkBatchSize, LockLease = o.LockLease, ReplacedRetention = o.ReplacedRetention,
    };
}
