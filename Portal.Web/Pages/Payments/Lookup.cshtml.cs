using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Payments;

/// <summary>
/// 本人查询: a villager finds their own payments by name and ID number. Neither is ever written back into the
/// page, and an unknown person gets exactly the answer of someone without payments.
/// </summary>
[EnableRateLimiting(ClientRateLimits.Lookup)]
public sealed class LookupModel(IPaymentIndex index, OwnerKey owners, LookupThrottle throttle, TimeProvider clock) : PageModel
{
    public string? Error { get; private set; }

    /// <summary>Null until a well-formed query was made.</summary>
    public IReadOnlyList<PublicPayment>? Payments { get; private set; }

    /// <summary>
    /// The name a village list links here with, when a full name was typed into its name box: filled in so that only the ID
    /// number remains to type. Never after a query: what was asked is not written back.
    /// </summary>
    public string? LinkedName { get; private set; }

    public void OnGet()
    {
        NoStore();
        var name = Request.Query["name"].ToString().Trim();
        LinkedName = name.Length is > 0 and <= PaymentQueryParser.MaxNameLength ? name : null;
    }

    // Read from the form, not bound as handler arguments: the framework's debug log prints handler arguments.
    public async Task OnPostAsync()
    {
        NoStore();
        var name = Request.Form["name"].ToString();
        var idNumber = Request.Form["idNumber"].ToString();
        Error = PaymentQueryParser.OwnLookup(name, idNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime))?.Message;
        if (Error is not null) return;
        if (!throttle.TryAcquire(name))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = LookupThrottle.Refusal;
            return;
        }
        Payments = await index.FindOwnAsync(owners.For(name, idNumber), HttpContext.RequestAborted);
    }

    // Answers about a person must not stay in any cache, shared or in the phone.
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
