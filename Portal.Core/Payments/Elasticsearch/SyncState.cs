using System.Text.Json.Nodes;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The <c>portal-sync</c> document: the last committed run (its sequence) and the counties it changed, as the
/// embedded index keeps them in its commit data. Writing it is the commit: one document write is atomic.
/// </summary>
internal sealed record SyncState(long Sequence, IReadOnlyList<string> Counties, bool AllRegions)
{
    /// <summary>Null when there is no index behind the alias or nothing was ever committed. A GET by id is real-time, no refresh needed.</summary>
    public static SyncState? Read(ElasticsearchClient client, string? index = null) => ReadAsync(client, index).GetAwaiter().GetResult();

    public static async Task<SyncState?> ReadAsync(ElasticsearchClient client, string? index = null, CancellationToken cancellationToken = default)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"{index ?? client.Alias}/_doc/{PaymentDocuments.SyncId}", null, notFoundIsNull: true, cancellationToken: cancellationToken);
        if (answer is not { } doc || !doc.TryGetProperty("_source", out var source)) return null;
        return new SyncState(
            source.GetProperty("sequence").GetInt64(),
            source.TryGetProperty("counties", out var c) ? c.EnumerateArray().Select(e => e.GetString()!).ToList() : [],
            source.TryGetProperty("allRegions", out var a) && a.GetBoolean());
    }

    public void Write(ElasticsearchClient client, string? index = null) =>
        client.Send(HttpMethod.Put, $"{index ?? client.Alias}/_doc/{PaymentDocuments.SyncId}?refresh=true", new JsonObject
        {
            ["type"] = PaymentDocuments.SyncType,
            ["sequence"] = Sequence,
            ["counties"] = new JsonArray(Counties.Select(c => (JsonNode)c).ToArray()),
            ["allRegions"] = AllRegions,
        });
}
