using Portal.Core.Payments;

namespace Portal.Web.Payments;

/// <summary>A horizontal bar chart drawn as inline SVG on the server, so it shows without JavaScript.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChart.Bar> Bars)
{
    public const int Width = 320;
    public const int RowHeight = 26;
    public const int LabelWidth = 96;
    public const int ValueWidth = 74;

    public sealed record Bar(string Label, decimal Amount, int Count)
    {
        public string AmountText => Money.Total(Amount);
    }

    public int Height => Bars.Count * RowHeight + 4;

    /// <summary>Length of a bar in the space between the label and the value column.</summary>
    public int BarLength(Bar bar)
    {
        var max = Bars.Max(b => b.Amount);
        return max <= 0 ? 0 : (int)Math.Max(2, Math.Round(bar.Amount / max * (Width - LabelWidth - ValueWidth - 4)));
    }
}
