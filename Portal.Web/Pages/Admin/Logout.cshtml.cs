using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>Signing out is a POST (with antiforgery), so no link on another site can sign a staff member out.</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffSignIn.Scheme);
        return LocalRedirect(StaffSignIn.LoginPath);
    }
}
