namespace Portal.Core.Regions;

/// <summary>Compares place names the way clerks write them: 史庄村 = 史庄村委会 = 史庄村民委员会.</summary>
public static class RegionNames
{
    /// <summary>Committee suffixes of the statistical names, longest first, and what the place is called without them.</summary>
    private static readonly (string Suffix, string Place)[] Committees =
    [
        ("居民管理委员会", "社区"), ("村民委员会", "村"), ("居民委员会", "社区"), ("村委员会", "村"), ("居民委会", "社区"),
        ("村委会", "村"), ("居委会", "社区"), ("委员会", ""), ("委会", ""),
    ];

    /// <summary>Endings that already say what the place is: 周庄村村委会 is 周庄村, not 周庄村村.</summary>
    private static readonly string[] PlaceEndings = ["村", "社区", "嘎查", "居"];

    private static readonly string[] Suffixes = ["社区", "村", "居", "嘎查", "街道办事处", "街道", "办事处", "镇", "乡", "苏木"];

    /// <summary>
    /// The village as people say it: 周庄村村委会 → 周庄村, 高辣村委会 → 高辣村, 新德社区居民委员会 → 新德社区,
    /// 旭湾村委会（龙寺潭） → 旭湾村（龙寺潭）; a name without a committee suffix (巴彦高毕嘎查) stays as it is.
    /// </summary>
    public static string ShortVillageName(string name)
    {
        var note = name.EndsWith('）') && name.LastIndexOf('（') is > 0 and var open ? name[open..] : "";
        var stem = name[..^note.Length];
        // A handful of statistical names repeat the last character (上田社区居委会会).
        if (stem.EndsWith("会会", StringComparison.Ordinal)) stem = stem[..^1];
        foreach (var (suffix, place) in Committees)
        {
            if (stem.Length <= suffix.Length || !stem.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var village = stem[..^suffix.Length];
            if (PlaceEndings.Any(ending => village.EndsWith(ending, StringComparison.Ordinal))) return village + note;
            return place.Length > 0 ? village + place + note : name;
        }
        return name;
    }

    /// <summary>The name without its administrative suffix, for tolerant matching.</summary>
    public static string Core(string name)
    {
        // Spreadsheets often write the note of 艾溪（西湖）社区 with half-width brackets.
        var n = ShortVillageName(name.Trim().Replace('(', '（').Replace(')', '）'));
        foreach (var suffix in Suffixes)
            if (n.Length > suffix.Length && n.EndsWith(suffix, StringComparison.Ordinal)) return n[..^suffix.Length];
        return n;
    }

    public static bool SameName(string a, string b) => Core(a) == Core(b);
}
