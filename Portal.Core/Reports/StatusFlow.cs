namespace Portal.Core.Reports;

/// <summary>已提交 → 已受理 or 不予受理; 已受理 → 已转办 → 办理中 → 已办结. Nothing else.</summary>
public static class StatusFlow
{
    private static readonly Dictionary<ReportStatus, ReportStatus[]> Next = new()
    {
        [ReportStatus.Submitted] = [ReportStatus.Accepted, ReportStatus.NotAccepted],
        [ReportStatus.Accepted] = [ReportStatus.Transferred],
        [ReportStatus.Transferred] = [ReportStatus.InProgress],
        [ReportStatus.InProgress] = [ReportStatus.Concluded],
        [ReportStatus.NotAccepted] = [],
        [ReportStatus.Concluded] = [],
    };

    public static bool Allows(ReportStatus from, ReportStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<ReportStatus> From(ReportStatus status) => Next[status];

    /// <summary>A report is closed once concluded or not accepted: no more supplements, replies or steps.</summary>
    public static bool IsClosed(ReportStatus status) => Next[status].Length == 0;

    public static string Refusal(ReportStatus from, ReportStatus to) =>
        $"举报当前状态为“{from.Name()}”，不能改为“{to.Name()}”。" +
        (IsClosed(from) ? "该举报已结束办理。" : $"下一步只能是：{string.Join("、", Next[from].Select(s => s.Name()))}。");
}
