using Portal.Core.Payments.Elasticsearch;

namespace Portal.Tests;

/// <summary>
/// An Elasticsearch cluster (8.x or 9.x) for the tests that need one, named by <c>PORTAL_TEST_ELASTICSEARCH_URL</c>
/// (with <c>PORTAL_TEST_ELASTICSEARCH_API_KEY</c> if it asks for one). No Debian or npm package serves Elasticsearch,
/// so neither ./test.sh nor CI starts one: unlike PostgreSQL and Azurite, a missing cluster skips even under CI=true.
/// </summary>
public static class ElasticsearchServer
{
    public const string UrlVariable = "PORTAL_TEST_ELASTICSEARCH_URL";
    public const string ApiKeyVariable = "PORTAL_TEST_ELASTICSEARCH_API_KEY";

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    /// <summary>Options for a cluster-backed test, with an alias of its own so tests never see each other's documents.</summary>
    public static ElasticsearchOptions Options(string alias) => new()
    {
        Url = Url ?? throw new InvalidOperationException($"{UrlVariable} is not set: this test needs an Elasticsearch cluster."),
        ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "",
        Alias = alias,
        BulkBatchSize = 500,
    };

    internal static string? SkipReason => Url is null
        ? $"ELASTICSEARCH TESTS NOT RUN: {UrlVariable} is not set. Point it at an Elasticsearch 8.x/9.x cluster (e.g. http://127.0.0.1:9200) to run them. " +
          "Neither ./test.sh nor CI can start one here (no package serves Elasticsearch), so they skip under CI=true too; the wire-format tests still run."
        : null;
}

/// <summary>A test that needs an Elasticsearch cluster: skipped, with the reason in the report, when <c>PORTAL_TEST_ELASTICSEARCH_URL</c> is not set (CI included).</summary>
public sealed class ElasticsearchFactAttribute : FactAttribute
{
    public ElasticsearchFactAttribute() => Skip = ElasticsearchServer.SkipReason;
}
