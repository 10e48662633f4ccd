using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Core.Supervision;

namespace Portal.Core.Staff;

public sealed record SignInResult(StaffAccount? Account, string? Refusal);

/// <summary>
/// Staff accounts: hashed passwords (ASP.NET Core Identity's PBKDF2 format), a growing wait after repeated wrong
/// passwords (<see cref="SignInBackOff"/>), and the administrator's changes, each audited.
/// </summary>
public sealed partial class StaffAccounts(PortalDb db, OfficeTree offices, TimeProvider clock, IPasswordHasher<StaffAccount> passwords)
{
    /// <summary>Every refusal reads the same, whether the name is unknown, the password wrong, the account disabled or waiting.</summary>
    public const string SignInRefusal = "用户名或密码不正确。连续输错 5 次后须等 1 分钟才能再试，再输错等待时间加倍，最长 15 分钟。";

    /// <summary>The answer for an account that does not exist or is not the administrator's to manage.</summary>
    public const string NoSuchAccount = "没有这个账号。";

    private static readonly SignInResult Refused = new(null, SignInRefusal);
    private static readonly StaffAccount Nobody = new();
    private static readonly string DecoyHash = new PasswordHasher<StaffAccount>().HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var account = name.Length == 0 ? null : await db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        // The hash is checked on every path, so no refusal comes sooner than a wrong password's and none tells what it was.
        var result = passwords.VerifyHashedPassword(account ?? Nobody, account?.PasswordHash ?? DecoyHash, password ?? "");
        var now = clock.GetUtcNow().UtcDateTime;
        if (account is null || account.LockedUntil > now) return Refused;
        if (result == PasswordVerificationResult.Failed || account.Disabled)
        {
            await CountFailureAsync(account.Id, now, cancellationToken);
            return Refused;
        }
        var hash = result == PasswordVerificationResult.SuccessRehashNeeded ? passwords.HashPassword(account, password!) : account.PasswordHash;
        await db.StaffAccounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.FailedSignIns, 0)
            .SetProperty(a => a.LockedUntil, (DateTime?)null)
            .SetProperty(a => a.PasswordHash, hash), cancellationToken);
        AuditLog.Append(db, StaffActor.Of(account), "登录", null, null, now);
        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(account, null);
    }

    /// <summary>
    /// Counted by a conditional write, so that of wrong passwords sent at once exactly those before the wait are counted:
    /// a try that finds the wait begun meanwhile gets no verdict and is not counted, as one sent during the wait.
    /// </summary>
    private async Task CountFailureAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var account = db.StaffAccounts.Where(a => a.Id == id);
        while (true)
        {
            var seen = await account.Select(a => new { a.FailedSignIns, a.LockedUntil }).SingleAsync(cancellationToken);
            if (seen.LockedUntil > now) return;
            var failures = seen.FailedSignIns + 1;
            var wait = SignInBackOff.After(failures);
            var until = wait == TimeSpan.Zero ? seen.LockedUntil : now + wait;
            var counted = await account.Where(a => a.FailedSignIns == seen.FailedSignIns && a.LockedUntil == seen.LockedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, failures).SetProperty(a => a.LockedUntil, until), cancellationToken);
            if (counted == 1) return;
        }
    }

    public Task<StaffAccount?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>The accounts an administrator manages: those of their own office and of every office below it.</summary>
    public Task<List<StaffAccount>> ListAsync(StaffActor reader, CancellationToken cancellationToken = default) =>
        Managed(reader).AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);

    /// <summary>The handlers of one office, to whom its intake staff transfer reports.</summary>
    public Task<List<StaffAccount>> HandlersAsync(string office, CancellationToken cancellationToken = default) =>
        db.StaffAccounts.AsNoTracking().Where(a => !a.Disabled && a.OfficeCode == office && ((int)a.Roles & (int)StaffRoles.Handler) != 0).OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);

    /// <summary>Creates an account; <paramref name="by"/> is null only for the first administrator, made from the command line.</summary>
    /// <param name="department">The department a 数据报送 clerk submits for (required with that role, ignored without it).</param>
    /// <param name="office">The office the account works in (<see cref="Office.Code"/>); when not given, the administrator's own, or the top office from the command line.</param>
    public async Task<(StaffAccount? Account, string? Problem)> CreateAsync(string userName, string displayName, string password, StaffRoles roles, StaffActor? by,
        Guid? department = null, string? office = null, CancellationToken cancellationToken = default)
    {
        if (by is not null && !by.Has(StaffRoles.Admin)) return (null, "只有管理员可以添加账号。");
        var name = userName.Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(name)) return (null, "用户名只能用 3 到 50 个英文小写字母、数字、点、下划线或连字符。");
        if (displayName.Trim().Length is 0 or > 50) return (null, "请填写姓名（最多 50 个字）。");
        if (PasswordProblem(password) is { } problem) return (null, problem);
        if (roles == StaffRoles.None) return (null, "请至少选择一个角色。");
        var workplace = !string.IsNullOrWhiteSpace(office) ? offices.Find(office) : by is null ? offices.Top : offices.Find(by.Office);
        if (workplace is null) return (null, $"没有代码为“{office?.Trim()}”的受理机关。可用的代码：{string.Join("、", offices.All.Select(o => $"{o.Code}（{o.Name}）"))}。");
        if (by is not null && (offices.Find(by.Office) is not { } own || !offices.IsWithin(workplace, own)))
            return (null, "只能为本机关或下级机关添加账号。");
        if (await DepartmentProblemAsync(roles, department, cancellationToken) is { } departmentProblem) return (null, departmentProblem);
        if (await db.StaffAccounts.AnyAsync(a => a.UserName == name, cancellationToken)) return (null, $"用户名“{name}”已被使用。");
        var now = clock.GetUtcNow().UtcDateTime;
        var account = new StaffAccount
        {
            Id = Guid.NewGuid(), UserName = name, DisplayName = displayName.Trim(), Roles = roles, OfficeCode = workplace.Code, CreatedAt = now, SecurityStamp = NewStamp(),
            DepartmentId = roles.HasFlag(StaffRoles.Submitter) ? department : null,
        };
        account.PasswordHash = passwords.HashPassword(account, password);
        db.StaffAccounts.Add(account);
        Audit(by, "添加账号", $"{name}（{workplace.Name}，{StaffRoleNames.Describe(roles)}）", now);
        await db.SaveChangesAsync(cancellationToken);
        return (account, null);
    }

    /// <param name="office">The office the account moves to (<see cref="Office.Code"/>): the administrator's own or one below it; it stays where it is when not given.</param>
    public async Task<string?> UpdateAsync(Guid id, StaffRoles roles, bool disabled, string? newPassword, StaffActor by,
        Guid? department = null, string? office = null, CancellationToken cancellationToken = default)
    {
        if (!by.Has(StaffRoles.Admin)) return "只有管理员可以修改账号。";
        var account = await Managed(by).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (account is null)
        {
            // An account of a superior or sibling office is answered as one that does not exist; the attempt is still on record.
            Audit(by, "修改账号被拒", $"账号 {id}：不存在或不属本机关及下级机关", now);
            await db.SaveChangesAsync(cancellationToken);
            return NoSuchAccount;
        }
        if (account.Id == by.Id && (disabled || !roles.HasFlag(StaffRoles.Admin))) return "不能停用自己或取消自己的管理员角色，以免没有人能管理账号。";
        if (roles == StaffRoles.None) return "请至少选择一个角色。";
        if (await DepartmentProblemAsync(roles, department, cancellationToken) is { } departmentProblem) return departmentProblem;
        var asked = string.IsNullOrWhiteSpace(office) ? account.OfficeCode : office.Trim();
        var moving = asked != account.OfficeCode;
        var from = offices.Find(account.OfficeCode);
        var to = offices.Find(asked);
        var moveProblem = moving ? MoveProblem(account, to, by, asked) ?? await OpenWorkProblemAsync(account, to!, cancellationToken) : null;
        if (moveProblem is not null)
        {
            Audit(by, "调动账号被拒", $"{account.UserName}：{from?.Name ?? account.OfficeCode} → {to?.Name ?? asked}，{moveProblem}", now);
            await db.SaveChangesAsync(cancellationToken);
            return moveProblem;
        }
        if (!string.IsNullOrEmpty(newPassword))
        {
            if (PasswordProblem(newPassword) is { } problem) return problem;
            account.PasswordHash = passwords.HashPassword(account, newPassword);
        }
        // A new password or a re-enabled account starts without a wait.
        if (!string.IsNullOrEmpty(newPassword) || (account.Disabled && !disabled))
        {
            account.LockedUntil = null;
            account.FailedSignIns = 0;
        }
        var changes = $"{account.UserName}：角色 {StaffRoleNames.Describe(account.Roles)} → {StaffRoleNames.Describe(roles)}" +
            (account.Disabled != disabled ? (disabled ? "，停用" : "，启用") : "") + (string.IsNullOrEmpty(newPassword) ? "" : "，重设密码");
        department = roles.HasFlag(StaffRoles.Submitter) ? department : null;
        if (account.DepartmentId != department) changes += "，更换报送部门";
        if (moving) changes += $"，机关 {from?.Name ?? account.OfficeCode} → {to!.Name}";
        account.OfficeCode = asked;
        account.Roles = roles;
        account.DepartmentId = department;
        account.Disabled = disabled;
        account.SecurityStamp = NewStamp();
        Audit(by, "修改账号", changes, now);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>An account moves only within the administrator's own office and those below it; no one moves themselves (their superior's administrator does).</summary>
    private string? MoveProblem(StaffAccount account, Office? to, StaffActor by, string asked)
    {
        if (to is null) return $"没有代码为“{asked}”的受理机关。";
        if (offices.Find(by.Office) is not { } own || !offices.IsWithin(to, own)) return "只能把账号调到本机关或下级机关。";
        return account.Id == by.Id ? "不能调动自己的账号，以免本机关没有人能管理账号；请由上级机关的管理员调动。" : null;
    }

    /// <summary>
    /// No one leaves open work behind: a handler's reports (a report is transferred once, so no one else could act on them),
    /// or a 监督's open clues the new office does not reach (those can be reassigned first).
    /// </summary>
    private async Task<string?> OpenWorkProblemAsync(StaffAccount account, Office to, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.CountAsync(r => r.AssigneeId == account.Id && r.Status != ReportStatus.Concluded && r.Status != ReportStatus.NotAccepted, cancellationToken);
        if (reports > 0) return $"该账号还承办着 {reports} 件未办结的举报，调走后原机关无人能办理；请办结后再调动机关。";
        var reach = new OfficeRegion(offices).Prefix(StaffActor.Of(account) with { Office = to.Code }) ?? "";
        var clues = await db.Clues.CountAsync(c => c.AssigneeId == account.Id && c.State != ClueState.Unfounded && c.State != ClueState.Rectified
            && !c.CountyCode.StartsWith(reach), cancellationToken);
        return clues > 0 ? $"该账号还在核查 {clues} 条{to.Name}辖区以外的线索，请先在线索页改派给原辖区的监督人员，再调动机关。" : null;
    }

    /// <summary>
    /// The accounts of the administrator's office and of every office below it. The top office also keeps the accounts of
    /// offices no longer configured, so that someone can move them.
    /// </summary>
    private IQueryable<StaffAccount> Managed(StaffActor by)
    {
        if (offices.Find(by.Office) is not { } own) return db.StaffAccounts.Where(a => false);
        var codes = new[] { own.Code }.Concat(offices.Subordinates(own).Select(o => o.Code)).ToList();
        if (own.Code != offices.Top.Code) return db.StaffAccounts.Where(a => codes.Contains(a.OfficeCode));
        var configured = offices.All.Select(o => o.Code).ToList();
        return db.StaffAccounts.Where(a => codes.Contains(a.OfficeCode) || !configured.Contains(a.OfficeCode));
    }

    /// <summary>A 数据报送 clerk submits for exactly one existing department.</summary>
    private async Task<string?> DepartmentProblemAsync(StaffRoles roles, Guid? department, CancellationToken cancellationToken) =>
        !roles.HasFlag(StaffRoles.Submitter) ? null
        : department is not { } id ? "数据报送账号须选择所属部门（部门由管理员在“报送部门”中添加）。"
        : await db.Departments.AnyAsync(d => d.Id == id, cancellationToken) ? null
        : "所选的报送部门不存在，请刷新页面后重选。";

    public static string? PasswordProblem(string password) =>
        password.Length is < 10 or > 128 ? "密码需要 10 到 128 个字符；建议用一句好记的话。" : null;

    private void Audit(StaffActor? by, string action, string detail, DateTime at) =>
        AuditLog.Append(db, by, action, null, detail, at);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[a-z0-9._-]{3,50}$")]
    private static partial Regex UserNamePattern();
}
