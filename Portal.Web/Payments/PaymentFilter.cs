using Portal.Core.Funds;
using Portal.Core.Payments;

namespace Portal.Web.Payments;

/// <summary>
/// The query string of a region page (fund, period, q, sort, page, pageSize), checked before it reaches the
/// index. Anything malformed is refused with advice rather than silently ignored, so a shared link never
/// shows something other than what it says.
/// </summary>
public sealed record PaymentFilter(Fund? Fund, Period? Period, string? Name, PaymentSort Sort, string? SortText, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxNameLength = 20;

    public static readonly IReadOnlyList<(string Value, string Label, PaymentSort Sort)> Sorts =
    [
        ("period-desc", "月份从新到旧", PaymentSort.PeriodDesc),
        ("period-asc", "月份从旧到新", PaymentSort.PeriodAsc),
        ("amount-desc", "金额从高到低", PaymentSort.AmountDesc),
        ("amount-asc", "金额从低到高", PaymentSort.AmountAsc),
        ("name", "按姓名", PaymentSort.Name),
    ];

    public string? FundCode => Fund?.Code;
    public string? PeriodText => Period?.ToString();

    public PaymentQuery ToQuery(string regionCode) => new()
    {
        RegionCode = regionCode, FundCode = Fund?.Code, Period = Period, Name = Name, Sort = Sort, Page = Page, PageSize = PageSize,
    };

    /// <summary>Parses the query string; on failure, problem says in Chinese what is wrong and how to fix it.</summary>
    public static PaymentFilter? Parse(IQueryCollection query, FundCatalog funds, out string? problem)
    {
        problem = null;
        var fundText = Value(query, "fund");
        var fund = funds.ByCode(fundText);
        if (fundText is not null && fund is null)
            return Refuse(out problem, "资金类别不存在。请在“资金”下拉框中选择，或选“全部资金”。");

        Period? period = null;
        if (Value(query, "period") is { } periodText)
        {
            if (!Portal.Core.Payments.Period.TryParseIso(periodText, out var p)) return Refuse(out problem, "月份格式不正确。请写成“年-月”，例如 2026-05，或在“月份”下拉框中选择。");
            period = p;
        }

        var name = Value(query, "q");
        if (name is { Length: > MaxNameLength }) return Refuse(out problem, $"搜索内容太长。请输入姓氏（如“张”）或公示的姓名（如“张*明”），不超过 {MaxNameLength} 个字。");

        var sortText = Value(query, "sort");
        var sort = PaymentSort.Default;
        if (sortText is not null)
        {
            var match = Sorts.FirstOrDefault(s => s.Value == sortText);
            if (match.Value is null) return Refuse(out problem, "排序方式不正确。请在“排序”下拉框中选择。");
            sort = match.Sort;
        }

        if (!Number(query, "pageSize", DefaultPageSize, out var pageSize) || pageSize is < 1 or > PaymentQuery.MaxPageSize)
            return Refuse(out problem, $"每页条数不正确。请填写 1 到 {PaymentQuery.MaxPageSize} 之间的数字。");
        var maxPage = Core.Payments.Lucene.LucenePaymentIndex.MaxResultWindow / pageSize;
        if (!Number(query, "page", 1, out var page) || page < 1 || page > maxPage)
            return Refuse(out problem, $"页码不正确。请填写 1 到 {maxPage} 之间的数字，或缩小筛选范围。");

        return new PaymentFilter(fund, period, name, sort, sortText, page, pageSize);
    }

    private static PaymentFilter? Refuse(out string? problem, string text)
    {
        problem = text;
        return null;
    }

    // An empty field from the GET form means "not chosen".
    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    private static bool Number(IQueryCollection query, string key, int fallback, out int value)
    {
        value = fallback;
        if (query.TryGetValue(key, out var v) && v.Count > 1) return false;
        return Value(query, key) is not { } text || int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
