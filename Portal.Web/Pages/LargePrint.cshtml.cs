using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages;

/// <summary>Turns large print on or off with a plain link and goes back to the page the reader was on.</summary>
public sealed class LargePrintModel : PageModel
{
    public IActionResult OnGet(int on = 1, string? returnUrl = null)
    {
        LargePrint.Set(HttpContext, on != 0);
        Response.Headers.CacheControl = "no-store";
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
