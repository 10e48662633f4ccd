using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>举报队列: the reports staff work on, filtered by GET parameters so a filtered list can be bookmarked and shared.</summary>
[Authorize(Policy = StaffPolicies.Desk)]
public sealed partial class IndexModel(ReportQueue queue, OfficeScope offices) : PageModel
{
    /// <summary>No list has this many pages; a larger number in a URL would overflow the offset.</summary>
    public const int MaxPage = 1_000_000;

    public QueueFilter Filter { get; private set; } = new();
    public QueuePage Results { get; private set; } = null!;

    /// <summary>The offices below the reader's, whose queues it reads for oversight.</summary>
    public IReadOnlyList<Office> Overseen { get; private set; } = [];

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)Results.PageSize));

    /// <summary>The due filters staff can pick, by their query value.</summary>
    public static IReadOnlyList<DueMark> DueFilters { get; } = [DueMark.Near, DueMark.Overdue];

    public async Task OnGetAsync()
    {
        // Parsed by hand: "page" is a reserved route value in Razor Pages. Unknown values mean "any".
        var query = Request.Query;
        Filter = new QueueFilter(
            ReportTerms.ParseStatus(query["status"]),
            ReportTerms.ParseCategory(query["category"]),
            RegionPrefix().IsMatch(query["region"].ToString()) ? query["region"].ToString() : null,
            ReportTerms.ParseLevel(query["level"]),
            DueFilters.Where(d => d.ToString() == query["due"]).Cast<DueMark?>().FirstOrDefault(),
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is > 0 and < MaxPage ? page : 1,
            string.IsNullOrWhiteSpace(query["office"]) ? null : query["office"].ToString(),
            UrgedOnly: query["urged"] == "yes",
            SupervisedOnly: query["supervised"] == "yes");
        Overseen = offices.Overseen(User.Actor());
        Results = await queue.ListAsync(Filter, User.Actor(), HttpContext.RequestAborted);
    }

    /// <summary>A page of the list with the same filters.</summary>
    public string PageLink(int page) => "/admin" + new QueryBuilder(new (string Key, string? Value)[]
    {
        ("status", Filter.Status?.ToString()), ("category", Filter.Category?.ToString()), ("level", Filter.Level?.ToString()),
        ("region", Filter.Region), ("due", Filter.Due?.ToString()), ("office", Results.ReadOnly ? Results.Office?.Code ?? QueueFilter.AllBelow : null),
        ("urged", Filter.UrgedOnly ? "yes" : null), ("supervised", Filter.SupervisedOnly ? "yes" : null), ("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
    }.Where(q => q.Value is not null).Select(q => KeyValuePair.Create(q.Key, q.Value!))).ToQueryString();

    [GeneratedRegex("^[0-9]{2,12}$")]
    private static partial Regex RegionPrefix();
}
