using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Regions;

namespace Portal.Core.Submissions;

/// <summary>
/// A department publishes only its own counties and funds. A file with any row beyond them is refused whole, before
/// anything is published, with a sentence naming what this account may submit.
/// </summary>
public sealed class DepartmentScope(Department department, RegionCatalog regions, FundCatalog funds)
{
    public Department Department => department;

    /// <summary>What this account may submit, for people: 杞县 的 农村低保、城市低保.</summary>
    public string Describe() => $"{Names(department.CountyCodes, CountyName)} 的 {Names(department.FundCodes, FundName)}";

    /// <summary>Why the file is refused, or null when every county and fund it carries is this department's.</summary>
    public string? Refusal(FileValidation file)
    {
        var counties = file.Partitions.Select(p => p.VillageCode[..6]).Concat(file.CountiesNamed).Concat(file.County is { } c ? [c.Code] : [])
            .Distinct().Where(code => !department.CountyCodes.Contains(code)).Order(StringComparer.Ordinal).ToList();
        var fundCodes = file.Partitions.Select(p => p.FundCode).Distinct().Where(code => !department.FundCodes.Contains(code)).Order(StringComparer.Ordinal).ToList();
        if (counties.Count == 0 && fundCodes.Count == 0) return null;
        var outside = string.Join("、", counties.Select(CountyName).Concat(fundCodes.Select(FundName)));
        return $"本账号（{department.Name}）只能报送 {Describe()}；此文件含 {outside} 的数据，未公开任何数据。";
    }

    /// <summary>Why this account may not withdraw a village's fund, or null: a department withdraws only what it may publish.</summary>
    public string? WithdrawalRefusal(string villageCode, string fundCode) =>
        villageCode.Length == 12 && department.CountyCodes.Contains(villageCode[..6]) && department.FundCodes.Contains(fundCode)
            ? null
            : $"本账号（{department.Name}）只能撤回 {Describe()} 的数据。";

    private static string Names(IEnumerable<string> codes, Func<string, string> name) => string.Join("、", codes.Select(name));

    private string CountyName(string code) => regions.Find(code)?.Name ?? code;

    private string FundName(string code) => funds.ByCode(code)?.Name ?? code;
}
