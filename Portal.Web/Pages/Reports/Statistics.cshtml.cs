using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Core.Reports.Statistics;
using Portal.Hosting;
using Portal.Web.Payments;

namespace Portal.Web.Pages.Reports;

/// <summary>
/// 举报办理情况: how an office, or every office of the deployment, handled reports over some months. Aggregates only, small
/// counts as 少于3, and never an office below a county (its name would name the place).
/// </summary>
[EnableRateLimiting(ClientRateLimits.Search)]
public sealed class StatisticsModel(ReportStatistics statistics, OfficeTree tree, RegionCatalog regions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Office> Offices { get; private set; } = [];
    public Office? Office { get; private set; }
    public string? OfficeCode { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string? Problem { get; private set; }
    public HandlingRecord? Record { get; private set; }
    public BarChart? MonthChart { get; private set; }
    public BarChart? CategoryChart { get; private set; }

    /// <summary>Whose figures these are, as the heading says it.</summary>
    public string Whose => Office?.Name ?? $"{TopName}及下级纪委监委";

    public string TopName => tree.Top.Name;

    public async Task OnGetAsync(string? office, string? from, string? to)
    {
        Offices = StatisticsScope.Listed(tree, regions);
        OfficeCode = string.IsNullOrWhiteSpace(office) ? null : office.Trim();
        From = from?.Trim() ?? "";
        To = to?.Trim() ?? "";
        if (OfficeCode is not null && (Office = Offices.FirstOrDefault(o => o.Code == OfficeCode)) is null)
        {
            Refuse($"没有代码为“{OfficeCode}”的纪委监委。请在下面的列表中选择。");
            return;
        }
        var (months, problem) = MonthRange.Parse(from, to, MonthRange.LastYear(clock.GetUtcNow()));
        if (months is null)
        {
            Refuse(problem!.Text);
            return;
        }
        From = months.From.ToString();
        To = months.To.ToString();
        Record = await statistics.RecordAsync(Office is null ? tree.All : [Office], months, HttpContext.RequestAborted);
        MonthChart = new BarChart("chart-months", "每月收到的举报", $"{Whose}每月收到的举报件数",
            Record.Months.Select(m => Bar(m.Month.ToChinese(), m.Figures.Received)).ToList());
        CategoryChart = new BarChart("chart-categories", "按问题类别", $"{Whose}收到的举报按问题类别的件数",
            Record.ByCategory.Select(c => Bar(c.Category.Name(), c.Count)).ToList());
    }

    /// <summary>A bar of a count: one or two is drawn as none, so its length cannot tell what its label does not.</summary>
    private static BarChart.Bar Bar(string label, PublicCount count) => new(label, count.Suppressed ? 0 : count.Value, count.Value) { Text = count.Text };

    private void Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
