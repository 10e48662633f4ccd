using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Regions;
using Portal.Hosting;
using Portal.Web.Payments;

namespace Portal.Web.Pages.Payments;

/// <summary>找村: a village of any county found by its name, pinyin or initials; each answer is one tap from its list.</summary>
[OutputCache(PolicyName = PaymentPageCaching.Static)]
[EnableRateLimiting(ClientRateLimits.Search)]
public sealed class FindModel(VillageSearch search) : PageModel
{
    public string? Query { get; private set; }
    public VillageSearchResult? Result { get; private set; }

    public void OnGet(string? q)
    {
        Query = q;
        // An empty box is the page as first opened, not a mistake.
        if (string.IsNullOrWhiteSpace(q)) return;
        Result = search.Find(q);
        if (Result.Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
