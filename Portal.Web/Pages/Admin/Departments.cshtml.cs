using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Funds;
using Portal.Core.Submissions;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>报送部门: the administrator adds the departments that publish their own data, each with its counties and funds; clerks are bound to one in 账号管理.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class DepartmentsModel(Departments departments, FundCatalog funds) : PageModel
{
    public IReadOnlyList<Department> All { get; private set; } = [];
    public IReadOnlyList<Fund> Funds => funds.All;
    public string? Problem { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Counties { get; set; }
    [BindProperty] public List<string> FundCodes { get; set; } = [];

    public string Describe(Department department) => departments.Scope(department).Describe();

    public async Task OnGetAsync() => All = await departments.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var counties = (Counties ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries);
        (_, Problem) = await departments.AddAsync(Name ?? "", counties, FundCodes, User.Actor(), HttpContext.RequestAborted);
        if (Problem is null) return RedirectToPage();
        await OnGetAsync();
        return Page();
    }
}
