namespace Portal.Core.Exhibition;

/// <summary>
/// The published exhibition and news held in memory: the pages and the API read it on every request, and it changes
/// only when something is published, so it is built whole and replaced whole.
/// </summary>
public sealed class ExhibitionSnapshot : IExhibitionContent
{
    private readonly IReadOnlyList<Hall> _halls;
    private readonly Dictionary<string, Hall> _hallsBySlug;
    private readonly Dictionary<string, Exhibit> _exhibits;
    private readonly IReadOnlyList<NewsArticle> _news;
    private readonly Dictionary<string, NewsArticle> _articles;

    public ExhibitionSnapshot(IReadOnlyList<Hall> halls, IReadOnlyList<NewsArticle> news, string version)
    {
        _halls = halls;
        _news = news;
        _hallsBySlug = halls.ToDictionary(h => h.Slug, StringComparer.Ordinal);
        _exhibits = halls.SelectMany(h => h.Exhibits).ToDictionary(e => e.Id, StringComparer.Ordinal);
        _articles = news.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Version = version;
    }

    public static readonly ExhibitionSnapshot Empty = new([], [], "empty");

    public string Version { get; }

    public IReadOnlyList<Hall> Halls() => _halls;

    public Hall? Hall(string slug) => _hallsBySlug.GetValueOrDefault(slug);

    public Exhibit? Exhibit(string id) => _exhibits.GetValueOrDefault(id);

    public NewsPage News(int page, int pageSize, string? category = null, string? office = null)
    {
        var matching = category is null && office is null ? _news
            : _news.Where(n => (category is null || n.Category == category) && (office is null || n.OfficeCode == office)).ToList();
        page = Math.Max(1, page);
        return new NewsPage(matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize);
    }

    public NewsArticle? Article(string id) => _articles.GetValueOrDefault(id);
}

/// <summary>How media are addressed from pages and the API.</summary>
public static class ExhibitionMedia
{
    public const string PathPrefix = "/media/exhibition";

    /// <summary>Media uploaded in the back office live in blob storage under this folder; the rest ship in content/exhibition/media.</summary>
    public const string UploadFolder = "uploads/";

    public static string Url(string src) => PathPrefix + "/" + string.Join('/', src.Split('/').Select(Uri.EscapeDataString));

    public static bool IsUpload(string src) => src.StartsWith(UploadFolder, StringComparison.Ordinal);

    /// <summary>A relative path that stays inside the media folder.</summary>
    public static bool IsInside(string src) =>
        src.Length is > 0 and <= 200 && !src.Contains("..", StringComparison.Ordinal) && !src.Contains('\\') && !src.StartsWith('/') && !Path.IsPathRooted(src);
}
