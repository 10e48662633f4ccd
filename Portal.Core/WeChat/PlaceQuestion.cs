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
/// Understands 史庄村 低保, 五里河镇, 杞县史庄村 or 尉氏县 五里河镇 史庄村 over the counties whose villages are loaded,
/// the only ones that can have payments. The most specific name is the place; the others narrow it down.
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

    public PlaceQuestionParser(RegionCatalog regions, FundCatalog funds)
    {
        _regions = regions;
        _funds = funds.All;
        _fundNames = funds.All.SelectMany(f => f.Aliases.Append(f.Name).Select(n => (Name: n, Fund: f)))
            .OrderByDescending(n => n.Name.Length).ToList();
        var counties = regions.AtLevel(RegionLevel.Village).Select(v => regions.Ancestor(v, RegionLevel.County)).OfType<Region>().Distinct();
        foreach (var county in counties)
        {
            Add(county);
            foreach (var township in regions.Children(county.Code))
            {
                Add(township);
                foreach (var village in regions.Children(township.Code)) Add(village);
            }
        }
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
        var leftover = new StringBuilder();
        var words = rest.ToString();
        for (var i = 0; i < words.Length;)
        {
            var found = false;
            for (var length = Math.Min(_longestPlace, words.Length - i); length >= 2; length--)
            {
                if (!_placesBySpan.TryGetValue(words.AsSpan(i, length), out var places)) continue;
                mentions.Add(places);
                leftover.Append(' ');
                i += length;
                found = true;
                break;
            }
            if (!found) leftover.Append(words[i++]);
        }

        // Words left over may still name a family of funds: 低保, 残疾人, 补贴.
        if (funds.Count == 0)
            foreach (var word in leftover.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 2))
                funds.AddRange(_funds.Where(f => !funds.Contains(f) && f.Aliases.Append(f.Name).Any(n => n.Contains(word, StringComparison.Ordinal))));

        if (mentions.Count == 0) return funds.Count == 0 ? null : new PlaceQuestion([], funds);
        return new PlaceQuestion(Resolve(mentions), funds);
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

    private void Add(Region region)
    {
        var display = RegionCatalog.DisplayName(region);
        var core = RegionNames.Core(display);
        // 史庄村 and 史庄村委会 both name it; so does 史庄 (but not a one-character core such as 杞, too easily part of another word).
        foreach (var name in new[] { display, region.Name, core.Length >= 2 ? core : null }.OfType<string>().Distinct())
        {
            if (!_places.TryGetValue(name, out var list)) _places[name] = list = [];
            if (!list.Contains(region)) list.Add(region);
        }
    }
}
