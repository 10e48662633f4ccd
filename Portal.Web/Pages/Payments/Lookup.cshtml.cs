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
    public const int MaxNameLength = 30;

    public string? Error { get; private set; }

    /// <summary>Null until a well-formed query was made.</summary>
    public IReadOnlyList<PublicPayment>? Payments { get; private set; }

    public void OnGet() => NoStore();

    // Read from the form, not bound as handler arguments: the framework's debug log prints handler arguments.
    public async Task OnPostAsync()
    {
        NoStore();
        var name = Request.Form["name"].ToString();
        var idNumber = Request.Form["idNumber"].ToString();
        Error = Problem(name, idNumber);
        if (Error is not null) return;
        if (!throttle.TryAcquire(name!))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = LookupThrottle.Refusal;
            return;
        }
        Payments = await index.FindOwnAsync(owners.For(name!, idNumber!), HttpContext.RequestAborted);
    }

    private string? Problem(string? name, string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(name)) return "请输入姓名。";
        if (NameMask.Normalize(name).Length > MaxNameLength) return $"姓名太长，请输入身份证上的姓名（不超过 {MaxNameLength} 个字）。";
        return IdNumber.Explain(IdNumber.Check(idNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)));
    }

    // Answers about a person must not stay in any cache, shared or in the phone.
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
