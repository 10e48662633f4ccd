using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Exhibition;

namespace Portal.Web.Pages.Exhibition;

/// <summary>廉政教育展厅: the halls in order, each with its cover, summary, number of exhibits and 累计访问量.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.HallList)]
public sealed class IndexModel(IExhibitionContent content, HallVisitCounter visits) : PageModel
{
    public IReadOnlyList<Hall> Halls { get; private set; } = [];

    public string Visits(Hall hall) => ExhibitionText.Count(visits.Count(hall.Slug));

    public void OnGet() => Halls = content.Halls();
}
