using System.Text.RegularExpressions;
using Portal.Core.Reports;

namespace Portal.Core.WeChat;

public enum SensitiveKind { None, QueryCode, Password, IdNumber }

/// <summary>
/// Notices a query code, a password or an ID number sent in a chat: it gets a warning and a link to the right page,
/// and is never echoed, stored or logged.
/// </summary>
public static partial class SensitiveText
{
    public static SensitiveKind Detect(string text)
    {
        foreach (Match run in AsciiRun().Matches(text))
        {
            var tokens = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Any(t => IdNumberLike().IsMatch(t))) return SensitiveKind.IdNumber;
            if (LooksLikeQueryCode(tokens)) return SensitiveKind.QueryCode;
        }
        if (text.Contains("查询码", StringComparison.Ordinal)) return SensitiveKind.QueryCode;
        if (text.Contains("密码", StringComparison.Ordinal)) return SensitiveKind.Password;
        if (text.Contains("身份证", StringComparison.Ordinal)) return SensitiveKind.IdNumber;
        return SensitiveKind.None;
    }

    /// <summary>A code typed in groups or in one piece, perhaps followed by a password; or a long mix of letters and digits mistyped.</summary>
    private static bool LooksLikeQueryCode(string[] tokens)
    {
        for (var start = 0; start < tokens.Length; start++)
            for (var count = 1; count <= QueryCode.Length / QueryCode.GroupSize && start + count <= tokens.Length; count++)
                if (QueryCode.Normalize(string.Concat(tokens.Skip(start).Take(count))) is not null) return true;
        return tokens.Any(t => t.Replace("-", "").Length >= 16 && t.Any(char.IsAsciiLetter) && t.Any(char.IsAsciiDigit));
    }

    [GeneratedRegex("[A-Za-z0-9][A-Za-z0-9 \\-]{14,}[A-Za-z0-9]")]
    private static partial Regex AsciiRun();

    [GeneratedRegex("^[0-9]{17}[0-9Xx]$")]
    private static partial Regex IdNumberLike();
}
