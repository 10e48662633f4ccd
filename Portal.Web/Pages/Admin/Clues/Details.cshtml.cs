using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Funds;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Hosting;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Clues;

/// <summary>
/// One clue: what the 核查 request needs (masked name, village, fund, period, amount, rule and reason, the source row), its
/// history and evidence, the reports about its payment, and the steps the signed-in 监督 may take now. Core checks every
/// step again; a refusal is shown at the top and what was typed into that form is kept.
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
[RequestSizeLimit(ClueLimits.MaxRequestBytes)]
// Evidence stays in memory up to the limit, so it is never written to a temporary file in plaintext.
[RequestFormLimits(MultipartBodyLengthLimit = ClueLimits.MaxRequestBytes, MemoryBufferThreshold = (int)ClueLimits.MaxRequestBytes)]
public sealed class DetailsModel(ClueQuery query, ClueLedger ledger, IdentityRequests identities, ReportQueue reports, RegionCatalog regions, FundCatalog funds,
    RuleCards rules) : PageModel
{
    public ClueDetails Details { get; private set; } = null!;
    public Clue Clue => Details.Clue;
    public StaffActor Actor { get; private set; } = null!;
    public IReadOnlyList<StaffAccount> Supervisors { get; private set; } = [];
    public IReadOnlyList<IdentityRequestLine> Requests { get; private set; } = [];
    public IReadOnlyList<PaymentReport> Reports { get; private set; } = [];

    /// <summary>The recipient, only in the answer to the one approved reveal.</summary>
    public RecipientIdentity? Revealed { get; private set; }

    public string? Refusal { get; private set; }
    public string? RefusedForm { get; private set; }

    // Bound properties, not handler arguments: the framework's trace log prints handler arguments.
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid? AssigneeId { get; set; }
    [BindProperty] public string? Finding { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Recovered { get; set; }
    [BindProperty] public bool PaymentStopped { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public long RequestId { get; set; }

    private bool Open => Clue.ProposedState is null;
    private bool IsAssignee => Clue.AssigneeId == Actor.Id;
    public bool CanAssign => Open && !ClueStates.IsClosed(Clue.State);
    public bool CanRecordFinding => Open && IsAssignee && Clue.State == ClueState.Verifying;
    public bool CanStartRectifying => Open && IsAssignee && Clue.State is ClueState.Confirmed or ClueState.PartlyConfirmed;
    public bool CanProposeRectified => Open && IsAssignee && Clue.State == ClueState.Rectifying;
    public bool CanConfirm => !Open && Clue.ProposedById != Actor.Id;
    public bool MayRequestIdentity => !Requests.Any(r => r.RequesterId == Actor.Id && r.RevealedAt is null && r.Approved != false);

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id);

    public Task<IActionResult> OnPostAssignAsync(long id) => ActAsync(id, "assign", actor => ledger.AssignAsync(id, Version, actor, AssigneeId, Note, Aborted));

    public Task<IActionResult> OnPostFindingAsync(long id) => ActAsync(id, "finding", actor =>
        ledger.RecordFindingAsync(id, Version, actor, Enum.TryParse<ClueFinding>(Finding, out var f) ? f : null, Note, Files, Aborted));

    public Task<IActionResult> OnPostRectifyAsync(long id) => ActAsync(id, "rectify", actor => ledger.StartRectifyingAsync(id, Version, actor, Note, Aborted));

    public Task<IActionResult> OnPostProposeAsync(long id) => ActAsync(id, "propose", actor =>
    {
        if (string.IsNullOrWhiteSpace(Recovered)) return ledger.ProposeRectifiedAsync(id, Version, actor, null, PaymentStopped, Note, Files, Aborted);
        return decimal.TryParse(Recovered.Trim().TrimStart('¥', '￥').Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? ledger.ProposeRectifiedAsync(id, Version, actor, amount, PaymentStopped, Note, Files, Aborted)
            : Task.FromResult<string?>($"追回金额“{Recovered}”不是数字，请写成 1800 或 1800.50 这样的金额（单位：元）。");
    });

    public Task<IActionResult> OnPostConfirmAsync(long id) => ActAsync(id, "confirm", actor => ledger.ConfirmAsync(id, Version, actor, Note, Aborted));

    public Task<IActionResult> OnPostSendBackAsync(long id) => ActAsync(id, "sendback", actor => ledger.SendBackAsync(id, Version, actor, Note, Aborted));

    public Task<IActionResult> OnPostRequestAsync(long id) => ActAsync(id, "request", actor => identities.RequestAsync(id, actor, Reason, Aborted));

    public Task<IActionResult> OnPostApproveAsync(long id) => ActAsync(id, "decide", actor => identities.DecideAsync(RequestId, actor, approve: true, Aborted));

    public Task<IActionResult> OnPostRefuseAsync(long id) => ActAsync(id, "decide", actor => identities.DecideAsync(RequestId, actor, approve: false, Aborted));

    /// <summary>The one approved reveal: answered in this response only, never redirected to, never cached.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id)
    {
        var reveal = await identities.RevealAsync(RequestId, User.Actor(), Aborted);
        (Revealed, Refusal, RefusedForm) = (reveal.Identity, reveal.Refusal, reveal.Refusal is null ? null : "reveal");
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(id);
    }

    public string RuleTitle => rules.Title(Clue.RuleCode);

    public string FundName => funds.ByCode(Clue.FundCode)?.Name ?? Clue.FundCode;

    public string VillageName => regions.Find(Clue.VillageCode) is { } village
        ? string.Concat(regions.Path(village).Where(r => r.Level >= RegionLevel.County).Select(RegionCatalog.DisplayName))
        : Clue.VillageCode;

    /// <summary>The typed value of a field, only in the form whose submission was refused.</summary>
    public string? Kept(string form, string? value) => RefusedForm == form ? value : null;

    private List<IncomingFile> Files => Request.HasFormContentType ? IncomingFiles.From(Request.Form.Files, "Evidence") : [];

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<IActionResult> ActAsync(long id, string form, Func<StaffActor, Task<string?>> step)
    {
        Refusal = await step(User.Actor());
        if (Refusal is null) return RedirectToPage(new { id });
        RefusedForm = form;
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(long id)
    {
        Actor = User.Actor();
        if (await query.OpenAsync(id, Actor, Aborted) is not { } details)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这条线索", "线索编号不存在，或不在本机关辖区。请从线索台账打开。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Details = details;
        Requests = await identities.ForClueAsync(id, Aborted);
        Reports = await reports.AboutPaymentAsync(Clue.PaymentId, Actor, Aborted);
        if (CanAssign) Supervisors = await query.SupervisorsAsync(Clue, Aborted);
        // After a refused step the form shows the clue as it is now; a stale form must be sent again knowingly.
        Version = Clue.Version;
        ModelState.Remove(nameof(Version));
        return Page();
    }
}
