using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Core.Payments.Lucene;

/// <summary>Field names of the payment index. Payment documents and rollup documents (one per partition) share one index, so they commit together.</summary>
internal static class IndexFields
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string Type = "type";
    public const string PaymentType = "payment";
    public const string RollupType = "rollup";

    public const string Id = "id";
    public const string Partition = "partition";
    public const string Owner = "owner";
    public const string Fund = "fund";
    public const string Period = "period";
    public const string Amount = "amount";
    public const string Count = "count";
    public const string Name = "name";
    public const string Household = "household";
    public const string Department = "dept";
    public const string PaidOn = "paidOn";
    public const string Place = "place";
    public const string Hash = "hash";

    /// <summary>Region code at each level: r1 province … r5 village.</summary>
    public static string Region(int level) => "r" + level;

    /// <summary>Periods are indexed as single exact terms: there are a few dozen of them, so ranges need no trie terms.</summary>
    public const int PeriodPrecisionStep = int.MaxValue;

    public static readonly FieldType PeriodType = new(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = PeriodPrecisionStep };
    public static readonly FieldType StoredPeriodType = new(Int32Field.TYPE_STORED) { NumericPrecisionStep = PeriodPrecisionStep };

    public static NumericRangeQuery<int> PeriodRange(int? from, int? to) =>
        NumericRangeQuery.NewInt32Range(Period, PeriodPrecisionStep, from, to, true, true);

    public const string CommitSequence = "sequence";
    public const string CommitCounties = "counties";

    /// <summary>Place names get CJK bigrams; every other field is indexed as a whole term.</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(), new Dictionary<string, Analyzer> { [Place] = new CJKAnalyzer(Version) });
}
