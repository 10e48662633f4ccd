using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Regions;
using Portal.Core.Staff;

namespace Portal.Core.Submissions;

/// <summary>The departments that publish their own data: made by an administrator (or the command line), each change audited.</summary>
public sealed class Departments(PortalDb db, RegionCatalog regions, FundCatalog funds, TimeProvider clock)
{
    public const int MaxNameLength = 50;

    public Task<List<Department>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public Task<Department?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public Task<Department?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name.Trim(), cancellationToken);

    /// <summary>The scope a clerk submits under: the department the account is bound to, or null if it has none.</summary>
    public async Task<DepartmentScope?> ScopeOfAsync(Guid staffId, CancellationToken cancellationToken = default)
    {
        var id = await db.StaffAccounts.Where(a => a.Id == staffId).Select(a => a.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        return id is { } department && await FindAsync(department, cancellationToken) is { } found ? Scope(found) : null;
    }

    public DepartmentScope Scope(Department department) => new(department, regions, funds);

    /// <summary>Adds a department; <paramref name="by"/> is null for the command line.</summary>
    public async Task<(Department? Department, string? Problem)> AddAsync(string name, IEnumerable<string> countyCodes, IEnumerable<string> fundCodes, StaffActor? by, CancellationToken cancellationToken = default)
    {
        if (by is not null && !by.Has(StaffRoles.Admin)) return (null, "只有管理员可以添加报送部门。");
        name = name.Trim();
        if (name.Length is < 2 or > MaxNameLength) return (null, $"请填写部门全称（2 到 {MaxNameLength} 个字），如 杞县民政局。");
        var counties = countyCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var fundList = fundCodes.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        if (counties.Count == 0) return (null, "请至少填写一个县级区划代码（6 位，如 410221）。");
        if (counties.FirstOrDefault(c => regions.Find(c) is not { Level: RegionLevel.County }) is { } badCounty)
            return (null, $"“{badCounty}”不是有效的县级区划代码（6 位，如 410221）。");
        if (fundList.Count == 0) return (null, "请至少选择一项资金。");
        var resolved = new List<string>();
        foreach (var f in fundList)
        {
            if ((funds.ByCode(f) ?? funds.Match(f)) is not { } fund)
                return (null, $"资金“{f}”不在资金目录中（可用：{string.Join("、", funds.All.Select(x => x.Code))}）。");
            resolved.Add(fund.Code);
        }
        if (await db.Departments.AnyAsync(d => d.Name == name, cancellationToken)) return (null, $"已有名为“{name}”的部门。");
        var now = clock.GetUtcNow().UtcDateTime;
        var department = new Department { Id = Guid.NewGuid(), Name = name, Counties = string.Join(",", counties), Funds = string.Join(",", resolved.Distinct()), CreatedAt = now };
        db.Departments.Add(department);
        AuditLog.Append(db, by, "添加报送部门", null, $"{name}：{Scope(department).Describe()}", now);
        await db.SaveChangesAsync(cancellationToken);
        return (department, null);
    }
}
