namespace Portal.Core.Regions;

/// <summary>Compares place names the way clerks write them: 史庄村 = 史庄村委会 = 史庄村民委员会.</summary>
public static class RegionNames
{
    private static readonly (string Suffix, string Replacement)[] ShortForms =
    [
        ("社区居民委员会", "社区"), ("社区居委会", "社区"), ("村民委员会", "村"), ("村委会", "村"), ("居民委员会", "社区"), ("居委会", "社区"),
    ];

    private static readonly string[] Suffixes = ["社区", "村", "居", "嘎查", "街道办事处", "街道", "办事处", "镇", "乡", "苏木"];

    public static string ShortVillageName(string name)
    {
        foreach (var (suffix, replacement) in ShortForms)
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return name[..^suffix.Length] + replacement;
        return name;
    }

    /// <summary>The name without its administrative suffix, for tolerant matching.</summary>
    public static string Core(string name)
    {
        var n = ShortVillageName(name.Trim());
        foreach (var suffix in Suffixes)
            if (n.Length > suffix.Length && n.EndsWith(suffix, StringComparison.Ordinal)) return n[..^suffix.Length];
        return n;
    }

    public static bool SameName(string a, string b) => Core(a) == Core(b);
}
