using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Offices;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>
/// 账号管理: the administrator adds accounts of their own office and the offices below it, changes roles or office, disables
/// an account or sets a new password. Core checks and audits each change.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class StaffModel(StaffAccounts accounts, Departments departments, OfficeScope offices, TimeProvider clock) : PageModel
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    /// <summary>The offices an administrator adds accounts to and moves them between: their own and those below it.</summary>
    public IReadOnlyList<Office> Offices { get; private set; } = [];
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Core's refusal, and the account it is about (null for the new-account form).</summary>
    public string? Problem { get; private set; }
    public Guid? ProblemAccount { get; private set; }

    // Bound properties, not handler arguments: the framework's trace log prints handler arguments. Passwords are never written back.
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public List<StaffRoles> Roles { get; set; } = [];
    [BindProperty] public Guid AccountId { get; set; }
    [BindProperty] public bool Disabled { get; set; }
    [BindProperty] public Guid? DepartmentId { get; set; }
    [BindProperty] public string? OfficeCode { get; set; }

    public async Task OnGetAsync()
    {
        var actor = User.Actor();
        Accounts = await accounts.ListAsync(actor, HttpContext.RequestAborted);
        Departments = await departments.ListAsync(HttpContext.RequestAborted);
        Offices = offices.Office(actor.Office) is { } own ? [own, .. offices.Overseen(actor)] : [];
    }

    public string OfficeName(string code) => offices.Name(code);

    /// <summary>Whether the office is still in content/offices.yaml.</summary>
    public bool Configured(string code) => offices.Office(code) is not null;

    public string? DepartmentName(Guid? id) => Departments.FirstOrDefault(d => d.Id == id)?.Name;

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (_, problem) = await accounts.CreateAsync(UserName ?? "", DisplayName ?? "", Password ?? "", ChosenRoles, User.Actor(), DepartmentId, OfficeCode, HttpContext.RequestAborted);
        return await AfterAsync(problem, null);
    }

    public async Task<IActionResult> OnPostUpdateAsync()
    {
        var problem = await accounts.UpdateAsync(AccountId, ChosenRoles, Disabled, Password, User.Actor(), DepartmentId, OfficeCode, HttpContext.RequestAborted);
        // An account outside the administrator's offices is answered as a guessed address is: it does not exist for them.
        return problem == StaffAccounts.NoSuchAccount ? NotFound() : await AfterAsync(problem, AccountId);
    }

    public StaffRoles ChosenRoles => Roles.Aggregate(StaffRoles.None, (all, role) => all | role);

    private async Task<IActionResult> AfterAsync(string? problem, Guid? account)
    {
        if (problem is null) return RedirectToPage();
        (Problem, ProblemAccount) = (problem, account);
        await OnGetAsync();
        return Page();
    }
}
