using System.Globalization;
using Portal.Core.Funds;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Payments;

/// <summary>The part of a payment query a person got wrong: each host words it for its readers (the site's form, the API's parameters).</summary>
public enum PaymentQueryField { Region, Fund, Period, Name, Sort, Page, PageSize, OwnName, IdNumber }

/// <summary>What was refused, and the limit that applies there (the longest name, the largest page size, the last page), else 0.</summary>
public sealed record PaymentQueryProblem(PaymentQueryField Field, int Limit = 0);

/// <summary>A payment query as a link or a form carries it: each value as typed, null or blank when not chosen.</summary>
public sealed record PaymentQueryText(
    string? Region = null, string? Fund = null, string? Period = null, string? Name = null, string? Sort = null, string? Page = null, string? PageSize = null);

/// <summary>
/// Reads a payment query, and the name and ID number of a self lookup, the same way for the site and the API: anything
/// malformed is refused rather than ignored, so a shared link never shows something other than what it says.
/// </summary>
public static class PaymentQueryParser
{
    /// <summary>The longest name searched for or looked up, after normalizing (the longest names on ID cards are under 30).</summary>
    public const int MaxNameLength = 30;

    public const int DefaultPageSize = 20;

    public static readonly IReadOnlyList<(string Value, PaymentSort Sort)> Sorts =
    [
        ("period-desc", PaymentSort.PeriodDesc),
        ("period-asc", PaymentSort.PeriodAsc),
        ("amount-desc", PaymentSort.AmountDesc),
        ("amount-asc", PaymentSort.AmountAsc),
        ("name", PaymentSort.Name),
    ];

    /// <summary>The last page any index serves at this page size.</summary>
    public static int LastPage(int pageSize) => PaymentQuery.MaxResultWindow / pageSize;

    /// <summary>Whether a page after this one has payments and is within reach of the index.</summary>
    public static bool HasNextPage(PaymentPage page) =>
        (long)page.Page * page.PageSize < page.TotalCount && page.Page + 1 <= LastPage(page.PageSize);

    /// <summary>A region by code; nothing, 0 or root is the whole country.</summary>
    public static Region? Region(RegionCatalog regions, string? code) =>
        Blank(code) || code!.Trim() is "0" or "root" ? RegionCatalog.Country : regions.Find(code.Trim());

    public static PaymentQueryProblem? Fund(FundCatalog funds, string? text, out Fund? fund)
    {
        fund = Blank(text) ? null : funds.ByCode(text!.Trim());
        return Blank(text) || fund is not null ? null : new PaymentQueryProblem(PaymentQueryField.Fund);
    }

    public static PaymentQueryProblem? Period(string? text, out Period? period)
    {
        period = null;
        if (Blank(text)) return null;
        if (!Payments.Period.TryParseIso(text!.Trim(), out var p)) return new PaymentQueryProblem(PaymentQueryField.Period);
        period = p;
        return null;
    }

    /// <summary>Reads a search; either the query or the first problem with it.</summary>
    public static PaymentQueryProblem? Search(RegionCatalog regions, FundCatalog funds, PaymentQueryText text, out PaymentQuery query)
    {
        query = new PaymentQuery();
        if (Region(regions, text.Region) is not { } region) return new PaymentQueryProblem(PaymentQueryField.Region);
        if (Fund(funds, text.Fund, out var fund) is { } fundProblem) return fundProblem;
        if (Period(text.Period, out var period) is { } periodProblem) return periodProblem;

        var name = Blank(text.Name) ? null : text.Name!.Trim();
        if (name?.Length > MaxNameLength) return new PaymentQueryProblem(PaymentQueryField.Name, MaxNameLength);

        var sort = PaymentSort.Default;
        if (!Blank(text.Sort))
        {
            var match = Sorts.FirstOrDefault(s => s.Value.Equals(text.Sort!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Value is null) return new PaymentQueryProblem(PaymentQueryField.Sort);
            sort = match.Sort;
        }

        if (!Number(text.PageSize, DefaultPageSize, out var pageSize) || pageSize is < 1 or > PaymentQuery.MaxPageSize)
            return new PaymentQueryProblem(PaymentQueryField.PageSize, PaymentQuery.MaxPageSize);
        if (!Number(text.Page, 1, out var page) || page < 1 || page > LastPage(pageSize))
            return new PaymentQueryProblem(PaymentQueryField.Page, LastPage(pageSize));

        query = new PaymentQuery
        {
            RegionCode = region.Code, FundCode = fund?.Code, Period = period, Name = name, Sort = sort, Page = page, PageSize = pageSize,
        };
        return null;
    }

    /// <summary>Checks a self lookup's name and ID number; the problem's message says what to correct.</summary>
    public static (PaymentQueryField Field, string Message)? OwnLookup(string? name, string? idNumber, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name)) return (PaymentQueryField.OwnName, "请输入本人姓名。");
        if (NameMask.Normalize(name).Length > MaxNameLength)
            return (PaymentQueryField.OwnName, $"姓名太长，请输入身份证上的姓名（不超过 {MaxNameLength} 个字）。");
        return IdNumber.Explain(IdNumber.Check(idNumber, today)) is { } message ? (PaymentQueryField.IdNumber, message) : null;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static bool Number(string? text, int fallback, out int value)
    {
        value = fallback;
        return Blank(text) || int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
