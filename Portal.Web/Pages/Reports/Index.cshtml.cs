using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Pages.Reports;

/// <summary>受理范围: what the office takes and where everything else goes; the reporter confirms it before the form opens.</summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Only the id of a public payment record travels on to the form, never anything typed.</summary>
    public string? PaymentId { get; private set; }

    /// <summary>The form was asked for without the confirmation.</summary>
    public bool Unconfirmed { get; private set; }

    public void OnGet()
    {
        PaymentId = Request.Query["paymentId"].ToString() is { Length: > 0 and <= 64 } id ? id : null;
        Unconfirmed = Request.Query["unconfirmed"] == "1";
    }
}
