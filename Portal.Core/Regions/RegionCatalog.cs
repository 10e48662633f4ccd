using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;

namespace Portal.Core.Regions;

/// <summary>
/// The region tree read from content/regions: provinces, cities, counties and townships held whole, the villages of a
/// county read from the <see cref="VillageArchive"/> when first asked for and kept for the most recent counties only.
/// </summary>
public sealed class RegionCatalog
{
    /// <summary>Counties whose villages stay loaded: a province's worth, at most about 1,500 villages each (the largest county).</summary>
    public const int CountiesKept = 200;

    private readonly Dictionary<string, Region> _byCode;
    private readonly Dictionary<string, List<Region>> _children = new();
    private readonly VillageArchive? _archive;
    private readonly ConcurrentDictionary<string, Lazy<CountyVillages>> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _loadOrder = new();

    public static readonly Region Country = new(Region.CountryCode, "全国", RegionLevel.Country, null);

    public RegionCatalog(IEnumerable<Region> regions, VillageArchive? archive = null)
    {
        _archive = archive;
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

    public Region? Find(string? code)
    {
        if (code is null) return null;
        if (_byCode.TryGetValue(code, out var region)) return region;
        return code.Length == 12 && VillagesOf(code[..6]) is { } county && county.ByCode.TryGetValue(code, out region) ? region : null;
    }

    public IReadOnlyList<Region> Children(string code)
    {
        if (_children.TryGetValue(code, out var list)) return list;
        return code.Length == 9 && VillagesOf(code[..6]) is { } county && county.ByTownship.TryGetValue(code, out list) ? list : [];
    }

    /// <summary>Counties whose villages are held now: never more than <see cref="CountiesKept"/>.</summary>
    public int CountiesLoaded => _loaded.Count;

    /// <summary>Whether the county's villages are known, so that its department files can name them.</summary>
    public bool HasVillages(string countyCode) => _archive?.Covers(countyCode) == true;

    /// <summary>
    /// Every village of every county, read county by county from the archive and not kept here: for a search structure
    /// built once (<see cref="VillageSearch"/>), which would otherwise push the most recent counties out.
    /// </summary>
    public IEnumerable<Region> AllVillages() =>
        _archive is null ? [] : _archive.Counties.SelectMany(county => _archive.Read(county));

    /// <summary>The region and its ancestors, from the province down to the region itself.</summary>
    public IReadOnlyList<Region> Path(Region region)
    {
        var path = new List<Region>();
        for (var r = region; r is not null && r.Level != RegionLevel.Country; r = Find(r.ParentCode)) path.Add(r);
        path.Reverse();
        return path;
    }

    public Region? Ancestor(Region region, RegionLevel level) => Path(region).FirstOrDefault(r => r.Level == level);

    /// <summary>The regions of a level held whole (down to townships); villages are asked for by their township.</summary>
    public IEnumerable<Region> AtLevel(RegionLevel level) => _byCode.Values.Where(r => r.Level == level);

    /// <summary>Display name: villages are listed by their committee (周庄村村委会) but shown as the village (周庄村).</summary>
    public static string DisplayName(Region region) => region.Level == RegionLevel.Village ? RegionNames.ShortVillageName(region.Name) : region.Name;

    private CountyVillages? VillagesOf(string countyCode) =>
        _archive is not null && _archive.Covers(countyCode)
            ? _loaded.GetOrAdd(countyCode, code => new Lazy<CountyVillages>(() => LoadVillages(code))).Value
            : null;

    private CountyVillages LoadVillages(string countyCode)
    {
        var villages = new CountyVillages(_archive!.Read(countyCode));
        _loadOrder.Enqueue(countyCode);
        // Memory stays bounded by the counties kept, whoever walks the whole country.
        while (_loadOrder.Count > CountiesKept && _loadOrder.TryDequeue(out var oldest)) _loaded.TryRemove(oldest, out _);
        return villages;
    }

    private sealed class CountyVillages
    {
        public CountyVillages(List<Region> villages)
        {
            ByCode = villages.ToDictionary(v => v.Code, StringComparer.Ordinal);
            ByTownship = villages.GroupBy(v => v.ParentCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }

        public Dictionary<string, Region> ByCode { get; }
        public Dictionary<string, List<Region>> ByTownship { get; }
    }

    public static RegionCatalog Load(string regionsDirectory)
    {
        var regions = new List<Region>();
        Read(regionsDirectory, "provinces.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.Province, Region.CountryCode)));
        Read(regionsDirectory, "cities.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.City, r["provinceCode"])));
        Read(regionsDirectory, "areas.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.County, r["cityCode"])));
        Read(regionsDirectory, "streets.csv", r => regions.Add(new Region(r["code"], r["name"], RegionLevel.Township, r["areaCode"])));
        var archive = System.IO.Path.Combine(regionsDirectory, "villages.zip");
        if (!File.Exists(archive)) throw new FileNotFoundException($"缺少区划文件：{archive}", archive);
        return new RegionCatalog(regions, VillageArchive.Open(archive));
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
