using System.Text.Json.Nodes;
using Portal.Core.Funds;
using Portal.Core.Regions;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>The query clauses every read shares: which run is visible, and each fund's publication window.</summary>
internal static class IndexQueries
{
    /// <summary>
    /// Documents of one type that the committed run <paramref name="sequence"/> publishes: written by it or an earlier
    /// run, and not replaced by a run up to it. Runs after it are invisible until the state document names them.
    /// </summary>
    public static JsonObject Visible(string type, long sequence, params JsonNode?[] conditions) => new()
    {
        ["bool"] = new JsonObject
        {
            ["filter"] = new JsonArray([Term("type", type), Range("run", "lte", sequence), .. conditions.Where(c => c is not null)]),
            ["must_not"] = new JsonArray(Range("until", "lte", sequence)),
        },
    };

    /// <summary>
    /// Visible documents inside their fund's publication window: payments past it leave every answer without a manual
    /// step. A fund not in the catalogue has no window, so it matches nothing.
    /// </summary>
    public static JsonObject Published(string type, long sequence, FundCatalog funds, string? fundCode, Period now, params JsonNode?[] conditions)
    {
        var windows = funds.All.Where(f => fundCode is null || f.Code == fundCode)
            .Select(f => (JsonNode)new JsonObject
            {
                ["bool"] = new JsonObject { ["filter"] = new JsonArray(Term("fund", f.Code), Range("period", "gte", PaymentIndexRules.FirstPublishedPeriod(f, now).ToString())) },
            }).ToArray();
        if (windows.Length == 0) return new JsonObject { ["match_none"] = new JsonObject() };
        var query = Visible(type, sequence, conditions);
        var clauses = (JsonObject)query["bool"]!;
        clauses["should"] = new JsonArray(windows);
        clauses["minimum_should_match"] = 1;
        return query;
    }

    /// <summary>Documents carry every level's code, so a region of any level is one term.</summary>
    public static JsonObject? Region(string? code)
    {
        if (string.IsNullOrEmpty(code) || code == Regions.Region.CountryCode) return null;
        return Term(PaymentDocuments.Region((int)PaymentIndexRules.LevelOf(code)), code);
    }

    public static JsonObject Term(string field, JsonNode? value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Terms(string field, IEnumerable<string> values) => new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) } };

    public static JsonObject Range(string field, string op, JsonNode value) => new() { ["range"] = new JsonObject { [field] = new JsonObject { [op] = value } } };

    public static JsonObject Sort(string field, string order) => new() { [field] = new JsonObject { ["order"] = order } };
}
