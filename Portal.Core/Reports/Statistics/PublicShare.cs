using System.Globalization;
using Portal.Core.Privacy;

namespace Portal.Core.Reports.Statistics;

/// <summary>
/// A share the public may see: withheld (不公布) when it rests on fewer than <see cref="PublicCount.SmallestShown"/> reports,
/// since 1 of 1 or 1 of 2 tells what happened to one reporter's report.
/// </summary>
public readonly record struct PublicShare(int Part, int Of)
{
    public const string WithheldText = "不公布";

    public bool Withheld => Of < PublicCount.SmallestShown;

    /// <summary>The share between 0 and 1, to three places; null when withheld.</summary>
    public double? Shown => Withheld ? null : Math.Round((double)Part / Of, 3);

    public string Text => Shown is { } share ? (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : WithheldText;
}

/// <summary>The median of a few whole numbers (working days), withheld like <see cref="PublicShare"/> when fewer than three.</summary>
public readonly record struct PublicMedian(double? Median, int Count)
{
    public static PublicMedian From(IReadOnlyCollection<int> values)
    {
        if (values.Count < PublicCount.SmallestShown) return new(null, values.Count);
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return new(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0, values.Count);
    }

    public string Text => Median is { } days ? days.ToString("0.#", CultureInfo.InvariantCulture) + " 个工作日" : PublicShare.WithheldText;
}
