using System.Globalization;

namespace Portal.Core.Payments;

/// <summary>
/// How amounts read on the Portal, one form per context: a payment is exact yuan (¥1,234.50); a total in a column or a
/// headline is always 万元 (356.70万元, 0.12万元), so that a column never mixes the two, with the exact figure beside it.
/// A sentence read on its own (a WeChat reply, a chart said in words) gives exact yuan, which needs no second line.
/// </summary>
public static class Money
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Yuan(decimal amount) => "¥" + amount.ToString("#,##0.00", Invariant);

    public static string Total(decimal amount) => (amount / 10_000m).ToString("#,##0.00", Invariant) + "万元";

    public static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromFen(long fen) => fen / 100m;
}
