using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Reports;

/// <summary>
/// One report in full, its timeline with staff notes, its likely duplicates, and the steps the signed-in
/// staff member may take now. Core checks every step again; a refusal is shown at the top and what was
/// typed into that form is kept.
/// </summary>
[Authorize(Policy = StaffPolicies.Desk)]
public sealed class DetailsModel(ReportQueue queue, ReportHandling handling, StaffAccounts accounts, RegionCatalog regions, ClueQuery clues, RuleCards rules, OfficeScope offices) : PageModel
{
    public ReportDetails Report { get; private set; } = null!;
    public StaffActor Actor { get; private set; } = null!;
    public IReadOnlyList<StaffAccount> Handlers { get; private set; } = [];

    /// <summary>Where this office can hand the report: the office above, the offices below.</summary>
    public IReadOnlyList<Office> HandOverTargets { get; private set; } = [];

    /// <summary>The ledger's clues on the disputed payment; only a 监督 sees them.</summary>
    public IReadOnlyList<Clue> Clues { get; private set; } = [];

    /// <summary>Core's refusal of the last step, and the form it came from.</summary>
    public string? Refusal { get; private set; }
    public string? RefusedForm { get; private set; }

    // Bound properties, not handler arguments: the framework's trace log prints handler arguments.
    [BindProperty] public string? PublicNote { get; set; }
    [BindProperty] public string? StaffNote { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public Guid? AssigneeId { get; set; }
    [BindProperty] public string? Disposition { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public string? OfficeCode { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Demand { get; set; }

    /// <summary>Only the handling office acts; a superior office reading it for oversight sees no step.</summary>
    private bool OwnOffice => !Report.ReadOnly;
    public bool CanDecide => OwnOffice && Actor.Has(StaffRoles.Intake) && StatusFlow.Allows(Report.Status, ReportStatus.Accepted);
    public bool CanTransfer => OwnOffice && Actor.Has(StaffRoles.Intake) && StatusFlow.Allows(Report.Status, ReportStatus.Transferred);
    public bool CanHandOver => OwnOffice && Actor.Has(StaffRoles.Intake) && Report.Status is ReportStatus.Submitted or ReportStatus.Accepted && HandOverTargets.Count > 0;

    /// <summary>A superior office reading a subordinate's open report may press it (督办); that is its only step.</summary>
    public bool CanSupervise => Report.ReadOnly && Actor.Has(StaffRoles.Intake) && !StatusFlow.IsClosed(Report.Status) && !Report.SupervisedThisStep;

    public bool CanStart => IsAssignee && StatusFlow.Allows(Report.Status, ReportStatus.InProgress);
    public bool CanReply => IsAssignee && Report.Status is ReportStatus.Transferred or ReportStatus.InProgress;
    public bool CanConclude => IsAssignee && StatusFlow.Allows(Report.Status, ReportStatus.Concluded);
    private bool IsAssignee => OwnOffice && Actor.Has(StaffRoles.Handler) && Report.AssigneeId == Actor.Id;

    public Task<IActionResult> OnGetAsync(Guid id) => ShowAsync(id);

    public Task<IActionResult> OnPostAcceptAsync(Guid id) => ActAsync(id, "accept", actor => handling.AcceptAsync(id, actor, Step, Aborted));

    public Task<IActionResult> OnPostRefuseAsync(Guid id) => ActAsync(id, "refuse", actor => handling.RefuseAsync(id, actor, Step, Aborted));

    public Task<IActionResult> OnPostTransferAsync(Guid id) => ActAsync(id, "transfer", actor => handling.TransferAsync(id, actor, Unit, AssigneeId, Step, Aborted));

    /// <summary>
    /// After a 交办 the sender still reads the report for oversight, so it sees the new office at once; after a 报送 it no
    /// longer reads it and goes back to its queue.
    /// </summary>
    public async Task<IActionResult> OnPostHandOverAsync(Guid id)
    {
        var actor = User.Actor();
        Refusal = await handling.HandOverAsync(id, actor, OfficeCode, Reason, Aborted);
        if (Refusal is null) return offices.Oversees(actor, OfficeCode ?? "") ? RedirectToPage(new { id }) : Redirect("/admin");
        RefusedForm = "handover";
        return await ShowAsync(id);
    }

    public Task<IActionResult> OnPostSuperviseAsync(Guid id) => ActAsync(id, "supervise", actor => handling.SuperviseAsync(id, actor, Demand, Aborted));

    public Task<IActionResult> OnPostStartAsync(Guid id) => ActAsync(id, "start", actor => handling.StartAsync(id, actor, Step, Aborted));

    public Task<IActionResult> OnPostReplyAsync(Guid id) => ActAsync(id, "reply", actor => handling.ReplyAsync(id, actor, Reply, Aborted));

    public Task<IActionResult> OnPostConcludeAsync(Guid id) =>
        ActAsync(id, "conclude", actor => handling.ConcludeAsync(id, actor, ReportTerms.ParseDisposition(Disposition), Step, Aborted));

    /// <summary>The name of the village a disputed payment was published in.</summary>
    public string VillageName(string code) =>
        regions.Find(code) is { } village ? string.Concat(regions.Path(village).Select(RegionCatalog.DisplayName)) : code;

    public string RuleTitle(string code) => rules.Title(code);

    /// <summary>The typed value of a field, only in the form whose submission was refused.</summary>
    public string? Kept(string form, string? value) => RefusedForm == form ? value : null;

    private StaffStep Step => new(PublicNote, StaffNote);

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<IActionResult> ActAsync(Guid id, string form, Func<StaffActor, Task<string?>> step)
    {
        Refusal = await step(User.Actor());
        if (Refusal is null) return RedirectToPage(new { id });
        RefusedForm = form;
        return await ShowAsync(id);
    }

    private async Task<IActionResult> ShowAsync(Guid id)
    {
        Actor = User.Actor();
        if (await queue.OpenAsync(id, Actor, Aborted) is not { } report)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这件举报", "编号不存在，或这件举报不属于您所在机关，或没有转给您承办。请从举报队列打开。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Report = report;
        if (CanTransfer) Handlers = await accounts.HandlersAsync(Actor.Office, Aborted);
        if (!report.ReadOnly) HandOverTargets = offices.HandOverTargets(Actor);
        Clues = await clues.OnPaymentAsync(report.Content.Payment?.Id, Actor, Aborted);
        return Page();
    }
}
