using Portal.Core.Payments;

namespace Portal.Core.Reports.Statistics;

/// <summary>The months the record covers, first and last included, in Beijing time.</summary>
public sealed record MonthRange(Period From, Period To)
{
    /// <summary>Long enough for a two-year comparison, short enough that a page stays small on a phone.</summary>
    public const int MaxMonths = 36;

    public IEnumerable<Period> Months()
    {
        for (var month = From; month <= To; month = month.AddMonths(1)) yield return month;
    }

    public bool Contains(Period month) => From <= month && month <= To;

    /// <summary>The twelve months up to and including the current one.</summary>
    public static MonthRange LastYear(DateTimeOffset now)
    {
        var today = ChinaTime.Date(now.UtcDateTime);
        var current = new Period(today.Year, today.Month);
        return new(current.AddMonths(-11), current);
    }

    /// <summary>
    /// The range a stranger asks for, as yyyy-MM. Without <paramref name="to"/> it ends with <paramref name="fallback"/>;
    /// without <paramref name="from"/> it covers the twelve months up to its end. The problem, in Chinese, when a month is
    /// malformed, the range runs backwards or is too long.
    /// </summary>
    public static (MonthRange? Range, MonthProblem? Problem) Parse(string? from, string? to, MonthRange fallback)
    {
        var last = fallback.To;
        if (!string.IsNullOrWhiteSpace(to) && !Period.TryParseIso(to.Trim(), out last))
            return (null, new("to", $"截止月份“{to}”格式不对，请写成 2026-12 这样的年-月。"));
        var first = string.IsNullOrWhiteSpace(to) ? fallback.From : last.AddMonths(-11);
        if (!string.IsNullOrWhiteSpace(from) && !Period.TryParseIso(from.Trim(), out first))
            return (null, new("from", $"起始月份“{from}”格式不对，请写成 2026-01 这样的年-月。"));
        if (first > last) return (null, new("from", $"起始月份（{first.ToChinese()}）晚于截止月份（{last.ToChinese()}），请调整后再查。"));
        var range = new MonthRange(first, last);
        if (range.Months().Count() > MaxMonths) return (null, new("from", $"一次最多查 {MaxMonths} 个月，请缩短起止月份。"));
        return (range, null);
    }
}

/// <summary>What is wrong with a month range, and which of its two parameters to fix.</summary>
public sealed record MonthProblem(string Parameter, string Text);
