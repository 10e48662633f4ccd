namespace Portal.Core.Privacy;

/// <summary>Masks a person's name for publication: 张*明, 李*, 欧阳**, 阿*****.</summary>
public static class NameMask
{
    private static readonly HashSet<string> CompoundSurnames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "令狐", "钟离", "闻人", "澹台", "呼延", "端木", "南宫", "西门", "申屠", "太史", "公羊", "万俟", "独孤", "百里",
    ];

    /// <summary>Whitespace removed, full-width folded, middle dots unified: the form hashed for self lookup.</summary>
    public static string Normalize(string name) =>
        Portal.Core.Ingest.CellText.Normalize(name).Replace(" ", "").Replace('•', '·').Replace('・', '·').Replace('.', '·');

    public static string Mask(string name)
    {
        var n = Normalize(name);
        if (n.Length == 0) return "";
        if (n.Contains('·')) return n[0] + new string('*', Math.Max(1, n.Length - 1));
        var surname = n.Length > 2 && CompoundSurnames.Contains(n[..2]) ? n[..2] : n[..1];
        var rest = n.Length - surname.Length;
        if (rest <= 0) return surname + "*";
        // Keep the last character of a three-character name (张*明); longer given names are masked whole.
        return surname.Length == 1 && n.Length == 3 ? $"{surname}*{n[2]}" : surname + new string('*', rest);
    }

    /// <summary>The surname part of a masked or plain name, for surname search.</summary>
    public static string Surname(string name)
    {
        var n = Normalize(name);
        return n.Length > 1 && CompoundSurnames.Contains(n[..2]) ? n[..2] : n.Length > 0 ? n[..1] : "";
    }
}
