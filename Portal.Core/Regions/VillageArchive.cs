using System.IO.Compression;

namespace Portal.Core.Regions;

/// <summary>
/// The villages of China (content/regions/villages.zip: one <c>code,name</c> file per county, 620,573 rows), read one
/// county at a time: a host serving one city never holds the other 600,000.
/// </summary>
public sealed class VillageArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _counties;
    private readonly Lock _reading = new();

    private VillageArchive(ZipArchive zip)
    {
        _zip = zip;
        _counties = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.Ordinal))
            .ToDictionary(e => e.Name[..^".csv".Length], StringComparer.Ordinal);
    }

    public static VillageArchive Open(string path) => new(ZipFile.OpenRead(path));

    public bool Covers(string countyCode) => _counties.ContainsKey(countyCode);

    /// <summary>Every county the archive holds, in code order.</summary>
    public IEnumerable<string> Counties => _counties.Keys.Order(StringComparer.Ordinal);

    /// <summary>The county's villages in code order, each under its township (the code's first nine digits); none for a county the archive lacks.</summary>
    public List<Region> Read(string countyCode)
    {
        var villages = new List<Region>();
        if (!_counties.TryGetValue(countyCode, out var entry)) return villages;
        // One entry is read at a time: a ZipArchive is not safe for parallel reads, and each county is read once.
        lock (_reading)
        {
            using var reader = new StreamReader(entry.Open());
            reader.ReadLine();
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                var comma = line.IndexOf(',');
                var code = line[..comma];
                villages.Add(new Region(code, line[(comma + 1)..], RegionLevel.Village, code[..9]));
            }
        }
        return villages;
    }

    public void Dispose() => _zip.Dispose();
}
