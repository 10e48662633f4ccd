using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Exhibition;

/// <summary>
/// The exhibition as published in content/exhibition, read once and held in memory (it is small and
/// changes by deployment). The version is a hash of every file, so ETags change exactly when content does.
/// </summary>
public sealed class FileExhibitionContent : IExhibitionContent
{
    private readonly IReadOnlyList<Hall> _halls;
    private readonly Dictionary<string, Hall> _hallsBySlug;
    private readonly Dictionary<string, Exhibit> _exhibits;
    private readonly IReadOnlyList<NewsArticle> _news;
    private readonly Dictionary<string, NewsArticle> _articles;

    public FileExhibitionContent(string root)
    {
        Root = root;
        (_halls, _news) = ExhibitionContentReader.Read(root);
        _hallsBySlug = _halls.ToDictionary(h => h.Slug, StringComparer.Ordinal);
        _exhibits = _halls.SelectMany(h => h.Exhibits).ToDictionary(e => e.Id, StringComparer.Ordinal);
        _articles = _news.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Version = VersionOf(root);
    }

    public string Root { get; }

    /// <summary>Where media files live; the hosts serve them under <see cref="ExhibitionMedia.PathPrefix"/>.</summary>
    public string MediaDirectory => Path.Combine(Root, "media");

    public string Version { get; }

    public IReadOnlyList<Hall> Halls() => _halls;

    public Hall? Hall(string slug) => _hallsBySlug.GetValueOrDefault(slug);

    public Exhibit? Exhibit(string id) => _exhibits.GetValueOrDefault(id);

    public NewsPage News(int page, int pageSize, string? category = null)
    {
        var matching = category is null ? _news : _news.Where(n => n.Category == category).ToList();
        page = Math.Max(1, page);
        return new NewsPage(matching.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matching.Count, page, pageSize);
    }

    public NewsArticle? Article(string id) => _articles.GetValueOrDefault(id);

    private static string VersionOf(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(root))
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}

/// <summary>How media are addressed from pages and the API.</summary>
public static class ExhibitionMedia
{
    public const string PathPrefix = "/media/exhibition";

    public static string Url(string src) => PathPrefix + "/" + string.Join('/', src.Split('/').Select(Uri.EscapeDataString));
}
