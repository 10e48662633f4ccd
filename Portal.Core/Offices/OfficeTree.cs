using System.Text.RegularExpressions;
using Portal.Core.Regions;
using Portal.Core.Reports;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Portal.Core.Offices;

/// <summary>
/// The offices of content/offices.yaml as one checked tree: found by code, with their parent, their subordinates, and the
/// offices within a region or covering a place.
/// </summary>
public sealed partial class OfficeTree
{
    private readonly Dictionary<string, Office> _byCode;
    private readonly Dictionary<string, List<Office>> _children;
    private readonly RegionCatalog _regions;

    private OfficeTree(IReadOnlyList<Office> offices, OfficeElsewhere elsewhere, RegionCatalog regions)
    {
        All = offices;
        Elsewhere = elsewhere;
        _regions = regions;
        _byCode = offices.ToDictionary(o => o.Code, StringComparer.Ordinal);
        _children = offices.Where(o => o.ParentCode is not null).GroupBy(o => o.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Top = offices.Single(o => o.ParentCode is null);
    }

    public IReadOnlyList<Office> All { get; }

    /// <summary>The one office without a parent; existing accounts and reports belong to it.</summary>
    public Office Top { get; }

    public OfficeElsewhere Elsewhere { get; }

    public Office? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var office) ? office : null;

    public Office? Parent(Office office) => Find(office.ParentCode);

    /// <summary>Every office below this one, at any depth, nearest first.</summary>
    public IReadOnlyList<Office> Subordinates(Office office)
    {
        var found = new List<Office>();
        var next = new Queue<Office>([office]);
        while (next.TryDequeue(out var current))
            foreach (var child in _children.GetValueOrDefault(current.Code) ?? [])
            {
                found.Add(child);
                next.Enqueue(child);
            }
        return found;
    }

    /// <summary>Whether <paramref name="office"/> is <paramref name="superior"/> or below it.</summary>
    public bool IsWithin(Office office, Office superior)
    {
        for (var o = office; o is not null; o = Parent(o))
            if (o.Code == superior.Code) return true;
        return false;
    }

    /// <summary>The offices whose region lies within the region (a city's offices include its counties').</summary>
    /// <summary>交办 when a report goes to an office below the sender, 报送 when it goes up.</summary>
    public string HandOverName(string fromCode, string? toCode) =>
        Find(fromCode) is { } from && Find(toCode) is { } to && IsWithin(to, from) ? "交办" : "报送";

    public IReadOnlyList<Office> WithinRegion(string regionCode) =>
        _regions.Find(regionCode) is { } region ? All.Where(o => Inside(o.RegionCode, region)).ToList() : [];

    /// <summary>The offices whose region holds the place, from the top office down to the most local one; empty outside the deployment.</summary>
    public IReadOnlyList<Office> Covering(Region place)
    {
        var path = _regions.Path(place).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var chain = new List<Office>();
        for (var office = Top; office is not null && path.Contains(office.RegionCode);)
        {
            chain.Add(office);
            // An office of the same region as its parent (a 派驻组) handles its own units, not the places of the region.
            office = (_children.GetValueOrDefault(office.Code) ?? []).FirstOrDefault(c => path.Contains(c.RegionCode) && c.RegionCode != office.RegionCode);
        }
        return chain;
    }

    private bool Inside(string regionCode, Region outer) =>
        _regions.Find(regionCode) is { } region && _regions.Path(region).Any(r => r.Code == outer.Code);

    public static OfficeTree Load(string path, RegionCatalog regions)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"缺少受理机关配置：{path}", path);
        OfficeFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<OfficeFile>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}：第 {e.Start.Line} 行格式有误（{e.Message}）。", e);
        }
        return Build(file ?? new OfficeFile(), regions, path);
    }

    private static OfficeTree Build(OfficeFile file, RegionCatalog regions, string path)
    {
        string Problem(string text) => $"{path}：{text}";
        var offices = new List<Office>();
        foreach (var entry in file.Offices ?? [])
        {
            var code = entry.Code?.Trim() ?? "";
            if (!CodePattern().IsMatch(code)) throw new InvalidDataException(Problem($"机关代码“{code}”无效：须为 1 到 20 位字母、数字或连字符。"));
            if (offices.Any(o => o.Code == code)) throw new InvalidDataException(Problem($"机关代码“{code}”重复。"));
            if (string.IsNullOrWhiteSpace(entry.Name)) throw new InvalidDataException(Problem($"机关 {code} 缺少 name（名称）。"));
            var region = regions.Find(entry.Region?.Trim());
            if (region is null or { Level: RegionLevel.Country })
                throw new InvalidDataException(Problem($"机关 {code}（{entry.Name}）的区划代码“{entry.Region}”不存在，请填写 content/regions 中的代码，如 4102、410221。"));
            var levels = new HashSet<OfficialLevel>();
            foreach (var levelName in entry.Levels ?? [])
                levels.Add(ReportTerms.ParseLevel(levelName) ?? throw new InvalidDataException(
                    Problem($"机关 {code}（{entry.Name}）的级别“{levelName}”无效，可选：{string.Join("、", ReportTerms.Levels.Values)}。")));
            offices.Add(new Office(code, entry.Name.Trim(), string.IsNullOrWhiteSpace(entry.Parent) ? null : entry.Parent.Trim(), region.Code, levels));
        }
        var tops = offices.Where(o => o.ParentCode is null).ToList();
        if (tops.Count != 1)
            throw new InvalidDataException(Problem(tops.Count == 0
                ? "没有最上级机关：须有且只有一个机关不写 parent。"
                : $"最上级机关只能有一个，现在有 {tops.Count} 个：{string.Join("、", tops.Select(o => o.Name))}。其余机关请写明 parent。"));
        var byCode = offices.ToDictionary(o => o.Code);
        foreach (var office in offices.Where(o => o.ParentCode is not null))
        {
            if (!byCode.TryGetValue(office.ParentCode!, out var parent))
                throw new InvalidDataException(Problem($"机关 {office.Code}（{office.Name}）的上级机关“{office.ParentCode}”不存在。"));
            var seen = new HashSet<string> { office.Code };
            for (var up = parent; up is not null; up = up.ParentCode is null ? null : byCode.GetValueOrDefault(up.ParentCode))
                if (!seen.Add(up.Code))
                    throw new InvalidDataException(Problem($"机关 {office.Code}（{office.Name}）的上级关系成环：{string.Join(" → ", seen)} → {up.Code}。"));
            var within = regions.Path(regions.Find(office.RegionCode)!).Any(r => r.Code == parent.RegionCode);
            if (!within)
                throw new InvalidDataException(Problem(
                    $"机关 {office.Code}（{office.Name}）的区划 {office.RegionCode} 不在上级机关 {parent.Name} 的区划 {parent.RegionCode} 之内。"));
        }
        var elsewhere = file.Elsewhere is { Name: { Length: > 0 } name, Site: { Length: > 0 } site }
            ? new OfficeElsewhere(name.Trim(), site.Trim())
            : throw new InvalidDataException(Problem("缺少 elsewhere（不在本平台受理的举报应去的上级纪委监委，含 name 和 site）。"));
        return new OfficeTree(offices, elsewhere, regions);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex CodePattern();

    private sealed class OfficeFile
    {
        public ElsewhereEntry? Elsewhere { get; set; }
        public List<OfficeEntry>? Offices { get; set; }
    }

    private sealed class ElsewhereEntry
    {
        public string? Name { get; set; }
        public string? Site { get; set; }
    }

    private sealed class OfficeEntry
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Parent { get; set; }
        public string? Region { get; set; }
        public List<string>? Levels { get; set; }
    }
}
