using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Web.Payments;

/// <summary>
/// The query string of a region page (fund, period, q, sort, page, pageSize) as the page's form shows it, read by
/// <see cref="PaymentQueryParser"/>. Anything malformed is refused with advice about the form rather than silently
/// ignored, so a shared link never shows something other than what it says.
/// </summary>
public sealed record PaymentFilter(Fund? Fund, Period? Period, string? Name, PaymentSort Sort, string? SortText, int Page, int PageSize)
{
    public const int DefaultPageSize = PaymentQueryParser.DefaultPageSize;
    public const int MaxNameLength = PaymentQueryParser.MaxNameLength;

    public static readonly IReadOnlyList<(string Value, string Label, PaymentSort Sort)> Sorts = PaymentQueryParser.Sorts
        .Select(s => (s.Value, Label(s.Sort), s.Sort)).ToList();

    public string? FundCode => Fund?.Code;
    public string? PeriodText => Period?.ToString();

    public PaymentQuery ToQuery(string regionCode) => new()
    {
        RegionCode = regionCode, FundCode = Fund?.Code, Period = Period, Name = Name, Sort = Sort, Page = Page, PageSize = PageSize,
    };

    /// <summary>Parses the query string; on failure, problem says in Chinese what is wrong and how to fix it.</summary>
    public static PaymentFilter? Parse(IQueryCollection query, Region region, RegionCatalog regions, FundCatalog funds, out string? problem)
    {
        var text = new PaymentQueryText(region.Code, Value(query, "fund"), Value(query, "period"), Value(query, "q"), Value(query, "sort"),
            Number(query, "page"), Number(query, "pageSize"));
        var refused = PaymentQueryParser.Search(regions, funds, text, out var read);
        problem = refused is null ? null : Advice(refused);
        if (refused is not null) return null;
        var sortText = PaymentQueryParser.Sorts.FirstOrDefault(s => s.Sort == read.Sort && read.Sort != PaymentSort.Default).Value;
        return new PaymentFilter(funds.ByCode(read.FundCode), read.Period, read.Name, read.Sort, sortText, read.Page, read.PageSize);
    }

    private static string Advice(PaymentQueryProblem problem) => problem.Field switch
    {
        PaymentQueryField.Fund => "资金类别不存在。请在“资金”下拉框中选择，或选“全部资金”。",
        PaymentQueryField.Period => "月份格式不正确。请写成“年-月”，例如 2026-05，或在“月份”下拉框中选择。",
        PaymentQueryField.Name => $"搜索内容太长。请输入姓氏（如“张”）或公示的姓名（如“张*明”），不超过 {problem.Limit} 个字。",
        PaymentQueryField.Sort => "排序方式不正确。请在“排序”下拉框中选择。",
        PaymentQueryField.PageSize => $"每页条数不正确。请填写 1 到 {problem.Limit} 之间的数字。",
        _ => $"页码不正确。请填写 1 到 {problem.Limit} 之间的数字，或缩小筛选范围。",
    };

    private static string Label(PaymentSort sort) => sort switch
    {
        PaymentSort.PeriodDesc => "月份从新到旧",
        PaymentSort.PeriodAsc => "月份从旧到新",
        PaymentSort.AmountDesc => "金额从高到低",
        PaymentSort.AmountAsc => "金额从低到高",
        _ => "按姓名",
    };

    // An empty field from the GET form means "not chosen".
    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[0]) ? v[0] : null;

    // A number given twice is not one number: joined, it is refused.
    private static string? Number(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.Count > 1 ? v.ToString() : Value(query, key);
}
