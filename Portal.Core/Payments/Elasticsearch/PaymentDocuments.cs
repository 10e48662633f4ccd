using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Ingest;
using Portal.Core.Regions;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The documents of the payment index, field names as in deploy/elasticsearch/index-template.json. Payments and
/// rollups (one per partition) carry the run that wrote them and, once replaced, the run that replaced them.
/// </summary>
internal static class PaymentDocuments
{
    public const string PaymentType = "payment";
    public const string RollupType = "rollup";
    public const string SyncType = "sync";
    public const string LockType = "lock";

    /// <summary>The state document: the last committed run and the counties it changed.</summary>
    public const string SyncId = "portal-sync";

    /// <summary>Held while a writer runs, so two syncs (or a sync and a reindex) never interleave.</summary>
    public const string LockId = "portal-sync-lock";

    public static string Region(int level) => "r" + level;

    public static JsonObject Payment(long run, string partition, ValidPayment p, IReadOnlyList<Region> path)
    {
        var doc = new JsonObject
        {
            ["type"] = PaymentType,
            ["run"] = run,
            ["id"] = PaymentIndexRules.PublicId(p),
            ["partition"] = partition,
            ["owner"] = p.OwnerKey,
            ["fund"] = p.Fund.Code,
            ["period"] = p.Period.ToString(),
            ["name"] = p.MaskedName,
            ["amount"] = Money.ToFen(p.Amount),
            ["dept"] = p.Department,
        };
        AddRegions(doc, path);
        if (p.HouseholdSize is { } size) doc["household"] = size;
        if (p.PaidOn is { } paid) doc["paidOn"] = paid.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return doc;
    }

    public static JsonObject Rollup(long run, string partition, IReadOnlyList<ValidPayment> rows, IReadOnlyList<Region> path, string hash)
    {
        var doc = new JsonObject
        {
            ["type"] = RollupType,
            ["run"] = run,
            ["partition"] = partition,
            ["fund"] = rows[0].Fund.Code,
            ["period"] = rows[0].Period.ToString(),
            ["count"] = rows.Count,
            ["amount"] = rows.Sum(p => Money.ToFen(p.Amount)),
            ["hash"] = hash,
            // Township and village names, analysed once per partition: a place-name search finds villages here first.
            ["place"] = PaymentIndexRules.PlaceText(path),
        };
        AddRegions(doc, path);
        return doc;
    }

    /// <summary>Every level's code, so any region is one term filter.</summary>
    private static void AddRegions(JsonObject doc, IReadOnlyList<Region> path)
    {
        foreach (var region in path) doc[Region((int)region.Level)] = region.Code;
    }

    /// <summary>Ids are per run, so the replaced and the replacing version of a payment coexist until the commit, and a retried batch overwrites itself.</summary>
    public static string DocumentId(long run, string publicId) => $"{run}-{publicId}";

    public static string RollupId(long run, string partition) => $"{run}-rollup-{partition}";

    public static PublicPayment ToPayment(JsonElement source) => new(
        source.GetProperty("id").GetString()!,
        source.GetProperty("name").GetString()!,
        source.GetProperty("fund").GetString()!,
        source.GetProperty("r5").GetString()!,
        ParsePeriod(source.GetProperty("period").GetString()),
        Money.FromFen(source.GetProperty("amount").GetInt64()),
        source.TryGetProperty("household", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetInt32() : null,
        source.TryGetProperty("dept", out var d) ? d.GetString() ?? "" : "",
        source.TryGetProperty("paidOn", out var paid) && paid.GetString() is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);

    public static Period ParsePeriod(string? text) => Period.TryParseIso(text, out var period) ? period : throw new FormatException($"Not a period: '{text}'");
}
