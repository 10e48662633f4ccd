using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Exhibition;

/// <summary>
/// Output-cache tags of the exhibition and news pages. A hall page and its exhibits carry their hall's tag, the hall
/// list its own, news pages the news tag; publishing evicts the tags of exactly what changed.
/// </summary>
public static class ExhibitionCacheTags
{
    /// <summary>Every exhibition and news page.</summary>
    public const string All = "exhibition";

    /// <summary>The hall list, which shows each hall's title, cover and number of exhibits.</summary>
    public const string HallList = "exhibition-list";

    /// <summary>The news list, articles and the feed.</summary>
    public const string News = "news";

    public static string Hall(string slug) => "exhibition-hall:" + slug;

    /// <summary>
    /// The tags whose pages show something that differs between two published states, given as the live version of
    /// each public item. An exhibit's new version touches its hall; one that appears or goes also changes the hall list's count.
    /// </summary>
    public static IReadOnlySet<string> ToEvict(IReadOnlyDictionary<LiveKey, int> before, IReadOnlyDictionary<LiveKey, int> after)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var wasPublic = before.TryGetValue(key, out var was);
            var isPublic = after.TryGetValue(key, out var now);
            if (wasPublic && isPublic && was == now) continue;
            switch (key.Kind)
            {
                case ExhibitionItemKind.Hall:
                    tags.Add(Hall(key.Key));
                    tags.Add(HallList);
                    break;
                case ExhibitionItemKind.Exhibit:
                    tags.Add(Hall(key.Key[..key.Key.IndexOf('/')]));
                    if (wasPublic != isPublic) tags.Add(HallList);
                    break;
                default:
                    tags.Add(News);
                    break;
            }
        }
        return tags;
    }

    /// <summary>
    /// For each tag, a fingerprint of what its pages show in a published state; it changes exactly when
    /// <see cref="ToEvict"/> would name the tag. Pages cached under their tag's fingerprint are never served once an
    /// instance holds a newer state, even when a page rendered from the old one was stored just after the eviction.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fingerprints(IReadOnlyDictionary<LiveKey, int> live)
    {
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string tag, string part) => (parts.TryGetValue(tag, out var list) ? list : parts[tag] = []).Add(part);
        foreach (var (key, version) in live)
        {
            var item = $"{key.Kind}:{key.Key}";
            switch (key.Kind)
            {
                case ExhibitionItemKind.Hall:
                    Add(Hall(key.Key), $"{item}@{version}");
                    Add(HallList, $"{item}@{version}");
                    break;
                case ExhibitionItemKind.Exhibit:
                    Add(Hall(key.Key[..key.Key.IndexOf('/')]), $"{item}@{version}");
                    // The list counts a hall's exhibits; an exhibit's new version does not change it.
                    Add(HallList, item);
                    break;
                default:
                    Add(News, $"{item}@{version}");
                    break;
            }
        }
        return parts.ToDictionary(p => p.Key, p => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', p.Value.Order(StringComparer.Ordinal)))), 0, 8));
    }
}

/// <summary>A published item, by kind and key.</summary>
public readonly record struct LiveKey(ExhibitionItemKind Kind, string Key);
