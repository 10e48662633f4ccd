using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Staff;
using Portal.Hosting;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>Staff sign-in: each address may try a few times (the limit), each account waits longer after each wrong password (Core), and every refusal reads the same.</summary>
[EnableRateLimiting(ClientRateLimits.StaffSignIn)]
public sealed class LoginModel(StaffAccounts accounts) : PageModel
{
    public string? Refusal { get; private set; }

    public void OnGet() { }

    // Read from the form, not bound as handler arguments: the framework's trace log prints handler arguments.
    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var result = await accounts.SignInAsync(Request.Form["userName"], Request.Form["password"], HttpContext.RequestAborted);
        if (result.Account is not { } account)
        {
            Refusal = result.Refusal;
            return Page();
        }
        await HttpContext.SignInAsync(StaffSignIn.Scheme, StaffPrincipal.Create(account));
        return LocalRedirect(IsBackOffice(returnUrl) ? returnUrl! : StaffSignIn.Home(StaffActor.Of(account)));
    }

    // Only back to a page of the back office: the sign-in form must not become a redirector.
    private bool IsBackOffice(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) && (returnUrl == StaffSignIn.Area || returnUrl!.StartsWith(StaffSignIn.Area + "/", StringComparison.Ordinal));
}
