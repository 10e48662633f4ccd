using Portal.Core.Exhibition;

namespace Portal.Core.Tests.Exhibition;

/// <summary>A page is cached under its tag's fingerprint, which moves exactly when a publication would evict that tag.</summary>
public class ExhibitionCacheTagsTests
{
    private static readonly Dictionary<LiveKey, int> Before = new()
    {
        [new(ExhibitionItemKind.Hall, "qingguan")] = 1,
        [new(ExhibitionItemKind.Exhibit, "qingguan/guide")] = 1,
        [new(ExhibitionItemKind.Hall, "jilv")] = 2,
        [new(ExhibitionItemKind.Exhibit, "jilv/rules")] = 3,
        [new(ExhibitionItemKind.Article, "2025-01-23-item-23")] = 1,
    };

    public static TheoryData<string, ExhibitionItemKind, string, int?> Publications => new()
    {
        { "an exhibit's new version", ExhibitionItemKind.Exhibit, "qingguan/guide", 2 },
        { "a new exhibit", ExhibitionItemKind.Exhibit, "qingguan/new", 1 },
        { "an exhibit taken down", ExhibitionItemKind.Exhibit, "jilv/rules", null },
        { "a hall's new version", ExhibitionItemKind.Hall, "jilv", 3 },
        { "a news article's new version", ExhibitionItemKind.Article, "2025-01-23-item-23", 2 },
    };

    [Theory]
    [MemberData(nameof(Publications))]
    public void A_tags_fingerprint_changes_exactly_when_the_publication_evicts_the_tag(string what, ExhibitionItemKind kind, string key, int? version)
    {
        var after = new Dictionary<LiveKey, int>(Before);
        if (version is { } v) after[new(kind, key)] = v;
        else after.Remove(new(kind, key));

        var evicted = ExhibitionCacheTags.ToEvict(Before, after);
        var (was, now) = (ExhibitionCacheTags.Fingerprints(Before), ExhibitionCacheTags.Fingerprints(after));

        Assert.NotEmpty(evicted);
        foreach (var tag in new[] { ExhibitionCacheTags.Hall("qingguan"), ExhibitionCacheTags.Hall("jilv"), ExhibitionCacheTags.HallList, ExhibitionCacheTags.News })
            Assert.True(evicted.Contains(tag) == (was.GetValueOrDefault(tag) != now.GetValueOrDefault(tag)), $"{what}: {tag}");
    }
}
