using System.Globalization;

namespace Portal.Core.Payments;

/// <summary>How amounts read on the Portal: ¥1,234.50, and 9.20亿元 / 356.70万元 for large totals.</summary>
public static class Money
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Yuan(decimal amount) => "¥" + amount.ToString("#,##0.00", Invariant);

    public static string Total(decimal amount) => Math.Abs(amount) switch
    {
        >= 100_000_000m => (amount / 100_000_000m).ToString("0.00", Invariant) + "亿元",
        >= 100_000m => (amount / 10_000m).ToString("0.00", Invariant) + "万元",
        _ => Yuan(amount),
    };

    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromFen(long fen) => fen / 100m;
}
