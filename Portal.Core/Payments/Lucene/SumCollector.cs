using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Core.Payments.Lucene;

/// <summary>Counts the matching documents and sums one numeric doc-values field (the facet module is not served here).</summary>
internal sealed class SumCollector(string field) : ICollector
{
    private NumericDocValues? _values;

    public int Count { get; private set; }
    public long Sum { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context) => _values = context.AtomicReader.GetNumericDocValues(field);

    public void Collect(int doc)
    {
        Count++;
        if (_values is not null) Sum += _values.Get(doc);
    }
}

/// <summary>Sums rollup documents (their count and amount) per key: a child region, a fund or a period.</summary>
internal sealed class GroupCollector(GroupCollector.KeyOf key) : ICollector
{
    private NumericDocValues? _count;
    private NumericDocValues? _amount;
    private Func<int, string?> _key = _ => null;

    public Dictionary<string, (long Count, long Sum)> Totals { get; } = new();

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _count = reader.GetNumericDocValues(IndexFields.Count);
        _amount = reader.GetNumericDocValues(IndexFields.Amount);
        _key = key.Bind(reader);
    }

    public void Collect(int doc)
    {
        var k = _key(doc);
        if (k is null) return;
        var (count, sum) = Totals.GetValueOrDefault(k);
        Totals[k] = (count + (_count?.Get(doc) ?? 0), sum + (_amount?.Get(doc) ?? 0));
    }

    /// <summary>How to read a document's group key from doc values in one segment.</summary>
    internal sealed class KeyOf(Func<AtomicReader, Func<int, string?>> bind)
    {
        public Func<int, string?> Bind(AtomicReader reader) => bind(reader);

        public static KeyOf Sorted(string field) => new(reader =>
        {
            var values = reader.GetSortedDocValues(field);
            if (values is null) return _ => null;
            var term = new global::Lucene.Net.Util.BytesRef();
            return doc =>
            {
                if (values.GetOrd(doc) < 0) return null;
                values.Get(doc, term);
                return term.Utf8ToString();
            };
        });

        public static KeyOf Numeric(string field, Func<long, string> format) => new(reader =>
        {
            var values = reader.GetNumericDocValues(field);
            // Few distinct values (periods): format each once, not once per document.
            var formatted = new Dictionary<long, string>();
            return values is null ? _ => null : doc =>
            {
                var value = values.Get(doc);
                if (!formatted.TryGetValue(value, out var text)) formatted[value] = text = format(value);
                return text;
            };
        });
    }
}

/// <summary>Payments of one period whose owner is among the given lookup hashes, read from doc values.</summary>
internal sealed class PublishedCollector(IReadOnlySet<string> owners, Period period) : ICollector
{
    private SortedDocValues? _owner;
    private SortedDocValues? _fund;
    private SortedDocValues? _village;
    private readonly global::Lucene.Net.Util.BytesRef _term = new();

    public List<PublishedPayment> Found { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        _owner = context.AtomicReader.GetSortedDocValues(IndexFields.Owner);
        _fund = context.AtomicReader.GetSortedDocValues(IndexFields.Fund);
        _village = context.AtomicReader.GetSortedDocValues(IndexFields.Region(5));
    }

    public void Collect(int doc)
    {
        if (_owner is null || _fund is null || _village is null) return;
        _owner.Get(doc, _term);
        var owner = _term.Utf8ToString();
        if (!owners.Contains(owner)) return;
        _fund.Get(doc, _term);
        var fund = _term.Utf8ToString();
        _village.Get(doc, _term);
        Found.Add(new PublishedPayment(owner, fund, period, _term.Utf8ToString()));
    }
}
