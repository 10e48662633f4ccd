using System.Text.RegularExpressions;

namespace Portal.Core.Publication;

/// <summary>The reason a department gives for a withdrawal: required, short, and public, so it must not carry a person's number.</summary>
public static partial class WithdrawalReason
{
    public const int MaxLength = 200;

    /// <summary>Null when the reason may be recorded; otherwise what to change, in Chinese.</summary>
    public static string? Problem(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return "请填写撤回理由（会在公示页面上公开），例如：发放名单有误，核实后重新公开。";
        if (text.Length > MaxLength) return $"撤回理由最多 {MaxLength} 个字，现在是 {text.Length} 个字，请精简。";
        if (LongNumber().IsMatch(text)) return "撤回理由会公开，不能包含身份证号、电话号码或银行账号，请删去其中的号码。";
        return null;
    }

    // Seven digits or more: an ID number, a phone or a bank account; dates and counts stay shorter.
    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex LongNumber();
}
