namespace Portal.Core.Reports;

public enum ReportStatus { Submitted, Accepted, NotAccepted, Transferred, InProgress, Concluded }

public enum ReportCategory { PoliticalDiscipline, OrganizationalDiscipline, IntegrityDiscipline, MassDiscipline, WorkDiscipline, LifeDiscipline, DutyViolation, DutyCrime, Other }

/// <summary>
/// The five levels of the accused that 12388 asks for, which decide the office with 管理权限 (<see cref="Offices.Jurisdiction"/>).
/// The numbers are stored: 0 was 省部级 and 1 厅局级 before the two were one level (migration Offices).
/// </summary>
public enum OfficialLevel { DepartmentalAndAbove = 1, County = 2, TownshipAndBelow = 3, Other = 4, Village = 5 }

/// <summary>The four ways of disposing of a 检举控告 once it is handled, as the rules name them.</summary>
public enum Disposition { TalkOrInquiry, PreliminaryVerification, HoldPending, Close }

/// <summary>The Chinese names the reporter and the staff see, and parsing of what a client sends (the Chinese name or the English code).</summary>
public static class ReportTerms
{
    private static readonly Dictionary<ReportStatus, string> StatusNames = new()
    {
        [ReportStatus.Submitted] = "已提交", [ReportStatus.Accepted] = "已受理", [ReportStatus.NotAccepted] = "不予受理",
        [ReportStatus.Transferred] = "已转办", [ReportStatus.InProgress] = "办理中", [ReportStatus.Concluded] = "已办结",
    };

    private static readonly Dictionary<ReportCategory, string> CategoryNames = new()
    {
        [ReportCategory.PoliticalDiscipline] = "违反政治纪律", [ReportCategory.OrganizationalDiscipline] = "违反组织纪律",
        [ReportCategory.IntegrityDiscipline] = "违反廉洁纪律", [ReportCategory.MassDiscipline] = "违反群众纪律",
        [ReportCategory.WorkDiscipline] = "违反工作纪律", [ReportCategory.LifeDiscipline] = "违反生活纪律",
        [ReportCategory.DutyViolation] = "职务违法", [ReportCategory.DutyCrime] = "职务犯罪", [ReportCategory.Other] = "其他",
    };

    private static readonly Dictionary<OfficialLevel, string> LevelNames = new()
    {
        [OfficialLevel.Village] = "村（社区）干部", [OfficialLevel.TownshipAndBelow] = "乡科级及以下", [OfficialLevel.County] = "县处级",
        [OfficialLevel.DepartmentalAndAbove] = "厅局级及以上", [OfficialLevel.Other] = "其他",
    };

    /// <summary>Other ways a client or an older form names a level.</summary>
    private static readonly Dictionary<string, OfficialLevel> LevelAliases = new()
    {
        ["村干部"] = OfficialLevel.Village, ["社区干部"] = OfficialLevel.Village, ["村(社区)干部"] = OfficialLevel.Village,
        ["厅局级"] = OfficialLevel.DepartmentalAndAbove, ["省部级"] = OfficialLevel.DepartmentalAndAbove, ["Departmental"] = OfficialLevel.DepartmentalAndAbove,
        ["Provincial"] = OfficialLevel.DepartmentalAndAbove,
    };

    private static readonly Dictionary<Disposition, string> DispositionNames = new()
    {
        [Disposition.TalkOrInquiry] = "谈话函询", [Disposition.PreliminaryVerification] = "初步核实",
        [Disposition.HoldPending] = "暂存待查", [Disposition.Close] = "予以了结",
    };

    public static string Name(this ReportStatus status) => StatusNames[status];
    public static string Name(this ReportCategory category) => CategoryNames[category];
    public static string Name(this OfficialLevel level) => LevelNames[level];
    public static string Name(this Disposition disposition) => DispositionNames[disposition];

    public static IReadOnlyDictionary<ReportCategory, string> Categories => CategoryNames;
    public static IReadOnlyDictionary<OfficialLevel, string> Levels => LevelNames;
    public static IReadOnlyDictionary<ReportStatus, string> Statuses => StatusNames;
    public static IReadOnlyDictionary<Disposition, string> Dispositions => DispositionNames;

    public static ReportCategory? ParseCategory(string? text) => Parse(text, CategoryNames);
    public static OfficialLevel? ParseLevel(string? text) =>
        Parse(text, LevelNames) ?? (text is not null && LevelAliases.TryGetValue(text.Trim(), out var level) ? level : null);
    public static ReportStatus? ParseStatus(string? text) => Parse(text, StatusNames);
    public static Disposition? ParseDisposition(string? text) => Parse(text, DispositionNames);

    private static T? Parse<T>(string? text, Dictionary<T, string> names) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        foreach (var (value, name) in names)
            if (name == text || value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
