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
}

/// <summary>A published item, by kind and key.</summary>
public readonly record struct LiveKey(ExhibitionItemKind Kind, string Key);
