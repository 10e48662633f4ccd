using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Privacy;

public enum IdNumberProblem { None, Missing, Scientific, Format, Legacy15, BirthDate, Checksum }

/// <summary>The 18-character citizen ID number of GB 11643-1999: 17 digits and a mod 11-2 check character.</summary>
public static partial class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Upper-case, half-width, without spaces.</summary>
    public static string Normalize(string text) => Portal.Core.Ingest.CellText.Normalize(text).Replace(" ", "").ToUpperInvariant();

    public static IdNumberProblem Check(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return IdNumberProblem.Missing;
        var id = Normalize(text);
        if (ScientificPattern().IsMatch(id)) return IdNumberProblem.Scientific;
        if (id.Length == 15 && id.All(char.IsAsciiDigit)) return IdNumberProblem.Legacy15;
        if (!FormatPattern().IsMatch(id)) return IdNumberProblem.Format;
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today) return IdNumberProblem.BirthDate;
        return id[17] == CheckCharacter(id.AsSpan(0, 17)) ? IdNumberProblem.None : IdNumberProblem.Checksum;
    }

    /// <summary>
    /// An old 15-digit number as its 18-character form (GB 11643-1999): "19" put before the two-digit birth year, and the
    /// check character added. Those numbers were issued to people born in the 1900s only.
    /// </summary>
    public static string FromLegacy15(string fifteenDigits)
    {
        var body = fifteenDigits[..6] + "19" + fifteenDigits[6..];
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>What a citizen typing their own number is told; it never repeats the number. Null when there is nothing wrong.</summary>
    public static string? Explain(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.None => null,
        IdNumberProblem.Missing => "请输入身份证号。",
        IdNumberProblem.Legacy15 => "请输入 18 位的第二代身份证号。15 位的老号码无法查询，可到村委会或乡镇政府咨询。",
        IdNumberProblem.BirthDate => "身份证号中的出生日期（第 7 到 14 位）不正确，请核对后重新输入。",
        IdNumberProblem.Checksum => "身份证号的最后一位对不上，可能有一位输错了。请对照身份证逐位核对。",
        IdNumberProblem.Scientific => "身份证号被写成了科学计数法，请按身份证上的 18 位号码原样输入。",
        _ => "身份证号应为 18 位：前 17 位是数字，最后一位是数字或字母 X。请核对后重新输入。",
    };

    /// <summary>An ID number with its birth date and sequence hidden, for rejection reports: 410221********123X.</summary>
    public static string Mask(string text)
    {
        var id = Normalize(text);
        return id.Length < 12 ? new string('*', id.Length) : id[..6] + new string('*', id.Length - 10) + id[^4..];
    }

    [GeneratedRegex(@"^\d(\.\d+)?E\+?\d+$")]
    private static partial Regex ScientificPattern();

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex FormatPattern();
}
