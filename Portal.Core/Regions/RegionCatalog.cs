using System.Globalization;
using CsvHelper;

namespace Portal.Core.Regions;

/// <summary>The region tree read from content/regions (provinces, cities, counties, townships, villages).</summary>
public sealed class RegionCatalog
{
    private readonly Dictionary<string, Region> _byCode;
    private readonly Dictionary<string, List<Region>> _children = new();

    public static readonly Region Country = new(Region.CountryCode, "全国", RegionLevel.Country, null);

    public RegionCatalog(IEnumerable<Region> regions)
    {
        _byCode = new Dictionary<string, Region> { [Country.Code] = Country };
        foreach (var region in regions) _byCode[region.Code] = region;
        foreach (var region in _byCode.Values)
        {
            if (region.ParentCode is null) continue;
            if (!_children.TryGetValue(region.ParentCode, out var list)) _children[region.ParentCode] = list = [];
            list.Add(region);
        }
        foreach (var list in _children.Values) list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
    }

    public Region? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var r) ? r : null;

    public IReadOnlyList<Region> Children(string code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The region and its ancestors, from the province down to the region itself.</summary>
    public IReadOnlyList<Region> Path(Region region)
    {
        var path = new List<Region>();
        for (var r = region; r is not null && r.Level != RegionLevel.Country; r = Find(r.ParentCode)) path.Add(r);
        path.Reverse();
        return path;
    }

    public Region? Ancestor(Region region, RegionLevel level) => Path(region).FirstOrDefault(r => r.Level == level);

    public IEnumerable<Region> AtLevel(RegionLevel level) => _byCode.Values.Where(r => r.Level == level);

    /// <summary>Display name: villages are listed by their committee (史庄村委会) but shown as the village (史庄村).</summary>
    public static string DisplayName(Region region) => region.Level == RegionLevel.Village ? RegionNames.ShortVillageName(region.Name) : region.Name;

    public static RegionCatalog Load(string regionsDirectory)
    {
        var regions = new List<Region>();
        Read(regionsDirectory, "provinces.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.Province, Region.CountryCode)));
        Read(regionsDirectory, "cities.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.City, r["provinceCode"])));
        Read(regionsDirectory, "areas.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.County, r["cityCode"])));
        Read(regionsDirectory, "streets.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.Township, r["areaCode"])));
        foreach (var file in Directory.EnumerateFiles(regionsDirectory, "villages*.csv").Order())
            Read(regionsDirectory, System.IO.Path.GetFileName(file), r => regions.Add(new Region(r["code"], r["name"], RegionLevel.Village, r["streetCode"])));
        return new RegionCatalog(regions);
    }

    private static void Read(string directory, string file, Action<Dictionary<string, string>> add)
    {
        var path = System.IO.Path.Combine(directory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"缺少区划文件：{path}", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++) row[header[i]] = csv.GetField(i) ?? "";
            add(row);
        }
    }
}
