using System.Globalization;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Portal.Core.Funds;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Core.Payments.Lucene;

/// <summary>The embedded payment index, read from the data folder and refreshed when the indexer commits. Reads are in memory-mapped files, so each answer is computed at once and handed back as a completed task.</summary>
public sealed class LucenePaymentIndex : IPaymentIndex
{
    private const int MaxOwnPayments = 1_000;
    private const int MaxPlaceVillages = 500;

    private readonly LuceneDirectory _directory;
    private readonly FundCatalog _funds;
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _gate = new();
    private SearcherManager? _manager;
    private long _sequence = -1;
    private PeriodsAt? _periods;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, string Fund, int Month), Filter> _windows = new();

    public LucenePaymentIndex(string path, FundCatalog funds, TimeProvider clock)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        _funds = funds;
        _clock = clock;
        Refresh();
    }

    public Task<PaymentPage> SearchAsync(PaymentQuery query, CancellationToken cancellationToken = default) => Task.FromResult(Search(query));

    public Task<IReadOnlyList<PaymentTotal>> SummarizeAsync(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping, CancellationToken cancellationToken = default) =>
        Task.FromResult(Summarize(regionCode, fundCode, period, grouping));

    public Task<IReadOnlyList<PublicPayment>> FindOwnAsync(string ownerKey, CancellationToken cancellationToken = default) => Task.FromResult(FindOwn(ownerKey));

    public Task<PublicPayment?> FindAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Find(id));

    public Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Periods());

    public Task<IndexChange?> RefreshAsync(CancellationToken cancellationToken = default) => Task.FromResult(Refresh());

    public Task CheckAsync(CancellationToken cancellationToken = default) => PeriodsAsync(cancellationToken);

    private PaymentPage Search(PaymentQuery query)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, PaymentQuery.MaxPageSize);
        if ((long)page * size > PaymentQuery.MaxResultWindow) throw new ArgumentOutOfRangeException(nameof(query), $"最多翻到第 {PaymentQueryParser.LastPage(size)} 页。");
        return WithSearcher(searcher =>
        {
            if (searcher is null) return new PaymentPage([], 0, 0, page, size);
            var filter = new BooleanQuery();
            AddVillagesOf(filter, query.RegionCode);
            if (query.Period is { } period) filter.Add(IndexFields.PeriodRange(period.Value, period.Value), Occur.MUST);
            if (!string.IsNullOrWhiteSpace(query.Name)) filter.Add(NameQuery(searcher, query.Name, query.RegionCode), Occur.MUST);

            var top = TopFieldCollector.Create(SortFor(query.Sort), page * size, false, false, false, false);
            var totals = new SumCollector(IndexFields.Amount);
            searcher.Search(Conditions(filter), Window(IndexFields.PaymentType, query.FundCode), MultiCollector.Wrap(top, totals));
            var items = top.GetTopDocs((page - 1) * size, size).ScoreDocs.Select(d => ToPayment(searcher.Doc(d.Doc))).ToList();
            return new PaymentPage(items, totals.Count, Money.FromFen(totals.Sum), page, size);
        });
    }

    private IReadOnlyList<PaymentTotal> Summarize(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping)
    {
        var level = (int)PaymentIndexRules.LevelOf(regionCode);
        if (grouping == SummaryGrouping.ChildRegion && level >= (int)RegionLevel.Village) return [];
        return WithSearcher<IReadOnlyList<PaymentTotal>>(searcher =>
        {
            if (searcher is null) return [];
            var filter = new BooleanQuery();
            AddRegion(filter, regionCode);
            if (period is { } p) filter.Add(IndexFields.PeriodRange(p.Value, p.Value), Occur.MUST);
            var collector = new GroupCollector(grouping switch
            {
                SummaryGrouping.ChildRegion => GroupCollector.KeyOf.Sorted(IndexFields.Region(level + 1)),
                SummaryGrouping.Fund => GroupCollector.KeyOf.Sorted(IndexFields.Fund),
                _ => GroupCollector.KeyOf.Numeric(IndexFields.Period, v => Period.FromValue((int)v).ToString()),
            });
            searcher.Search(Conditions(filter), Window(IndexFields.RollupType, fundCode), collector);
            return collector.Totals.Select(kv => new PaymentTotal(kv.Key, (int)kv.Value.Count, Money.FromFen(kv.Value.Sum)))
                .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        });
    }

    private IReadOnlyList<PublicPayment> FindOwn(string ownerKey) => WithSearcher<IReadOnlyList<PublicPayment>>(searcher =>
    {
        if (searcher is null) return [];
        var owner = new TermQuery(new Term(IndexFields.Owner, ownerKey));
        var hits = searcher.Search(owner, Window(IndexFields.PaymentType, null), MaxOwnPayments, SortFor(PaymentSort.PeriodDesc));
        return hits.ScoreDocs.Select(d => ToPayment(searcher.Doc(d.Doc))).ToList();
    });

    private PublicPayment? Find(string id) => WithSearcher(searcher =>
    {
        if (searcher is null) return null;
        var hit = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), Window(IndexFields.PaymentType, null), 1).ScoreDocs.FirstOrDefault();
        return hit is null ? null : ToPayment(searcher.Doc(hit.Doc));
    });

    /// <summary>Every page asks for this and it reads every rollup, so it is kept until the index or the month changes.</summary>
    private IReadOnlyList<Period> Periods() => WithSearcher(searcher =>
    {
        if (searcher is null) return [];
        var month = PaymentIndexRules.CurrentPeriod(_clock).Value;
        var cached = _periods;
        if (cached is not null && ReferenceEquals(cached.Reader, searcher.IndexReader) && cached.Month == month) return cached.Periods;
        var periods = Summarize(Region.CountryCode, null, null, SummaryGrouping.Period)
            .Select(t => Period.TryParseIso(t.Key, out var p) ? p : default).OrderByDescending(p => p).ToList();
        _periods = new PeriodsAt(searcher.IndexReader, month, periods);
        return periods;
    });

    private sealed record PeriodsAt(IndexReader Reader, int Month, IReadOnlyList<Period> Periods);

    private IndexChange? Refresh()
    {
        lock (_gate)
        {
            if (_manager is null)
            {
                if (!DirectoryReader.IndexExists(_directory)) return null;
                _manager = new SearcherManager(_directory, null);
            }
            else _manager.MaybeRefreshBlocking();
            var searcher = _manager.Acquire();
            try
            {
                var data = ((DirectoryReader)searcher.IndexReader).IndexCommit.UserData;
                var sequence = data.TryGetValue(IndexFields.CommitSequence, out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var n) ? n : 0;
                if (sequence == _sequence) return null;
                var counties = data.TryGetValue(IndexFields.CommitCounties, out var c) ? c.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
                var change = new IndexChange(counties, AllRegions: sequence != _sequence + 1);
                _sequence = sequence;
                return change;
            }
            finally { _manager.Release(searcher); }
        }
    }

    private T WithSearcher<T>(Func<IndexSearcher?, T> read)
    {
        var manager = _manager;
        if (manager is null) return read(null);
        var searcher = manager.Acquire();
        try { return read(searcher); }
        finally { manager.Release(searcher); }
    }

    private static Query Conditions(BooleanQuery filter) => filter.Clauses.Count == 0 ? new MatchAllDocsQuery() : new ConstantScoreQuery(filter);

    /// <summary>
    /// Documents of one type inside their fund's publication window: payments past it leave every answer
    /// without a manual step. The window moves once a month, so its bit set is cached per segment until then.
    /// </summary>
    private Filter Window(string type, string? fundCode)
    {
        var now = PaymentIndexRules.CurrentPeriod(_clock);
        return _windows.GetOrAdd((type, fundCode ?? "", now.Value), _ =>
        {
            var window = new BooleanQuery();
            foreach (var fund in _funds.All.Where(f => fundCode is null || f.Code == fundCode))
            {
                var cutoff = PaymentIndexRules.FirstPublishedPeriod(fund, now).Value;
                window.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(IndexFields.Fund, fund.Code)), Occur.MUST },
                    { IndexFields.PeriodRange(cutoff, null), Occur.MUST },
                }, Occur.SHOULD);
            }
            window.MinimumNumberShouldMatch = 1;
            return new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
            {
                { new TermQuery(new Term(IndexFields.Type, type)), Occur.MUST },
                { window, Occur.MUST },
            }));
        });
    }

    /// <summary>Payments carry only their village code; region codes nest (province 41 → village 410221101201), so a region is a prefix.</summary>
    private static void AddVillagesOf(BooleanQuery filter, string? code)
    {
        if (string.IsNullOrEmpty(code) || code == Region.CountryCode) return;
        var village = new Term(IndexFields.Region(5), code);
        filter.Add(PaymentIndexRules.LevelOf(code) == RegionLevel.Village ? new TermQuery(village) : new PrefixQuery(village), Occur.MUST);
    }

    /// <summary>Rollups carry every level's code.</summary>
    private static void AddRegion(BooleanQuery filter, string? code)
    {
        if (string.IsNullOrEmpty(code) || code == Region.CountryCode) return;
        filter.Add(new TermQuery(new Term(IndexFields.Region((int)PaymentIndexRules.LevelOf(code)), code)), Occur.MUST);
    }

    /// <summary>A masked name (张*明) matches exactly; a surname (张, 欧阳) by prefix; longer text also matches the names of villages and townships.</summary>
    private Query NameQuery(IndexSearcher searcher, string text, string? regionCode)
    {
        var q = NameMask.Normalize(text);
        if (q.Contains('*')) return new TermQuery(new Term(IndexFields.Name, q));
        var query = new BooleanQuery { { new PrefixQuery(new Term(IndexFields.Name, q)), Occur.SHOULD } };
        if (q.Length < 2) return query;
        var places = new BooleanQuery();
        AddRegion(places, regionCode);
        places.Add(PlacePhrase(q), Occur.MUST);
        var villages = new GroupCollector(GroupCollector.KeyOf.Sorted(IndexFields.Region(5)));
        searcher.Search(places, Window(IndexFields.RollupType, null), villages);
        foreach (var village in villages.Totals.Keys.Order().Take(MaxPlaceVillages))
            query.Add(new TermQuery(new Term(IndexFields.Region(5), village)), Occur.SHOULD);
        return query;
    }

    private static PhraseQuery PlacePhrase(string text)
    {
        var phrase = new PhraseQuery();
        using var analyzer = new CJKAnalyzer(IndexFields.Version);
        using var stream = analyzer.GetTokenStream(IndexFields.Place, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) phrase.Add(new Term(IndexFields.Place, term.ToString()));
        stream.End();
        return phrase;
    }

    private static Sort SortFor(PaymentSort sort) => sort switch
    {
        PaymentSort.AmountDesc => new Sort(new SortField(IndexFields.Amount, SortFieldType.INT64, true), VillageOrder, NameOrder),
        PaymentSort.AmountAsc => new Sort(new SortField(IndexFields.Amount, SortFieldType.INT64), VillageOrder, NameOrder),
        PaymentSort.PeriodAsc => new Sort(new SortField(IndexFields.Period, SortFieldType.INT32), VillageOrder, NameOrder),
        PaymentSort.Name => new Sort(NameOrder, new SortField(IndexFields.Period, SortFieldType.INT32, true)),
        _ => new Sort(new SortField(IndexFields.Period, SortFieldType.INT32, true), VillageOrder, NameOrder),
    };

    private static SortField VillageOrder => new(IndexFields.Region(5), SortFieldType.STRING);
    private static SortField NameOrder => new(IndexFields.Name, SortFieldType.STRING);

    private static PublicPayment ToPayment(global::Lucene.Net.Documents.Document doc) => new(
        doc.Get(IndexFields.Id),
        doc.Get(IndexFields.Name),
        doc.Get(IndexFields.Fund),
        doc.Get(IndexFields.Region(5)),
        Period.FromValue(doc.GetField(IndexFields.Period).GetInt32Value() ?? 0),
        Money.FromFen(doc.GetField(IndexFields.Amount).GetInt64Value() ?? 0),
        doc.GetField(IndexFields.Household)?.GetInt32Value(),
        doc.Get(IndexFields.Department) ?? "",
        doc.Get(IndexFields.PaidOn) is { } paid ? DateOnly.ParseExact(paid, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);

    public void Dispose()
    {
        _manager?.Dispose();
        _directory.Dispose();
    }
}
