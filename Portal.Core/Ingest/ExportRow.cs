namespace Portal.Core.Ingest;

/// <summary>The cells of one data row, by column. Bank account and phone are recognised but never kept.</summary>
public sealed record ExportRow(
    int RowNumber,
    string Name,
    string IdNumber,
    string Fund,
    string Amount,
    string Period,
    string Township,
    string Village,
    string RegionCode,
    string HouseholdSize,
    string PaidOn,
    string Department)
{
    /// <summary>Every cell the indexer uses, under the name rejection reports give its column.</summary>
    public IEnumerable<(string Column, string Text)> Cells() =>
    [
        ("姓名", Name), ("身份证号", IdNumber), ("资金类别", Fund), ("发放金额", Amount), ("发放年月", Period), ("乡镇", Township),
        ("村", Village), ("行政区划代码", RegionCode), ("家庭人口", HouseholdSize), ("发放日期", PaidOn), ("发放部门", Department),
    ];
}
