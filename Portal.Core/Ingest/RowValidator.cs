using System.Globalization;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Core.Ingest;

/// <summary>
/// The outcome of one row: a desensitized payment, or the rules it broke; the partition when it could be told; whether a
/// department cell was published as the catalogue's department because it names no office.
/// </summary>
public sealed record RowOutcome(int RowNumber, ValidPayment? Payment, PartitionKey? Partition, IReadOnlyList<Rejection> Rejections, decimal? Amount,
    bool DepartmentReplaced = false);

/// <summary>Checks one row against every rule that needs only the row itself, and hands a row that passes to the <see cref="Desensitizer"/>.</summary>
public sealed class RowValidator
{
    public const int MaxHouseholdSize = 30;
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    private readonly string _file;
    private readonly RegionCatalog _regions;
    private readonly FundCatalog _funds;
    private readonly Desensitizer _desensitizer;
    private readonly DateOnly _today;
    private Region? _county;
    private readonly Fund? _defaultFund;
    private readonly Period? _defaultPeriod;
    private readonly Dictionary<(string, string, string), (Region?, ValidationRule, string)> _regionCache = new();

    public RowValidator(string file, RegionCatalog regions, FundCatalog funds, Desensitizer desensitizer, DateOnly today, Region? county, Fund? defaultFund, Period? defaultPeriod)
    {
        _file = file;
        _regions = regions;
        _funds = funds;
        _desensitizer = desensitizer;
        _today = today;
        _county = county;
        _defaultFund = defaultFund;
        _defaultPeriod = defaultPeriod;
    }

    public Region? County => _county;

    public RowOutcome Validate(ExportRow row)
    {
        var rejections = new List<Rejection>();
        void Reject(string column, ValidationRule rule, string message) => rejections.Add(new Rejection(_file, row.RowNumber, column, rule, message));

        // Bytes the file's encoding has no character for were read as U+FFFD: what they stood for is lost, so nothing of the row is used.
        foreach (var (column, text) in row.Cells().Where(c => c.Text.Contains(SheetReader.Unreadable)))
            Reject(column, ValidationRule.UnreadableText, $"“{column}”列含有无法识别的字符：文件中有不属于 UTF-8 或 GB18030 编码的字节，原来的字已丢失。请在原系统中另存为 UTF-8 或 GB18030 编码的 CSV（或 XLSX）后重新导入。");
        if (rejections.Count > 0) return new RowOutcome(row.RowNumber, null, null, rejections, null);

        if (row.Name.Length == 0) Reject("姓名", ValidationRule.NameMissing, "姓名为空，请补填领取人姓名。");

        var id = IdNumber.Normalize(row.IdNumber);
        var idProblem = IdNumber.Check(row.IdNumber, _today);
        if (idProblem != IdNumberProblem.None) Reject("身份证号", ValidationRule.IdNumberInvalid, IdMessage(idProblem, row.IdNumber));

        var fund = row.Fund.Length > 0 ? _funds.Match(row.Fund) : _defaultFund;
        if (fund is null)
            Reject("资金类别", ValidationRule.FundUnknown, row.Fund.Length > 0
                ? $"资金类别“{row.Fund}”不在资金目录中，请使用目录中的名称（如 农村低保、高龄津贴），或在 content/funds.yaml 中为它加一个别名。"
                : "资金类别为空：请补填，或用 --fund 指明整个文件的资金。");

        decimal? amount = CellText.TryParseAmount(row.Amount, out var a) ? a : null;
        if (amount is null) Reject("发放金额", ValidationRule.AmountInvalid, $"金额“{row.Amount}”不是有效数字（最多两位小数）。");
        else if (amount <= 0) Reject("发放金额", ValidationRule.AmountInvalid, $"金额 {amount} 必须大于 0。");
        else if (fund is not null && amount > fund.MaxAmount)
            Reject("发放金额", ValidationRule.AmountAboveStandard, $"金额 {Money.Yuan(amount.Value)} 超出{fund.Name}单笔上限 {Money.Yuan(fund.MaxAmount)}，请核实。");

        Period? period = _defaultPeriod;
        if (row.Period.Length > 0)
        {
            period = Period.TryParseLoose(row.Period, out var p) ? p : null;
            if (period is null) Reject("发放年月", ValidationRule.PeriodInvalid, $"所属期“{row.Period}”格式不对，应写作 2026-05 或 2026年5月。");
        }
        else if (period is null) Reject("发放年月", ValidationRule.PeriodInvalid, "所属期为空：请补填，或用 --period 指明整个文件的所属期。");
        if (period is { } future && future > Period.Of(new DateTimeOffset(_today.ToDateTime(TimeOnly.MinValue))).AddMonths(1))
        {
            Reject("发放年月", ValidationRule.PeriodInvalid, $"所属期 {future} 在未来，请核实。");
            period = null;
        }

        int? household = null;
        if (row.HouseholdSize.Length > 0)
        {
            if (int.TryParse(CellText.Compact(row.HouseholdSize), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= MaxHouseholdSize) household = h;
            else Reject("家庭人口", ValidationRule.HouseholdSizeInvalid, $"家庭人口“{row.HouseholdSize}”应为 1 到 {MaxHouseholdSize} 的整数。");
        }

        DateOnly? paidOn = null;
        if (row.PaidOn.Length > 0)
        {
            if (DateOnly.TryParseExact(CellText.Compact(row.PaidOn), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d <= _today) paidOn = d;
            else Reject("发放日期", ValidationRule.PaidOnInvalid, $"发放日期“{row.PaidOn}”应为不晚于今天的日期，如 2026-05-20。");
        }

        var (village, regionRule, regionMessage) = ResolveVillage(row);
        if (village is null) Reject(row.RegionCode.Length > 0 ? "行政区划代码" : "村", regionRule, regionMessage);

        PartitionKey? partition = village is not null && fund is not null && period is not null ? new PartitionKey(village.Code, fund.Code, period.Value) : null;
        if (rejections.Count > 0) return new RowOutcome(row.RowNumber, null, partition, rejections, amount);

        var payment = _desensitizer.Desensitize(new CheckedRow(row.RowNumber, row.Name, id, village!, fund!, period!.Value, amount!.Value, household, row.Department, paidOn));
        return new RowOutcome(row.RowNumber, payment, partition, rejections, amount, row.Department.Length > 0 && _desensitizer.Office(row.Department, village!) is null);
    }

    private static string IdMessage(IdNumberProblem problem, string raw) => problem switch
    {
        IdNumberProblem.Missing => "身份证号为空。",
        // The cell itself is not repeated: its leading digits are the person's birthplace and birth date.
        IdNumberProblem.Scientific => "身份证号被表格软件转成了科学计数法（数字加 E+17 的形式），后几位已丢失：请在原系统中把该列设为“文本”后重新导出。",
        IdNumberProblem.Legacy15 => $"身份证号 {IdNumber.Mask(raw)} 是 15 位旧号码，请换成 18 位号码。",
        IdNumberProblem.Format => $"身份证号 {IdNumber.Mask(raw)} 应为 18 位，前 17 位为数字，最后一位为数字或 X。",
        IdNumberProblem.BirthDate => $"身份证号 {IdNumber.Mask(raw)} 中的出生日期不存在或晚于今天。",
        IdNumberProblem.Checksum => $"身份证号 {IdNumber.Mask(raw)} 校验位不对（GB 11643），可能有录入错误。",
        _ => "身份证号无效。",
    };

    private (Region?, ValidationRule, string) ResolveVillage(ExportRow row)
    {
        var key = (CellText.Compact(row.RegionCode), row.Township, row.Village);
        if (!_regionCache.TryGetValue(key, out var result)) _regionCache[key] = result = Resolve(key.Item1, row.Township, row.Village);
        return result;
    }

    /// <summary>The national village list covers every county of 2023; one made since is named, not left to a bare "unknown code".</summary>
    private string? VillagesMissing(string countyCode)
    {
        var county = _regions.Find(countyCode);
        if (county is not { Level: RegionLevel.County } || _regions.HasVillages(county.Code)) return null;
        return $"平台的全国村级区划（content/regions/villages.zip）中没有{county.Name}的村（社区），无法核对村名：请平台管理员更新该文件后重新同步。";
    }

    private (Region?, ValidationRule, string) Resolve(string code, string township, string village)
    {
        if (code.Length > 0)
        {
            var region = _regions.Find(code);
            if (region is null && code.Length == 12 && VillagesMissing(code[..6]) is { } missing) return (null, ValidationRule.RegionUnknown, missing);
            if (region is null) return (null, ValidationRule.RegionUnknown, $"区划代码 {code} 不存在（应为 12 位村级统计用区划代码）。");
            if (region.Level != RegionLevel.Village) return (null, ValidationRule.RegionUnknown, $"区划代码 {code} 是{region.Name}，不是村（社区）级代码：请填 12 位村级代码。");
            var county = _regions.Ancestor(region, RegionLevel.County)!;
            _county ??= county;
            if (_county is not null && county.Code != _county.Code)
                return (null, ValidationRule.RegionOutsideCounty, $"区划代码 {code}（{county.Name}{RegionCatalog.DisplayName(region)}）不属于本文件的{_county.Name}。");
            var town = _regions.Find(region.ParentCode)!;
            if (township.Length > 0 && !RegionNames.SameName(township, town.Name))
                return (null, ValidationRule.RegionNameMismatch, $"乡镇“{township}”与区划代码 {code} 对应的“{town.Name}”不符。");
            if (village.Length > 0 && !RegionNames.SameName(village, region.Name))
                return (null, ValidationRule.RegionNameMismatch, $"村“{village}”与区划代码 {code} 对应的“{RegionCatalog.DisplayName(region)}”不符。");
            return (region, default, "");
        }
        if (_county is null) return (null, ValidationRule.RegionUnknown, "无法确定所属县：请在文件中提供“行政区划代码”列，或用 --county 指明县级代码。");
        if (village.Length == 0) return (null, ValidationRule.RegionUnknown, "村（社区）为空，且没有行政区划代码。");
        if (VillagesMissing(_county.Code) is { } notLoaded) return (null, ValidationRule.RegionUnknown, notLoaded);
        var towns = township.Length > 0
            ? _regions.Children(_county.Code).Where(t => RegionNames.SameName(t.Name, township)).ToList()
            : _regions.Children(_county.Code).ToList();
        if (towns.Count == 0) return (null, ValidationRule.RegionUnknown, $"{_county.Name}没有名为“{township}”的乡镇（街道）。");
        var matches = towns.SelectMany(t => _regions.Children(t.Code)).Where(v => RegionNames.SameName(v.Name, village)).ToList();
        return matches.Count switch
        {
            1 => (matches[0], default, ""),
            0 => (null, ValidationRule.RegionUnknown, $"{_county.Name}{(township.Length > 0 ? township : "")}下没有名为“{village}”的村（社区）。"),
            _ => (null, ValidationRule.RegionUnknown, $"{_county.Name}有 {matches.Count} 个“{village}”，请补填乡镇或行政区划代码。"),
        };
    }
}
