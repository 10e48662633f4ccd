using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public PageProblem Problem { get; private set; } = ErrorPages.Default(500);

    public void OnGet() => Show();

    // A failed POST (a lookup, a report) is re-executed as POST too. Nothing is bound, so its body is never read:
    // it may be the very upload that was refused for its size.
    public void OnPost() => Show();

    private void Show()
    {
        var code = int.TryParse(Request.Query["status"], out var status) && status is >= 400 and <= 599 ? status : 404;
        Response.StatusCode = code;
        Response.Headers.CacheControl = "no-store";
        Problem = HttpContext.Features.Get<PageProblem>() ?? ErrorPages.Default(code);
    }
}
