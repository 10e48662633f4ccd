using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Exhibition;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin.Exhibition;

/// <summary>展厅与新闻: every hall with its exhibits, and the news, each with where it stands in review.</summary>
[Authorize(Policy = StaffPolicies.Press)]
public sealed class IndexModel(ExhibitionPublishing publishing, NewsOffices offices) : PageModel
{
    /// <summary>Halls and exhibits are city-wide: an officer of a county office writes news only.</summary>
    public bool EditsExhibition => offices.RefusalToEditExhibition(User.Actor()) is null;

    public IReadOnlyList<ExhibitionRow> Rows { get; private set; } = [];

    public IEnumerable<ExhibitionRow> Halls => Rows.Where(r => r.Item.Kind == ExhibitionItemKind.Hall);

    public IEnumerable<ExhibitionRow> ExhibitsOf(string hall) =>
        Rows.Where(r => r.Item.Kind == ExhibitionItemKind.Exhibit && r.Item.Key.StartsWith(hall + "/", StringComparison.Ordinal));

    public IEnumerable<ExhibitionRow> News => Rows.Where(r => r.Item.Kind == ExhibitionItemKind.Article);

    public IEnumerable<ExhibitionRow> Waiting => Rows.Where(r => r.Item.Stage == PublishingStage.Submitted);

    public async Task OnGetAsync() => Rows = await publishing.OverviewAsync(User.Actor(), HttpContext.RequestAborted);
}
