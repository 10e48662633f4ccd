using System.Text.RegularExpressions;

namespace Portal.Core.Ingest;

/// <summary>The columns of a department export the indexer understands.</summary>
public enum ExportColumn
{
    Sequence, Name, IdNumber, Fund, Amount, Period, Township, Village, RegionCode,
    HouseholdSize, PaidOn, Department, BankAccount, Phone, Remark,
}

/// <summary>Maps the Chinese headers departments use (full- or half-width brackets, units, stray spaces) to columns.</summary>
public static partial class ExportHeaders
{
    private static readonly Dictionary<string, ExportColumn> Known = Build(new()
    {
        [ExportColumn.Sequence] = ["序号", "编号"],
        [ExportColumn.Name] = ["姓名", "户主姓名", "领取人", "收款人", "领取人姓名", "收款人姓名", "补贴对象姓名", "救助对象姓名", "户主"],
        [ExportColumn.IdNumber] = ["身份证号", "身份证号码", "证件号码", "公民身份号码", "身份证", "领取人身份证号", "户主身份证号"],
        [ExportColumn.Fund] = ["资金类别", "补贴项目", "资金名称", "项目名称", "补贴类别", "救助类别", "资金项目"],
        [ExportColumn.Amount] = ["发放金额", "金额", "补贴金额", "实发金额", "救助金额", "发放标准"],
        [ExportColumn.Period] = ["发放年月", "所属期", "发放月份", "所属年月", "发放期间", "所属期间"],
        [ExportColumn.Township] = ["乡镇", "乡镇(街道)", "乡(镇)", "乡镇街道", "所属乡镇", "乡镇(办事处)"],
        [ExportColumn.Village] = ["村", "村(社区)", "村居", "村(居)", "所属村", "村社区", "村(居)委会", "村(社区)名称"],
        [ExportColumn.RegionCode] = ["行政区划代码", "区划代码", "村级区划代码", "统计用区划代码"],
        [ExportColumn.HouseholdSize] = ["家庭人口", "保障人口", "家庭人口数", "保障人数", "家庭人数"],
        [ExportColumn.PaidOn] = ["发放日期", "发放时间"],
        [ExportColumn.Department] = ["发放部门", "填报单位", "发放单位", "主管部门"],
        [ExportColumn.BankAccount] = ["银行账号", "银行卡号", "账号", "卡号", "社保卡号", "一卡通账号"],
        [ExportColumn.Phone] = ["联系电话", "手机号", "电话", "手机号码", "联系方式"],
        [ExportColumn.Remark] = ["备注"],
    });

    public static ExportColumn? Match(string? header)
    {
        var key = Key(header);
        return key.Length > 0 && Known.TryGetValue(key, out var column) ? column : null;
    }

    private static string Key(string? header)
    {
        var s = CellText.Compact(header).Replace("*", "");
        return UnitSuffix().Replace(s, "");
    }

    private static Dictionary<string, ExportColumn> Build(Dictionary<ExportColumn, string[]> names) =>
        names.SelectMany(kv => kv.Value.Select(n => (Key(n), kv.Key))).ToDictionary(p => p.Item1, p => p.Item2);

    [GeneratedRegex(@"\((元|人|人数|个|户)\)$")]
    private static partial Regex UnitSuffix();
}
