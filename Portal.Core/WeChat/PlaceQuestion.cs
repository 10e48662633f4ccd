using System.Text;
using Portal.Core.Funds;
using Portal.Core.Regions;

namespace Portal.Core.WeChat;

/// <summary>
/// What a follower asked about: the places their words name (one, several when the name is ambiguous, none when the
/// names do not fit together) and the funds (one, a family such as 低保 = 城市低保 + 农村低保, or all when empty).
/// </summary>
public sealed record PlaceQuestion(IReadOnlyList<Region> Places, IReadOnlyList<Fund> Funds);

/// <summary>
/// Understands 史庄村 低保, 五里河镇, 杞县史庄村 or 尉氏县 五里河镇 史庄村. Townships and villages are known by name in the
/// counties served; any other county of China is known by its name, and its townships and villages once it is named.
/// The most specific name is the place; the others narrow it down.
/// </summary>
public sealed class PlaceQuestionParser
{
    public const int MaxQuestionLength = 100;

    private readonly RegionCatalog _regions;
    private readonly IReadOnlyList<(string Name, Fund Fund)> _fundNames;
    private readonly IReadOnlyList<Fund> _funds;
    private readonly Dictionary<string, List<Region>> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Region>>.AlternateLookup<ReadOnlySpan<char>> _placesBySpan;
    private readonly int _longestPlace;
    private readonly HashSet<string> _served;

    public PlaceQuestionParser(RegionCatalog regions, FundCatalog funds, IEnumerable<Region> servedCounties)
    {
        _regions = regions;
        _funds = funds.All;
        _fundNames = funds.All.SelectMany(f => f.Aliases.Append(f.Name).Select(n => (Name: n, Fund: f)))
            .OrderByDescending(n => n.Name.Length).ToList();
        _served = servedCounties.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var county in servedCounties) AddInside(_places, county);
        // A served place keeps its name: 鼓楼区 is the served 鼓楼区, not the three others of the same name.
        var served = new Dictionary<string, List<Region>>(_places, StringComparer.Ordinal);
        foreach (var county in regions.AtLevel(RegionLevel.County)) Add(_places, county, except: served);
        _placesBySpan = _places.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPlace = _places.Keys.Max(k => k.Length);
    }

    /// <summary>The question in a text, or null when it names neither a place nor a fund.</summary>
    public PlaceQuestion? Parse(string text)
    {
        var rest = new StringBuilder(Clean(text));
        var funds = new List<Fund>();
        foreach (var (name, fund) in _fundNames)
        {
            var at = rest.ToString().IndexOf(name, StringComparison.Ordinal);
            if (at < 0) continue;
            if (!funds.Contains(fund)) funds.Add(fund);
            rest.Remove(at, name.Length).Insert(at, " ");
        }

        var mentions = new List<IReadOnlyList<Region>>();
        var words = rest.ToString();
        var leftover = Scan(words, name => _placesBySpan.TryGetValue(name, out var places) ? places : null, _longestPlace, mentions);
        // A county outside those served is known by name only: once it is named, its townships and villages are read
        // and the words scanned again, its places first.
        var named = mentions.Where(m => m.Count == 1 && m[0].Level == RegionLevel.County && !_served.Contains(m[0].Code)).Select(m => m[0]).Distinct().ToList();
        if (named.Count > 0)
        {
            var inside = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
            foreach (var county in named) AddInside(inside, county);
            var insideBySpan = inside.GetAlternateLookup<ReadOnlySpan<char>>();
            mentions.Clear();
            leftover = Scan(words, name => insideBySpan.TryGetValue(name, out var places) || _placesBySpan.TryGetValue(name, out places) ? places : null,
                Math.Max(_longestPlace, inside.Keys.Max(k => k.Length)), mentions);
        }

        // Words left over may still name a family of funds: 低保, 残疾人, 补贴.
        if (funds.Count == 0)
            foreach (var word in leftover.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 2))
                funds.AddRange(_funds.Where(f => !funds.Contains(f) && f.Aliases.Append(f.Name).Any(n => n.Contains(word, StringComparison.Ordinal))));

        if (mentions.Count == 0) return funds.Count == 0 ? null : new PlaceQuestion([], funds);
        return new PlaceQuestion(Resolve(mentions), funds);
    }

    /// <summary>Takes the longest place names from the left; what no name covers is left over, names replaced by spaces.</summary>
    private delegate List<Region>? PlaceLookup(ReadOnlySpan<char> name);

    private static string Scan(string words, PlaceLookup places, int longest, List<IReadOnlyList<Region>> mentions)
    {
        var leftover = new StringBuilder();
        for (var i = 0; i < words.Length;)
        {
            var found = false;
            for (var length = Math.Min(longest, words.Length - i); length >= 2; length--)
            {
                if (places(words.AsSpan(i, length)) is not { } regions) continue;
                mentions.Add(regions);
                leftover.Append(' ');
                i += length;
                found = true;
                break;
            }
            if (!found) leftover.Append(words[i++]);
        }
        return leftover.ToString();
    }

    /// <summary>The deepest mention is the place; every other mention must be one of its ancestors (or itself).</summary>
    private List<Region> Resolve(List<IReadOnlyList<Region>> mentions)
    {
        var target = mentions.MaxBy(m => m.Max(r => (int)r.Level))!;
        return target.Where(place =>
        {
            var path = _regions.Path(place);
            return mentions.Where(m => m != target).All(m => m.Any(path.Contains));
        }).ToList();
    }

    /// <summary>Full-width letters and digits made plain, punctuation and spaces made single separators.</summary>
    private static string Clean(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized) builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return builder.ToString();
    }

    private void AddInside(Dictionary<string, List<Region>> places, Region county)
    {
        Add(places, county);
        foreach (var township in _regions.Children(county.Code))
        {
            Add(places, township);
            foreach (var village in _regions.Children(township.Code)) Add(places, village);
        }
    }

    private static void Add(Dictionary<string, List<Region>> places, Region region, Dictionary<string, List<Region>>? except = null)
    {
        var display = RegionCatalog.DisplayName(region);
        var core = RegionNames.Core(display);
        // 史庄村 and 史庄村委会 both name it; so does 史庄 (but not a one-character core such as 杞, too easily part of another word).
        foreach (var name in new[] { display, region.Name, core.Length >= 2 ? core : null }.OfType<string>().Distinct())
        {
            if (except?.ContainsKey(name) == true) continue;
            if (!places.TryGetValue(name, out var list)) places[name] = list = [];
            if (!list.Contains(region)) list.Add(region);
        }
    }
}
