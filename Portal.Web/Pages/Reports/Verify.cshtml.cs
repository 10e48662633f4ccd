using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;
using Portal.Core.Reports;

namespace Portal.Web.Pages.Reports;

/// <summary>回执验证: anyone holding a proof of filing can check that this office issued it; the answer says nothing about reporter or content.</summary>
[EnableRateLimiting(ClientRateLimits.ReportLookup)]
public sealed class VerifyModel(ReportProgress progress, FilingProof proofs) : PageModel
{
    /// <summary>Longer than any real proof; what is pasted beyond it is not written back.</summary>
    public const int MaxProofLength = 400;

    public string PublicKeyPem => proofs.PublicKeyPem;
    public string Proof { get; private set; } = "";
    public bool Checked { get; private set; }
    public ParsedProof? Valid { get; private set; }

    public void OnGet() { }

    public async Task OnPostAsync()
    {
        var pasted = Request.Form["proof"].ToString().Trim();
        Proof = pasted.Length > MaxProofLength ? pasted[..MaxProofLength] : pasted;
        Valid = await progress.VerifyProofAsync(pasted, HttpContext.RequestAborted);
        Checked = true;
    }
}
