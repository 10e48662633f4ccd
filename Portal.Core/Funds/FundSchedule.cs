using Portal.Core.Payments;

namespace Portal.Core.Funds;

/// <summary>How often a fund is paid and published: each period is one month, one quarter or one year.</summary>
public enum FundFrequency
{
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>
/// When a fund's payments must be public: <see cref="Frequency"/> says what a period is, and a period is due by day
/// <see cref="DueDay"/> of the <see cref="DueMonthsAfter"/>th month after its last month (低保: monthly, by the 15th of the next month).
/// </summary>
public sealed record FundSchedule(FundFrequency Frequency, int DueMonthsAfter, int DueDay)
{
    public const int MaxMonthsAfter = 12;

    public static readonly FundSchedule MonthlyBy15th = new(FundFrequency.Monthly, 1, 15);

    public int MonthsPerPeriod => Frequency switch
    {
        FundFrequency.Monthly => 1,
        FundFrequency.Quarterly => 3,
        _ => 12,
    };

    public string FrequencyName => Frequency switch
    {
        FundFrequency.Monthly => "按月",
        FundFrequency.Quarterly => "按季度",
        _ => "按年",
    };

    /// <summary>The reporting period a payment month belongs to.</summary>
    public ReportingPeriod PeriodOf(Period month)
    {
        var first = (month.Month - 1) / MonthsPerPeriod * MonthsPerPeriod + 1;
        return new ReportingPeriod(Frequency, new Period(month.Year, first), new Period(month.Year, first).AddMonths(MonthsPerPeriod - 1));
    }

    /// <summary>The last day on which publishing a period is on time, in Beijing time; a short month ends earlier (day 31 of February is its last day).</summary>
    public DateOnly DueDate(ReportingPeriod period)
    {
        var month = period.Last.AddMonths(DueMonthsAfter);
        return new DateOnly(month.Year, month.Month, Math.Min(DueDay, DateTime.DaysInMonth(month.Year, month.Month)));
    }

    /// <summary>Says in Chinese when a period is due: 次月15日前, 季度结束后次月15日前, 次年1月31日前.</summary>
    public string Describe()
    {
        var after = Frequency switch
        {
            FundFrequency.Monthly => DueMonthsAfter == 0 ? "当月" : DueMonthsAfter == 1 ? "次月" : $"所属月后第 {DueMonthsAfter} 个月",
            FundFrequency.Quarterly => DueMonthsAfter == 0 ? "季度最后一个月" : $"季度结束后第 {DueMonthsAfter} 个月",
            _ => DueMonthsAfter == 0 ? "当年12月" : $"次年{DueMonthsAfter}月",
        };
        return $"{FrequencyName}公开，{after}{DueDay}日前";
    }
}

/// <summary>One period of a fund's schedule: a month, a quarter or a year, from its first month to its last.</summary>
public readonly record struct ReportingPeriod(FundFrequency Frequency, Period First, Period Last)
{
    public bool Contains(Period month) => month >= First && month <= Last;

    /// <summary>As the API writes it: 2026-05, 2026-Q2, 2026.</summary>
    public string Code => Frequency switch
    {
        FundFrequency.Monthly => First.ToString(),
        FundFrequency.Quarterly => $"{First.Year:D4}-Q{(First.Month - 1) / 3 + 1}",
        _ => $"{First.Year:D4}",
    };

    public string ToChinese() => Frequency switch
    {
        FundFrequency.Monthly => First.ToChinese(),
        FundFrequency.Quarterly => $"{First.Year}年第{(First.Month - 1) / 3 + 1}季度",
        _ => $"{First.Year}年",
    };

    public ReportingPeriod Previous()
    {
        var months = Last.Value == First.Value ? 1 : (Last.Year * 12 + Last.Month) - (First.Year * 12 + First.Month) + 1;
        return new ReportingPeriod(Frequency, First.AddMonths(-months), First.AddMonths(-1));
    }
}
