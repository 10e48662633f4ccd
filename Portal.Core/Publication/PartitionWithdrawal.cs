using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.Publication;

/// <summary>What a withdrawal came to: the ledger's line, or why nothing was withdrawn (in Chinese).</summary>
public sealed record WithdrawalResult(PublicationEvent? Withdrawal, string? Problem);

/// <summary>
/// 撤回: takes one published partition (village × fund × period) off the index and records it, with the department's
/// reason, in the ledger; the public pages then say 已撤回 with that reason and date. The index commits first: the
/// ledger records what happened, never what is about to.
/// </summary>
public sealed class PartitionWithdrawal(Func<IPartitionStore> openStore, PublicationLedger ledger, RegionCatalog regions, FundCatalog funds,
    Supervision.PaymentSubjects? subjects = null)
{
    public async Task<WithdrawalResult> WithdrawAsync(string? villageCode, string? fund, string? period, string? reason, string? department,
        CancellationToken cancellationToken = default)
    {
        if (regions.Find(villageCode?.Trim() ?? "") is not { IsVillage: true } village)
            return Refused($"没有村级区划代码“{villageCode}”：请写 12 位的村（社区）代码，如 410221101201。");
        if ((funds.ByCode(fund?.Trim()) ?? funds.Match(fund)) is not { } found)
            return Refused($"资金目录中没有“{fund}”：请写资金代码或名称，如 rural-dibao 或 农村低保。");
        if (!Period.TryParseIso(period?.Trim(), out var month)) return Refused($"所属期“{period}”无效：请写成 2026-05 这样的年-月。");
        if (WithdrawalReason.Problem(reason) is { } problem) return Refused(problem);
        if (DepartmentProblem(department) is { } badDepartment) return Refused(badDepartment);

        var key = new PartitionKey(village.Code, found.Code, month);
        using (var store = openStore())
        {
            if (!store.Withdraw(key))
                return Refused($"{RegionCatalog.DisplayName(village)} {found.Name} {month.ToChinese()} 没有公开的数据，无需撤回。");
            store.Commit();
        }
        var withdrawal = await ledger.RecordWithdrawalAsync(key, reason!, department, cancellationToken);
        if (subjects is not null) await subjects.RecordWithdrawalAsync(key, cancellationToken);
        return new WithdrawalResult(withdrawal, null);
    }

    /// <summary>A department's name as it will be shown: optional (the fund's department then), at most <see cref="PublicationEvent.MaxDepartmentLength"/> characters.</summary>
    public static string? DepartmentProblem(string? department) =>
        department is not null && department.Trim().Length > PublicationEvent.MaxDepartmentLength
            ? $"部门名称最多 {PublicationEvent.MaxDepartmentLength} 个字，如 杞县民政局。"
            : null;

    private static WithdrawalResult Refused(string problem) => new(null, problem);
}
