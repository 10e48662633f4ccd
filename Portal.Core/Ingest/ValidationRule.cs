namespace Portal.Core.Ingest;

/// <summary>The rules a row must pass before it is published. Each rejection names one.</summary>
public enum ValidationRule
{
    NameMissing, IdNumberInvalid, RegionUnknown, RegionOutsideCounty, RegionNameMismatch, FundUnknown,
    AmountInvalid, AmountAboveStandard, PeriodInvalid, HouseholdSizeInvalid, PaidOnInvalid,
    DuplicatePayment, ExclusiveFunds, TotalMismatch, UnknownColumn, UnreadableText, DepartmentReplaced,
    /// <summary>A date of a reference list (死亡日期) that cannot be read or lies ahead.</summary>
    DateInvalid,
}

public static class ValidationRuleNames
{
    public static string Title(this ValidationRule rule) => rule switch
    {
        ValidationRule.NameMissing => "姓名缺失",
        ValidationRule.IdNumberInvalid => "身份证号无效",
        ValidationRule.RegionUnknown => "区划不存在",
        ValidationRule.RegionOutsideCounty => "区划不属于本县",
        ValidationRule.RegionNameMismatch => "区划名称不符",
        ValidationRule.FundUnknown => "资金类别未知",
        ValidationRule.AmountInvalid => "金额无效",
        ValidationRule.AmountAboveStandard => "金额超出标准",
        ValidationRule.PeriodInvalid => "所属期无效",
        ValidationRule.HouseholdSizeInvalid => "家庭人口无效",
        ValidationRule.PaidOnInvalid => "发放日期无效",
        ValidationRule.DuplicatePayment => "重复发放",
        ValidationRule.ExclusiveFunds => "互斥资金重复享受",
        ValidationRule.TotalMismatch => "合计不符",
        ValidationRule.UnknownColumn => "未识别的列",
        ValidationRule.UnreadableText => "含无法识别的字符",
        ValidationRule.DepartmentReplaced => "发放部门未识别",
        ValidationRule.DateInvalid => "日期无效",
        _ => rule.ToString(),
    };
}

/// <summary>One reason a row was held back (or, for TotalMismatch, UnknownColumn and DepartmentReplaced, a warning about the file).</summary>
public sealed record Rejection(string File, int Row, string Column, ValidationRule Rule, string Message);
