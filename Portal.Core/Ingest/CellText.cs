using System.Globalization;
using System.Text;

namespace Portal.Core.Ingest;

/// <summary>Cleans a spreadsheet cell as clerks type them: full-width digits and brackets, stray and inner spaces.</summary>
public static class CellText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = IsPlain(text) ? text : text.Normalize(NormalizationForm.FormKC);
        s = s.Trim();
        if (s.AsSpan().IndexOfAny(" \t\u00A0\r\n") < 0) return s;
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Normalized with every space removed: for codes, numbers and amounts.</summary>
    public static string Compact(string? text) => Normalize(text).Replace(" ", "");

    /// <summary>Parses an amount in yuan: thousands separators, ¥ and 元 allowed; at most two decimals.</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0;
        var s = Compact(text).Replace(",", "").Replace("¥", "").Replace("￥", "").TrimEnd('元');
        if (s.Length == 0 || s.Length > 20) return false;
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)) return false;
        return decimal.Round(amount, 2) == amount;
    }

    // ASCII and CJK ideographs are already in NFKC form; only full-width and compatibility characters need the slow path.
    private static bool IsPlain(string text)
    {
        foreach (var c in text)
            if (c > 0x7E && !(c >= 0x4E00 && c <= 0x9FFF)) return false;
        return true;
    }
}
