using Portal.Core.Reports;

namespace Portal.Core.Offices;

/// <summary>
/// A 纪委监委 of the deployment: it covers a region and, by 管理权限, the cadres of some levels there. The top office has no
/// parent. A township 纪委 or a 派驻纪检监察组 is a leaf like any other.
/// </summary>
public sealed record Office(string Code, string Name, string? ParentCode, string RegionCode, IReadOnlySet<OfficialLevel> Levels);

/// <summary>Where a report the deployment does not take in should go instead (the provincial 纪委监委's site).</summary>
public sealed record OfficeElsewhere(string Name, string Site);
