using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Portal.Core.Ingest;
using Portal.Core.Regions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Portal.Core.Payments.Lucene;

/// <summary>
/// Replaces partitions (village × fund × period) of the embedded index. Nothing is visible until
/// <see cref="Commit"/>, so readers see either the old partitions or the new ones; partitions whose
/// content did not change are not touched.
/// </summary>
public sealed class LucenePaymentWriter : IPartitionStore
{
    private const string RollupOf = "rollupOf";
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly RegionCatalog _regions;
    private readonly HashSet<string> _uncommittedCounties = [];
    // What this writer has published so far, committed or not (near-real-time): a run of many files keeps the earlier
    // files' payments in the index, not in memory.
    private DirectoryReader _view;

    public LucenePaymentWriter(string path, RegionCatalog regions)
    {
        _regions = regions;
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(IndexFields.Version, IndexFields.CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 256,
            UseCompoundFile = false,
        };
        try { _writer = new IndexWriter(_directory, config); }
        catch (LockObtainFailedException e)
        {
            _directory.Dispose();
            throw new ExportFileException($"另一个同步正在写入索引（{path}），请等它结束后再试。", e);
        }
        _view = DirectoryReader.Open(_writer, applyAllDeletes: true);
    }

    private IndexSearcher Searcher()
    {
        if (DirectoryReader.OpenIfChanged(_view, _writer, applyAllDeletes: true) is { } newer)
        {
            _view.Dispose();
            _view = newer;
        }
        return new IndexSearcher(_view);
    }

    public PartitionReplacement Replace(IReadOnlyList<ValidPayment> payments, Action<int>? progress = null)
    {
        var groups = PartitionContent.Of(payments);
        var searcher = Searcher();
        var published = groups.ToDictionary(g => g.Key, g => PublishedHash(searcher, g.Key));
        var changed = groups.Where(g => published[g.Key] != g.Hash).ToList();
        var written = 0;
        // IndexWriter takes documents from several threads at once; each thread fills its own reusable document.
        Parallel.ForEach(changed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new PaymentDocument(), (group, _, document) =>
        {
            var key = group.Key.ToString();
            // A partition never published has nothing to delete; buffered deletes are not free.
            if (published[group.Key] is not null) _writer.DeleteDocuments(new Term(IndexFields.Partition, key));
            var path = _regions.Path(group.Rows[0].Village);
            foreach (var payment in group.Rows) _writer.AddDocument(document.Fill(key, payment));
            _writer.AddDocument(RollupDocument(key, group.Rows, path, group.Hash));
            var total = Interlocked.Add(ref written, group.Rows.Count);
            if (total / 10_000 != (total - group.Rows.Count) / 10_000) progress?.Invoke(total);
            return document;
        }, _ => { });
        foreach (var group in changed) _uncommittedCounties.Add(group.Key.VillageCode[..6]);
        progress?.Invoke(written);
        return new PartitionReplacement(changed.Select(g => g.Key).ToList(), groups.Count - changed.Count);
    }

    public bool Withdraw(PartitionKey partition)
    {
        if (PublishedHash(Searcher(), partition) is null) return false;
        // The rollup carries the partition's term too: both go in one delete.
        _writer.DeleteDocuments(new Term(IndexFields.Partition, partition.ToString()));
        _uncommittedCounties.Add(partition.VillageCode[..6]);
        return true;
    }

    /// <summary>Publishes everything replaced since the last commit at once, noting which counties changed for the sites' caches.</summary>
    public void Commit()
    {
        var counties = _uncommittedCounties.Order(StringComparer.Ordinal).ToList();
        if (counties.Count == 0) return;
        var sequence = long.TryParse(_writer.CommitData.TryGetValue(IndexFields.CommitSequence, out var s) ? s : "0", out var n) ? n : 0;
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [IndexFields.CommitSequence] = (sequence + 1).ToString(CultureInfo.InvariantCulture),
            [IndexFields.CommitCounties] = string.Join(",", counties),
        });
        _writer.Commit();
        _uncommittedCounties.Clear();
    }

    public IReadOnlyList<PublishedPayment> Published(IReadOnlySet<string> ownerKeys, IReadOnlySet<Period> periods)
    {
        var found = new List<PublishedPayment>();
        var searcher = Searcher();
        foreach (var period in periods)
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(IndexFields.Type, IndexFields.PaymentType)), Occur.MUST },
                { IndexFields.PeriodRange(period.Value, period.Value), Occur.MUST },
            };
            var collector = new PublishedCollector(ownerKeys, period);
            searcher.Search(new ConstantScoreQuery(query), collector);
            found.AddRange(collector.Found);
        }
        return found;
    }

    /// <summary>The content hash a partition has now, replaced in this run or committed before.</summary>
    private static string? PublishedHash(IndexSearcher searcher, PartitionKey key)
    {
        var hit = searcher.Search(new TermQuery(new Term(RollupOf, key.ToString())), 1).ScoreDocs.FirstOrDefault();
        return hit is null ? null : searcher.Doc(hit.Doc).Get(IndexFields.Hash);
    }

    private static IEnumerable<IIndexableField> RollupDocument(string partition, List<ValidPayment> rows, IReadOnlyList<Region> path, string hash)
    {
        var first = rows[0];
        var fields = new List<IIndexableField>(20)
        {
            new StringField(IndexFields.Type, IndexFields.RollupType, Field.Store.NO),
            new StringField(IndexFields.Partition, partition, Field.Store.NO),
            new StringField(RollupOf, partition, Field.Store.NO),
            new StringField(IndexFields.Fund, first.Fund.Code, Field.Store.NO),
            new SortedDocValuesField(IndexFields.Fund, new BytesRef(first.Fund.Code)),
            new Int32Field(IndexFields.Period, first.Period.Value, IndexFields.PeriodType),
            new NumericDocValuesField(IndexFields.Period, first.Period.Value),
            new NumericDocValuesField(IndexFields.Count, rows.Count),
            new NumericDocValuesField(IndexFields.Amount, rows.Sum(p => Money.ToFen(p.Amount))),
            new StoredField(IndexFields.Hash, hash),
            // Place names are analysed once per partition, not once per payment: a name search finds villages here first.
            new TextField(IndexFields.Place, PaymentIndexRules.PlaceText(path), Field.Store.NO),
        };
        foreach (var region in path)
        {
            fields.Add(new StringField(IndexFields.Region((int)region.Level), region.Code, Field.Store.NO));
            fields.Add(new SortedDocValuesField(IndexFields.Region((int)region.Level), new BytesRef(region.Code)));
        }
        return fields;
    }

    /// <summary>Anything not committed is thrown away: a run that fails half-way publishes nothing.</summary>
    public void Dispose()
    {
        _view.Dispose();
        _writer.Rollback();
        _directory.Dispose();
    }
}
