using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Funds;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using static Portal.Core.Payments.Elasticsearch.IndexQueries;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The payment index read from an Elasticsearch cluster through its alias, with the embedded index's behaviour: each
/// answer shows the run committed when <see cref="RefreshAsync"/> last looked, inside each fund's publication window.
/// </summary>
public sealed class ElasticsearchPaymentIndex : IPaymentIndex
{
    private const int MaxOwnPayments = 1_000;
    private const int MaxPlaceVillages = 500;
    private const int MaxGroups = 10_000;

    private readonly ElasticsearchClient _client;
    private readonly FundCatalog _funds;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _sequence = -1;
    private PeriodsAt? _periods;

    public ElasticsearchPaymentIndex(ElasticsearchClient client, FundCatalog funds, TimeProvider clock)
    {
        _client = client;
        _funds = funds;
        _clock = clock;
        // A cluster that is down must not stop a site from starting: it shows nothing until the refresher's next look succeeds.
        try { RefreshAsync().GetAwaiter().GetResult(); }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException) { }
    }

    private long Sequence => Interlocked.Read(ref _sequence);
    private Period Now => PaymentIndexRules.CurrentPeriod(_clock);

    public async Task<PaymentPage> SearchAsync(PaymentQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, PaymentQuery.MaxPageSize);
        if ((long)page * size > PaymentQuery.MaxResultWindow) throw new ArgumentOutOfRangeException(nameof(query), $"最多翻到第 {PaymentQuery.MaxResultWindow / size} 页。");
        if (Sequence < 0) return new PaymentPage([], 0, 0, page, size);
        var name = string.IsNullOrWhiteSpace(query.Name) ? null : await NameQueryAsync(query.Name, query.RegionCode, cancellationToken);
        var body = new JsonObject
        {
            ["query"] = Published(PaymentDocuments.PaymentType, Sequence, _funds, query.FundCode, Now,
                Region(query.RegionCode), query.Period is { } p ? Term("period", p.ToString()) : null, name),
            ["from"] = (page - 1) * size,
            ["size"] = size,
            ["track_total_hits"] = true,
            ["sort"] = SortFor(query.Sort),
            // Sums of long fields come back as doubles: exact up to 2^53 fen, far above any total here.
            ["aggs"] = new JsonObject { ["amount"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "amount" } } },
        };
        if (await SearchIndexAsync(body, cancellationToken) is not { } answer) return new PaymentPage([], 0, 0, page, size);
        var hits = answer.GetProperty("hits");
        return new PaymentPage(Payments(hits), hits.GetProperty("total").GetProperty("value").GetInt32(),
            Money.FromFen(Fen(answer.GetProperty("aggregations").GetProperty("amount"))), page, size);
    }

    public async Task<IReadOnlyList<PaymentTotal>> SummarizeAsync(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping,
        CancellationToken cancellationToken = default)
    {
        var level = (int)PaymentIndexRules.LevelOf(regionCode);
        if (grouping == SummaryGrouping.ChildRegion && level >= (int)RegionLevel.Village) return [];
        if (Sequence < 0) return [];
        var key = grouping switch
        {
            SummaryGrouping.ChildRegion => PaymentDocuments.Region(level + 1),
            SummaryGrouping.Fund => "fund",
            _ => "period",
        };
        var body = new JsonObject
        {
            ["query"] = Published(PaymentDocuments.RollupType, Sequence, _funds, fundCode, Now, Region(regionCode), period is { } p ? Term("period", p.ToString()) : null),
            ["size"] = 0,
            ["aggs"] = new JsonObject
            {
                ["groups"] = new JsonObject
                {
                    ["terms"] = new JsonObject { ["field"] = key, ["size"] = MaxGroups },
                    ["aggs"] = new JsonObject
                    {
                        ["count"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "count" } },
                        ["amount"] = new JsonObject { ["sum"] = new JsonObject { ["field"] = "amount" } },
                    },
                },
            },
        };
        if (await SearchIndexAsync(body, cancellationToken) is not { } answer) return [];
        return answer.GetProperty("aggregations").GetProperty("groups").GetProperty("buckets").EnumerateArray()
            .Select(b => new PaymentTotal(b.GetProperty("key").GetString()!, (int)Fen(b.GetProperty("count")), Money.FromFen(Fen(b.GetProperty("amount")))))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<PublicPayment>> FindOwnAsync(string ownerKey, CancellationToken cancellationToken = default)
    {
        if (Sequence < 0) return [];
        var body = new JsonObject
        {
            ["query"] = Published(PaymentDocuments.PaymentType, Sequence, _funds, null, Now, Term("owner", ownerKey)),
            ["size"] = MaxOwnPayments,
            ["sort"] = SortFor(PaymentSort.PeriodDesc),
        };
        return await SearchIndexAsync(body, cancellationToken) is { } answer ? Payments(answer.GetProperty("hits")) : [];
    }

    public async Task<PublicPayment?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        if (Sequence < 0) return null;
        var body = new JsonObject { ["query"] = Published(PaymentDocuments.PaymentType, Sequence, _funds, null, Now, Term("id", id)), ["size"] = 1 };
        return await SearchIndexAsync(body, cancellationToken) is { } answer ? Payments(answer.GetProperty("hits")).FirstOrDefault() : null;
    }

    /// <summary>Every page asks for this, so it is kept until a new run is committed or the month changes.</summary>
    public async Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default)
    {
        var sequence = Sequence;
        var month = Now.Value;
        var cached = _periods;
        if (cached is not null && cached.Sequence == sequence && cached.Month == month) return cached.Periods;
        var periods = (await SummarizeAsync(Regions.Region.CountryCode, null, null, SummaryGrouping.Period, cancellationToken))
            .Select(t => PaymentDocuments.ParsePeriod(t.Key)).OrderByDescending(p => p).ToList();
        _periods = new PeriodsAt(sequence, month, periods);
        return periods;
    }

    private sealed record PeriodsAt(long Sequence, int Month, IReadOnlyList<Period> Periods);

    /// <summary>A count through the alias: the cluster answers and the index's shards are searchable. No alias yet (before the first sync) is not a failure.</summary>
    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        _client.SendAsync(HttpMethod.Get, $"{_client.Alias}/_count", null, notFoundIsNull: true, cancellationToken: cancellationToken);

    /// <summary>Reads the state document the writer puts at each commit; a gap in its sequence means several commits were missed.</summary>
    public async Task<IndexChange?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await SyncState.ReadAsync(_client, cancellationToken: cancellationToken) is not { } state || state.Sequence == _sequence) return null;
            var change = new IndexChange(state.Counties, AllRegions: state.AllRegions || state.Sequence != _sequence + 1);
            Interlocked.Exchange(ref _sequence, state.Sequence);
            return change;
        }
        finally { _gate.Release(); }
    }

    /// <summary>A masked name (张*明) matches exactly; a surname (张, 欧阳) by prefix; longer text also matches the names of villages and townships.</summary>
    private async Task<JsonObject> NameQueryAsync(string text, string? regionCode, CancellationToken cancellationToken)
    {
        var q = NameMask.Normalize(text);
        if (q.Contains('*')) return Term("name", q);
        var should = new JsonArray(new JsonObject { ["prefix"] = new JsonObject { ["name"] = q } });
        if (q.Length >= 2)
        {
            var villages = await PlaceVillagesAsync(q, regionCode, cancellationToken);
            if (villages.Count > 0) should.Add(Terms("r5", villages));
        }
        return new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } };
    }

    /// <summary>Villages whose township or village name holds the text as a phrase, found on the rollups (one per partition, not per payment).</summary>
    private async Task<List<string>> PlaceVillagesAsync(string text, string? regionCode, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["query"] = Published(PaymentDocuments.RollupType, Sequence, _funds, null, Now, Region(regionCode),
                new JsonObject { ["match_phrase"] = new JsonObject { ["place"] = text } }),
            ["size"] = 0,
            ["aggs"] = new JsonObject
            {
                ["villages"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "r5", ["size"] = MaxPlaceVillages, ["order"] = new JsonObject { ["_key"] = "asc" } } },
            },
        };
        if (await SearchIndexAsync(body, cancellationToken) is not { } answer) return [];
        return answer.GetProperty("aggregations").GetProperty("villages").GetProperty("buckets").EnumerateArray()
            .Select(b => b.GetProperty("key").GetString()!).ToList();
    }

    private Task<JsonElement?> SearchIndexAsync(JsonObject body, CancellationToken cancellationToken) =>
        _client.SendAsync(HttpMethod.Post, $"{_client.Alias}/_search", body, notFoundIsNull: true, cancellationToken: cancellationToken);

    private static List<PublicPayment> Payments(JsonElement hits) =>
        hits.GetProperty("hits").EnumerateArray().Select(h => PaymentDocuments.ToPayment(h.GetProperty("_source"))).ToList();

    /// <summary>A sum aggregation's value: a double (0 for no documents) holding a whole number of fen.</summary>
    private static long Fen(JsonElement aggregation) =>
        aggregation.GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? (long)Math.Round(value.GetDouble()) : 0;

    /// <summary>The embedded index's orders; village and masked name break ties so pages do not overlap.</summary>
    private static JsonArray SortFor(PaymentSort sort) => sort switch
    {
        PaymentSort.AmountDesc => [Sort("amount", "desc"), Sort("r5", "asc"), Sort("name", "asc"), Sort("id", "asc")],
        PaymentSort.AmountAsc => [Sort("amount", "asc"), Sort("r5", "asc"), Sort("name", "asc"), Sort("id", "asc")],
        PaymentSort.PeriodAsc => [Sort("period", "asc"), Sort("r5", "asc"), Sort("name", "asc"), Sort("id", "asc")],
        PaymentSort.Name => [Sort("name", "asc"), Sort("period", "desc"), Sort("id", "asc")],
        _ => [Sort("period", "desc"), Sort("r5", "asc"), Sort("name", "asc"), Sort("id", "asc")],
    };

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }
}
