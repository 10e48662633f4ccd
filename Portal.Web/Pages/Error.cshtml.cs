using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public PageProblem Problem { get; private set; } = ErrorPages.Default(500);

    public void OnGet(int? status) => Show(status);

    // A failed POST (the lookup form) is re-executed as POST too.
    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        var code = status is >= 400 and <= 599 ? status.Value : 404;
        Response.StatusCode = code;
        Response.Headers.CacheControl = "no-store";
        Problem = HttpContext.Features.Get<PageProblem>() ?? ErrorPages.Default(code);
    }
}
