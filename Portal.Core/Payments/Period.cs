using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Payments;

/// <summary>The month a payment belongs to (所属期), written 2026-05.</summary>
public readonly partial record struct Period(int Year, int Month) : IComparable<Period>
{
    public int Value => Year * 100 + Month;

    public static Period FromValue(int value) => new(value / 100, value % 100);

    public static Period Of(DateTimeOffset time) => new(time.Year, time.Month);

    public Period AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new Period(index / 12, index % 12 + 1);
    }

    public int CompareTo(Period other) => Value.CompareTo(other.Value);

    public static bool operator >(Period a, Period b) => a.Value > b.Value;
    public static bool operator <(Period a, Period b) => a.Value < b.Value;
    public static bool operator >=(Period a, Period b) => a.Value >= b.Value;
    public static bool operator <=(Period a, Period b) => a.Value <= b.Value;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public string ToChinese() => $"{Year}年{Month}月";

    /// <summary>Strict form used in URLs and the API: yyyy-MM.</summary>
    public static bool TryParseIso(string? text, out Period period)
    {
        period = default;
        if (text is null || !IsoPattern().IsMatch(text)) return false;
        return TryCreate(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[5..], CultureInfo.InvariantCulture), out period);
    }

    /// <summary>The forms department exports use: 2026-05, 2026/5, 2026.05, 2026年5月, 202605.</summary>
    public static bool TryParseLoose(string? text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = LoosePattern().Match(text.Trim());
        if (!m.Success) return false;
        if (!TryCreate(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), out var p)) return false;
        period = p;
        return true;
    }

    private static bool TryCreate(int year, int month, out Period period)
    {
        period = new Period(year, month);
        return year is >= 2000 and <= 2099 && month is >= 1 and <= 12;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.年]\s*(?<m>\d{1,2})\s*月?(?:[-/.]\d{1,2}日?)?|(?<m>\d{2}))$")]
    private static partial Regex LoosePattern();
}
