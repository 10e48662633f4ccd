namespace Portal.Core.Payments.Elasticsearch;

/// <summary>Where the payment index lives when <c>Portal:Payments:Index:Provider</c> is <c>elasticsearch</c>.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Portal:Elasticsearch";

    /// <summary>The cluster's base address, e.g. https://es.internal:9200.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9200";

    /// <summary>The encoded API key (the <c>encoded</c> value Elasticsearch returns); takes precedence over user and password.</summary>
    public string ApiKey { get; set; } = "";

    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>PEM or DER file of the CA that signed the cluster's certificate; the chain is validated against it alone.</summary>
    public string CaCertificatePath { get; set; } = "";

    /// <summary>The alias readers and writers use; the indices behind it are named <c>{Alias}-{timestamp}</c>.</summary>
    public string Alias { get; set; } = "portal-payments";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Documents per <c>_bulk</c> request.</summary>
    public int BulkBatchSize { get; set; } = 1000;

    /// <summary>How long the writers' lock holds without renewal: a killed writer's lock is taken over this long after its last renewal.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long documents a commit replaced are kept for readers that have not re-read the state since (they do every 2 s).
    /// At most an hour counts: the state document keeps commit times that long.
    /// </summary>
    public TimeSpan ReplacedRetention { get; set; } = TimeSpan.FromMinutes(1);
}
