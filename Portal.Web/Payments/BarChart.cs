using Portal.Core.Payments;

namespace Portal.Web.Payments;

/// <summary>
/// A horizontal bar chart drawn as inline SVG on the server, so it shows without JavaScript. In large print each bar
/// has its label and amount on a line above it, so that the text can be 18 px on a phone and still fit.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars)
{
    public const int Width = 320;
    public const int RowHeight = 26;
    public const int LabelWidth = 96;
    public const int ValueWidth = 74;
    public const int LargeRowHeight = 46;
    public const int LargeFontSize = 18;

    public sealed record Bar(string Label, decimal Amount, int Count)
    {
        /// <summary>What the bar says instead of an amount of money: a count, or 少于3.</summary>
        public string? Text { get; init; }

        public string AmountText => Text ?? Money.Total(Amount);

        /// <summary>What the bar says in full: the amount and its number of payments, or just its count.</summary>
        public string Detail => Text is null ? $"{AmountText}（{Count} 笔）" : $"{Text} 件";
    }

    public int Height(bool large) => Bars.Count * (large ? LargeRowHeight : RowHeight) + 4;

    /// <summary>Length of a bar: between the label and the value column, or the whole width in large print.</summary>
    public int BarLength(Bar bar, bool large = false)
    {
        var max = Bars.Max(b => b.Amount);
        var room = large ? Width - 4 : Width - LabelWidth - ValueWidth - 4;
        return max <= 0 ? 0 : (int)Math.Max(2, Math.Round(bar.Amount / max * room));
    }
}
