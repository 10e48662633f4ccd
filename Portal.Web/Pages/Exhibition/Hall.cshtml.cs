using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Exhibition;

/// <summary>A hall as a walk-through: its introduction, then its exhibits in order, each one tap away.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.Halls)]
[CountsHallVisit]
public sealed class HallModel(IExhibitionContent content) : PageModel
{
    public Hall Hall { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (content.Hall(slug) is not { } hall) return HallNotFound(HttpContext);
        Hall = hall;
        return Page();
    }

    internal static IActionResult HallNotFound(HttpContext context)
    {
        context.Fail(StatusCodes.Status404NotFound, "没有这个展厅", "网址中的展厅不存在，可能已经调整。请从“廉政教育展厅”首页进入参观。");
        return new StatusCodeResult(StatusCodes.Status404NotFound);
    }
}
